package io.uavstream.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDescriptorReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path model;

    @BeforeEach
    void writeModelFile() throws IOException {
        model = Files.write(dir.resolve("model.onnx"), new byte[] {1});
    }

    private ObjectNode validDescriptor() {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", "test-yolox");
        node.put("format", "YOLOX");
        node.put("model", "model.onnx");
        node.put("inputWidth", 416);
        node.put("inputHeight", 320);
        node.put("colorOrder", "BGR");
        node.put("letterbox", "TOP_LEFT");
        node.put("padValue", 114);
        node.putArray("strides").add(8).add(16).add(32);
        node.putArray("classNames").add("person").add("car");
        return node;
    }

    private Path write(ObjectNode node) throws IOException {
        Path file = dir.resolve("descriptor.json");
        JSON.writeValue(file.toFile(), node);
        return file;
    }

    private Path writeModified(Consumer<ObjectNode> change) throws IOException {
        ObjectNode node = validDescriptor();
        change.accept(node);
        return write(node);
    }

    @Test
    void validDescriptorReadsAllFields() throws IOException {
        ObjectNode node = validDescriptor();
        node.putArray("mean").add(1).add(2).add(3);
        node.putArray("std").add(4).add(5).add(6);
        node.put("scoreThreshold", 0.25);
        node.put("nmsIouThreshold", 0.5);
        node.put("maxDetections", 7);

        ModelDescriptor descriptor = ModelDescriptor.read(write(node));

        assertThat(descriptor.id()).isEqualTo("test-yolox");
        assertThat(descriptor.format()).isEqualTo(ModelFormat.YOLOX);
        assertThat(descriptor.modelPath()).isEqualTo(model.toAbsolutePath().normalize());
        assertThat(descriptor.inputWidth()).isEqualTo(416);
        assertThat(descriptor.inputHeight()).isEqualTo(320);
        assertThat(descriptor.colorOrder()).isEqualTo(ColorOrder.BGR);
        assertThat(descriptor.mean()).containsExactly(1f, 2f, 3f);
        assertThat(descriptor.std()).containsExactly(4f, 5f, 6f);
        assertThat(descriptor.letterbox()).isEqualTo(LetterboxAlignment.TOP_LEFT);
        assertThat(descriptor.padValue()).isEqualTo(114);
        assertThat(descriptor.strides()).containsExactly(8, 16, 32);
        assertThat(descriptor.classNames()).containsExactly("person", "car");
        assertThat(descriptor.scoreThreshold()).isEqualTo(0.25f);
        assertThat(descriptor.nmsIouThreshold()).isEqualTo(0.5f);
        assertThat(descriptor.maxDetections()).isEqualTo(7);
        assertThat(descriptor.source()).isEqualTo(dir.resolve("descriptor.json").toString());
    }

    @Test
    void optionalFieldsTakeDefaults() throws IOException {
        ModelDescriptor descriptor = ModelDescriptor.read(write(validDescriptor()));

        assertThat(descriptor.mean()).containsExactly(0f, 0f, 0f);
        assertThat(descriptor.std()).containsExactly(1f, 1f, 1f);
        assertThat(descriptor.scoreThreshold()).isEqualTo(ModelDescriptor.DEFAULT_SCORE_THRESHOLD);
        assertThat(descriptor.nmsIouThreshold())
                .isEqualTo(ModelDescriptor.DEFAULT_NMS_IOU_THRESHOLD);
        assertThat(descriptor.maxDetections()).isEqualTo(ModelDescriptor.DEFAULT_MAX_DETECTIONS);
        assertThat(descriptor.regMax()).isEqualTo(ModelDescriptor.DEFAULT_REG_MAX);
        assertThat(descriptor.description()).isEmpty();
    }

    @Test
    void absoluteModelPathIsKept() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path absoluteModel = Files.write(elsewhere.resolve("other.onnx"), new byte[] {1});

        ModelDescriptor descriptor = ModelDescriptor.read(
                writeModified(node -> node.put("model", absoluteModel.toString())));

        assertThat(descriptor.modelPath()).isEqualTo(absoluteModel.toAbsolutePath().normalize());
    }

    @Test
    void missingFieldIsNamed() throws IOException {
        Path file = writeModified(node -> node.remove("inputWidth"));

        assertThatThrownBy(() -> ModelDescriptor.read(file))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("field 'inputWidth' is missing");
    }

    @Test
    void wrongTypeIsNamedWithValue() throws IOException {
        Path file = writeModified(node -> node.put("inputHeight", "320"));

        assertThatThrownBy(() -> ModelDescriptor.read(file))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("field 'inputHeight' must be an integer, got \"320\"");
    }

    @Test
    void unknownFieldIsRejected() throws IOException {
        Path file = writeModified(node -> node.put("inputwidth", 416));

        assertThatThrownBy(() -> ModelDescriptor.read(file))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("unknown field(s) [inputwidth]")
                .hasMessageContaining("inputWidth");
    }

    @Test
    void unknownFormatListsChoices() throws IOException {
        Path file = writeModified(node -> node.put("format", "YOLOV7"));

        assertThatThrownBy(() -> ModelDescriptor.read(file))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("field 'format' has the unknown value \"YOLOV7\"")
                .hasMessageContaining("[YOLOX, NANODET_PLUS, YOLOV5, YOLOV8]");
    }

    @Test
    void missingModelFileNamesPathAndField() throws IOException {
        Path file = writeModified(node -> node.put("model", "absent.onnx"));

        assertThatThrownBy(() -> ModelDescriptor.read(file))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(dir.resolve("absent.onnx").toString())
                .hasMessageContaining("field 'model'")
                .hasMessageContaining("does not exist");
    }

    @Test
    void blankModelIsRejected() throws IOException {
        Path file = writeModified(node -> node.put("model", " "));

        assertThatThrownBy(() -> ModelDescriptor.read(file))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("field 'model' is blank");
    }

    @Test
    void stridesRequiredForGridFormats() throws IOException {
        Path file = writeModified(node -> node.remove("strides"));

        assertThatThrownBy(() -> ModelDescriptor.read(file))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("field 'strides' is missing; format YOLOX needs");
    }

    @Test
    void stridesOptionalForYolov8() throws IOException {
        Path file = writeModified(node -> {
            node.put("format", "YOLOV8");
            node.remove("strides");
        });

        assertThat(ModelDescriptor.read(file).strides()).isEmpty();
    }

    @Test
    void inputSizeMustFitStrides() throws IOException {
        Path file = writeModified(node -> node.put("inputHeight", 300));

        assertThatThrownBy(() -> ModelDescriptor.read(file))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("field 'inputHeight' 300 is not a multiple of stride 8");
    }

    @Test
    void regMaxRejectedOutsideNanoDet() throws IOException {
        Path file = writeModified(node -> node.put("regMax", 7));

        assertThatThrownBy(() -> ModelDescriptor.read(file))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("field 'regMax' applies to format NANODET_PLUS only");
    }

    @Test
    void zeroStdIsRejected() throws IOException {
        Path file = writeModified(node -> node.putArray("std").add(1).add(0).add(1));

        assertThatThrownBy(() -> ModelDescriptor.read(file))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("field 'std' must contain positive numbers");
    }

    @Test
    void meanNeedsThreeValues() throws IOException {
        Path file = writeModified(node -> node.putArray("mean").add(1).add(2));

        assertThatThrownBy(() -> ModelDescriptor.read(file))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("field 'mean' must have 3 values");
    }

    @Test
    void blankClassNameIsRejected() throws IOException {
        Path file = writeModified(node -> node.putArray("classNames").add("person").add(" "));

        assertThatThrownBy(() -> ModelDescriptor.read(file))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("field 'classNames' has blank names at class IDs [1]");
    }

    @Test
    void scoreThresholdAboveOneIsRejected() throws IOException {
        Path file = writeModified(node -> node.put("scoreThreshold", 1.5));

        assertThatThrownBy(() -> ModelDescriptor.read(file))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("field 'scoreThreshold' must be in (0, 1], got 1.5");
    }

    @Test
    void padValueOutsideByteIsRejected() throws IOException {
        Path file = writeModified(node -> node.put("padValue", 256));

        assertThatThrownBy(() -> ModelDescriptor.read(file))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("field 'padValue' must be a pixel value in 0-255, got 256");
    }

    @Test
    void maxDetectionsZeroIsRejected() throws IOException {
        Path file = writeModified(node -> node.put("maxDetections", 0));

        assertThatThrownBy(() -> ModelDescriptor.read(file))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("field 'maxDetections' must be at least 1, got 0");
    }

    @Test
    void malformedJsonNamesLine() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.json"),
                "{\n  \"id\": \"x\",\n  \"format\": \"YOLOX\"\n  \"model\": \"model.onnx\"\n}",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ModelDescriptor.read(file))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is not valid JSON at line 4")
                .hasMessageContaining("Fix the syntax");
    }

    @Test
    void arrayRootIsRejected() throws IOException {
        Path file = Files.writeString(dir.resolve("array.json"), "[1, 2]");

        assertThatThrownBy(() -> ModelDescriptor.read(file))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("must contain one JSON object, got ARRAY");
    }

    @Test
    void missingDescriptorFileIsNamed() {
        Path file = dir.resolve("absent.json");

        assertThatThrownBy(() -> ModelDescriptor.read(file))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("Model descriptor " + file + " does not exist");
    }

    @Test
    void builderRejectsMissingColorOrder() {
        ModelDescriptor.Builder builder = ModelDescriptor.builder()
                .id("x")
                .format(ModelFormat.YOLOV5)
                .model(model)
                .inputWidth(64)
                .inputHeight(64)
                .letterbox(LetterboxAlignment.CENTER)
                .classNames(List.of("person"));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 'colorOrder' is missing; expected one of [BGR, RGB]");
    }
}
