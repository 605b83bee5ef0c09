package io.uavstream.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uavstream.models.testing.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectDetectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Rewrites the descriptor at {@code file} with {@code change} applied. */
    private static void edit(Path file, Consumer<ObjectNode> change) throws IOException {
        ObjectNode node = (ObjectNode) JSON.readTree(file.toFile());
        change.accept(node);
        JSON.writeValue(file.toFile(), node);
    }

    private static BgrImage black(int width, int height) {
        return new BgrImage(width, height, new byte[3 * width * height]);
    }

    @Test
    void opensOnnxWithSiblingDescriptor() {
        TinyModels.yolox(dir);

        try (ObjectDetector detector = ObjectDetectors.open(dir.resolve("tiny-yolox.onnx"), 1)) {
            assertThat(detector.descriptor().id()).isEqualTo("tiny-yolox");
            assertThat(detector.detect(black(64, 64))).hasSize(4);
        }
    }

    @Test
    void nanoDetOutputsRejectedForYoloxDescriptor() throws IOException {
        Path descriptor = TinyModels.nanoDetPlus(dir);
        edit(descriptor, node -> {
            node.put("format", "YOLOX");
            node.remove("regMax");
        });

        assertThatThrownBy(() -> ObjectDetectors.open(descriptor, 1))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("has 6 output(s)")
                .hasMessageContaining("'scores_8' [1, 64, 80]")
                .hasMessageContaining("'boxes_32' [1, 4, 32]")
                .hasMessageContaining("format YOLOX")
                .hasMessageContaining("expects 1: [1, 84, 85] (per grid cell");
    }

    @Test
    void classCountMismatchNamesOutputShapes() throws IOException {
        Path descriptor = TinyModels.yolox(dir);
        edit(descriptor, node -> node.withArray("classNames").remove(79));

        assertThatThrownBy(() -> ObjectDetectors.open(descriptor, 1))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("output 'output'")
                .hasMessageContaining("has shape [1, 84, 85]")
                .hasMessageContaining("expects [1, 84, 84]");
    }

    @Test
    void stridesMismatchNamesOutputShapes() throws IOException {
        Path descriptor = TinyModels.yolov8(dir);
        edit(descriptor, node -> node.putArray("strides").add(8).add(16));

        assertThatThrownBy(() -> ObjectDetectors.open(descriptor, 1))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("output 'output0'")
                .hasMessageContaining("has shape [1, 84, 84]")
                .hasMessageContaining("expects [1, 84, 80]");
    }

    @Test
    void inputSizeMismatchNamesInput() throws IOException {
        Path descriptor = TinyModels.yolov5(dir);
        edit(descriptor, node -> node.put("inputWidth", 96));

        assertThatThrownBy(() -> ObjectDetectors.open(descriptor, 1))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("input 'images'")
                .hasMessageContaining("has shape [1, 3, 64, 64]")
                .hasMessageContaining("feeds [1, 3, 64, 96]");
    }

    @Test
    void bundledDescriptorUsedForKnownName() throws IOException {
        Path tiny = dir.resolve("tiny");
        TinyModels.yolox(tiny);
        Path model = Files.copy(tiny.resolve("tiny-yolox.onnx"), dir.resolve("yolox-nano-416.onnx"));

        // The bundled descriptor expects a 416x416 input, so the 64x64 tiny model fails the check.
        assertThatThrownBy(() -> ObjectDetectors.open(model, 1))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("bundled descriptor yolox-nano-416.json")
                .hasMessageContaining("inputWidth 416");
    }

    @Test
    void onnxWithoutDescriptorExplainsFix() throws IOException {
        Path model = Files.write(dir.resolve("custom.onnx"), new byte[] {1});

        assertThatThrownBy(() -> ObjectDetectors.open(model, 1))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("No model descriptor for " + model)
                .hasMessageContaining(dir.resolve("custom.json").toString())
                .hasMessageContaining("Write a descriptor");
    }

    @Test
    void missingOnnxFileIsNamed() {
        Path model = dir.resolve("absent.onnx");

        assertThatThrownBy(() -> ObjectDetectors.open(model, 1))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("Model file " + model + " does not exist");
    }

    @Test
    void corruptOnnxFileFailsToLoad() throws IOException {
        Path descriptor = TinyModels.yolox(dir);
        Files.write(dir.resolve("tiny-yolox.onnx"), new byte[] {0x08, 0x08, 0x3a, 0x7f, 0x01});

        assertThatThrownBy(() -> ObjectDetectors.open(descriptor, 1))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("ONNX Runtime could not load model")
                .hasMessageContaining("tiny-yolox.onnx");
    }

    @Test
    void malformedDescriptorFailsToOpen() throws IOException {
        Path descriptor = TinyModels.yolox(dir);
        Files.writeString(descriptor, "{\"id\": ");

        assertThatThrownBy(() -> ObjectDetectors.open(dir.resolve("tiny-yolox.onnx"), 1))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining(descriptor.toString())
                .hasMessageContaining("is not valid JSON");
    }

    @Test
    void siblingDescriptorNamingOtherModel() throws IOException {
        TinyModels.yolox(dir);
        Path model = Files.copy(dir.resolve("tiny-yolox.onnx"), dir.resolve("copy.onnx"));
        Files.copy(dir.resolve("tiny-yolox.json"), dir.resolve("copy.json"));

        assertThatThrownBy(() -> ObjectDetectors.open(model, 1))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("names the model " + dir.resolve("tiny-yolox.onnx"));
    }

    @Test
    void otherExtensionIsRejected() {
        assertThatThrownBy(() -> ObjectDetectors.open(dir.resolve("model.pt"), 1))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("Expected a model descriptor (.json) or an ONNX model");
    }

    @Test
    void zeroThreadsIsRejected() {
        Path descriptor = TinyModels.yolox(dir);

        assertThatThrownBy(() -> ObjectDetectors.open(descriptor, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("intraOpThreads must be at least 1, got 0");
    }

    @Test
    void detectAfterCloseIsRejected() {
        ObjectDetector detector = ObjectDetectors.open(TinyModels.yolox(dir), 1);
        detector.close();

        assertThatThrownBy(() -> detector.detect(black(64, 64)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Detector 'tiny-yolox' is closed");
    }
}
