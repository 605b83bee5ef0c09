package io.uavstream.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uavstream.models.DefaultModel;
import io.uavstream.models.InvalidModelException;
import io.uavstream.models.testing.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model checks that must fail the job on the client, before anything is submitted. */
class ModelPreflightTest {

    @TempDir
    Path directory;

    @Test
    void missingModelFailsBeforeSubmission() {
        Path missing = directory.resolve("no-such-model.onnx");

        assertThatThrownBy(() -> UavstreamJob.main(args(missing)))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("not found")
                .hasMessageContaining(DefaultModel.ID);
    }

    @Test
    void malformedDescriptorFailsBeforeSubmission() throws IOException {
        Path descriptor = Files.writeString(directory.resolve("broken.json"), "{\"id\": \"broken\",");

        assertThatThrownBy(() -> UavstreamJob.main(args(descriptor)))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining(descriptor.toString());
    }

    @Test
    void descriptorWithMissingOnnxFailsBeforeSubmission() throws IOException {
        Path descriptor = TinyModels.yolox(directory);
        Path onnx = directory.resolve("tiny-yolox.onnx");
        Files.delete(onnx);

        assertThatThrownBy(() -> UavstreamJob.main(args(descriptor)))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining(onnx.toString());
    }

    @Test
    void malformedOnnxFailsBeforeSubmission() throws IOException {
        Path descriptor = TinyModels.yolox(directory);
        Path onnx = directory.resolve("tiny-yolox.onnx");
        Files.write(onnx, new byte[] {0x08, 0x07, 0x12, 0x7F, 0x00, 0x01});

        assertThatThrownBy(() -> UavstreamJob.main(args(descriptor)))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining(onnx.toString());
    }

    @Test
    void validModelPassesPreflight() {
        Path descriptor = TinyModels.yolox(directory);

        assertThat(ModelPreflight.check(descriptor).id()).isEqualTo("tiny-yolox");
    }

    private static String[] args(Path model) {
        return new String[] {"--bootstrap-servers", "127.0.0.1:9", "--model", model.toString()};
    }
}
