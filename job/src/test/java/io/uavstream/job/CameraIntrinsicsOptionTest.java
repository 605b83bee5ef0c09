package io.uavstream.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uavstream.odometry.CameraModel;
import io.uavstream.operators.AnalysisConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code --camera-intrinsics} option, which turns the visual odometry on. */
class CameraIntrinsicsOptionTest {

    @TempDir
    Path dir;

    @Test
    void intrinsicsFileTurnsOdometryOn() throws IOException {
        Path file = dir.resolve("intrinsics.json");
        Files.writeString(file, "{\"width\": 640, \"height\": 480, \"fx\": 457.1, \"fy\": 457.1, \"cx\": 320, \"cy\": 240}");

        AnalysisConfig config = analysisConfig("--camera-intrinsics", file.toString());

        assertThat(config.odometryCamera()).isEqualTo(CameraModel.pinhole(640, 480, 457.1, 457.1, 320, 240));
    }

    @Test
    void odometryIsOffByDefault() {
        assertThat(analysisConfig().odometryCamera()).isNull();
    }

    @Test
    void missingIntrinsicsFileNamesOption() {
        Path missing = dir.resolve("missing.json");

        assertThatThrownBy(() -> analysisConfig("--camera-intrinsics", missing.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--camera-intrinsics " + missing);
    }

    private static AnalysisConfig analysisConfig(String... extra) {
        String[] base = {"--bootstrap-servers", "127.0.0.1:9092", "--model", "model.onnx", "--intra-op-threads", "1"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return UavstreamTopology.analysisConfig(StreamExecutionEnvironment.getExecutionEnvironment(),
                JobOptions.fromArgs(args));
    }
}
