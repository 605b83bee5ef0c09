package io.uavstream.models.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorProfilerTest {

    @TempDir
    Path temp;

    @Test
    void profileCountsConvolutionKernels() throws Exception {
        Path model = TinyConvModel.write(temp.resolve("tiny-conv.onnx"));

        OperatorProfile profile = OperatorProfiler.profile(model, 1, 2, 5, temp);

        assertThat(profile.runs()).isEqualTo(5);
        assertThat(profile.meanRunMillis()).isPositive();
        double convolutions = profile.operators().stream()
                .filter(o -> o.operator().contains("Conv"))
                .mapToDouble(OperatorProfile.OperatorTime::nodesPerRun).sum();
        assertThat(convolutions).isEqualTo(3.0);
        assertThat(profile.optimizedOperators()).isNotEmpty();
    }

    @Test
    void profileRejectsZeroRuns() throws Exception {
        Path model = TinyConvModel.write(temp.resolve("tiny-conv.onnx"));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> OperatorProfiler.profile(model, 1, 0, 0, temp))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runs >= 1");
    }
}
