package io.uavstream.models.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uavstream.models.BundledModels;
import io.uavstream.models.ModelDescriptor;
import io.uavstream.models.ModelFormat;
import io.uavstream.models.ObjectDetector;
import io.uavstream.models.ObjectDetectors;
import io.uavstream.models.testing.SharedData;
import io.uavstream.models.testing.TinyModels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelInspectorTest {

    @TempDir
    Path temp;

    @Test
    void tinyConvModelCountsOperatorsAndWork() throws Exception {
        Path file = TinyConvModel.write(temp.resolve("tiny-conv.onnx"));

        ModelInspection inspection = ModelInspector.inspect(file);

        assertThat(inspection.operatorCounts()).containsEntry("Conv", 3)
                .containsEntry("Relu", 2).containsEntry("Add", 1);
        assertThat(inspection.opsets()).containsEntry("", 13L);
        assertThat(inspection.parameters()).isEqualTo(TinyConvModel.PARAMETERS);
        assertThat(inspection.gflops()).hasValueCloseTo(2.0 * TinyConvModel.MACS / 1e9,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(inspection.quantization().quantized()).isFalse();
    }

    @Test
    void tinyConvModelProbesIntermediateShapes() throws Exception {
        OnnxModel model = OnnxModel.read(TinyConvModel.write(temp.resolve("tiny-conv.onnx")));

        var shapes = ModelInspector.shapes(model, 64);

        assertThat(shapes.get("c1").shape()).containsExactly(1L, 8L, 16L, 16L);
        assertThat(shapes.get("sum").dataType()).isEqualTo(TensorDataType.FLOAT);
    }

    @Test
    void tinyYoloxGetsYoloxDescriptor() throws Exception {
        Path descriptor = TinyModels.yolox(temp);
        Path model = descriptor.resolveSibling("tiny-yolox.onnx");

        ModelInspection inspection = ModelInspector.inspect(model);

        assertThat(inspection.inputs()).extracting(OnnxValueInfo::name).containsExactly("images");
        assertThat(inspection.outputs().get(0).shape()).containsExactly(1L, 84L, 85L);
        assertThat(inspection.descriptor()).isPresent();
        assertThat(inspection.descriptor().get()).contains("\"format\" : \"YOLOX\"");
    }

    @Test
    void guessedNanoDetDescriptorOpensDetector() throws Exception {
        Path model = TinyModels.nanoDetPlus(temp).resolveSibling("tiny-nanodet-plus.onnx");
        ModelInspection inspection = ModelInspector.inspect(model);
        Path guessed = Files.writeString(temp.resolve("guessed.json"),
                inspection.descriptor().orElseThrow());

        ModelDescriptor descriptor = ModelDescriptor.read(guessed);

        assertThat(descriptor.format()).isEqualTo(ModelFormat.NANODET_PLUS);
        assertThat(descriptor.regMax()).isEqualTo(7);
        try (ObjectDetector detector = ObjectDetectors.open(descriptor, 1)) {
            assertThat(detector.descriptor().classNames()).hasSize(80);
        }
    }

    /** GFLOPs and ONNX parameter counts (batch norm folded) of each bundled UavDet, as on its model card. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"uavdet-416, 0.575, 373716", "uavdet-416-pruned, 0.248, 118612"})
    void bundledModelMatchesItsModelCard(String id, double gflops, long parameters) {
        Path model = ModelDescriptor.read(BundledModels.extractTo(id, temp)).modelPath();

        ModelInspection inspection = ModelInspector.inspect(model);

        assertThat(inspection.gflops()).hasValueCloseTo(gflops,
                org.assertj.core.data.Offset.offset(0.001));
        assertThat(inspection.parameters()).isEqualTo(parameters);
        assertThat(inspection.descriptor().orElseThrow()).contains("\"van\"");
    }

    @Test
    void openCvZooNanoDetIsPerTensorInt8() {
        Path model = SharedData.require("models/nanodet-plus-m-416-int8.onnx");

        QuantizationSummary summary = ModelInspector.inspect(model).quantization();

        assertThat(summary.style()).isEqualTo("QLinear operators");
        assertThat(summary.perTensorWeights()).isEqualTo(73);
        assertThat(summary.perChannelWeights()).isZero();
        assertThat(summary.convolutionTypes()).containsEntry("INT8/INT8", 73);
    }

    @Test
    void sharedYoloxNanoHasKnownSize() {
        Path model = SharedData.require("models/yolox-nano-416.onnx");

        ModelInspection inspection = ModelInspector.inspect(model);

        assertThat(inspection.parameters()).isBetween(900_000L, 910_000L);
        assertThat(inspection.gflops()).hasValueCloseTo(1.045,
                org.assertj.core.data.Offset.offset(0.001));
        assertThat(inspection.descriptor().orElseThrow()).contains("\"TOP_LEFT\"");
    }

    @Test
    void truncatedFileIsMalformed() throws Exception {
        byte[] bytes = Files.readAllBytes(TinyConvModel.write(temp.resolve("tiny.onnx")));
        byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);

        assertThatThrownBy(() -> OnnxModel.parse(truncated, Path.of("half.onnx")))
                .isInstanceOf(MalformedModelException.class)
                .hasMessageContaining("half.onnx is not an ONNX model")
                .hasMessageContaining("Truncated");
    }

    @Test
    void textFileIsNotOnnxModel() {
        byte[] text = "this is a text file, not a model\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> OnnxModel.parse(text, Path.of("notes.txt")))
                .isInstanceOf(MalformedModelException.class)
                .hasMessageStartingWith("notes.txt is not an ONNX model");
    }

    @Test
    void unknownOutputsGetNoDescriptor() {
        DescriptorGuess.Result result = DescriptorGuess.guess(Path.of("m.onnx"), 416, 416,
                List.of(List.of(1L, 1000L)));

        assertThat(result.json()).isEmpty();
        assertThat(result.note()).contains("[1, 1000]");
    }
}
