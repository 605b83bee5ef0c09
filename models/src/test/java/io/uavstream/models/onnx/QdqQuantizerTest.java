package io.uavstream.models.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QdqQuantizerTest {

    private static final long[] SHAPE = {1, 3, 32, 32};
    private static final int INPUT_SIZE = 3 * 32 * 32;

    @TempDir
    Path temp;

    private Path floatModel;
    private List<float[]> calibration;

    @BeforeEach
    void writeModel() throws Exception {
        floatModel = TinyConvModel.write(temp.resolve("tiny-conv.onnx"));
        calibration = new ArrayList<>();
        for (int seed = 0; seed < 8; seed++) {
            calibration.add(OrtRunner.randomInput(INPUT_SIZE, seed));
        }
    }

    @Test
    void quantizedOutputStaysCloseToFloat() throws Exception {
        Path quantized = temp.resolve("tiny-conv-int8.onnx");
        StaticQuantization.quantize(floatModel, quantized, calibration, SHAPE,
                QdqQuantizer.Options.defaults());
        float[] input = OrtRunner.randomInput(INPUT_SIZE, 99);

        float[] expected = OrtRunner.run(floatModel, "images", input, SHAPE);
        float[] actual = OrtRunner.run(quantized, "images", input, SHAPE);

        assertThat(actual).hasSameSizeAs(expected);
        assertThat(OrtRunner.maxAbsDifference(actual, expected))
                .isLessThan(0.05f * OrtRunner.maxAbs(expected));
    }

    @Test
    void quantizedModelIsPerChannelQdq() throws Exception {
        Path quantized = temp.resolve("tiny-conv-int8.onnx");

        QdqQuantizer.Result result = StaticQuantization.quantize(floatModel, quantized,
                calibration, SHAPE, QdqQuantizer.Options.defaults());
        QuantizationSummary summary = ModelInspector.inspect(quantized).quantization();

        assertThat(result.quantizedWeights()).isEqualTo(3);
        assertThat(result.uncalibrated()).isEmpty();
        assertThat(summary.style()).isEqualTo("QDQ");
        assertThat(summary.perChannelWeights()).isEqualTo(3);
        assertThat(summary.convolutionTypes()).containsEntry("UINT8/INT8", 3);
    }

    @Test
    void onnxRuntimeFusesIntoIntegerConvolutions() throws Exception {
        Path quantized = temp.resolve("tiny-conv-int8.onnx");
        StaticQuantization.quantize(floatModel, quantized, calibration, SHAPE,
                QdqQuantizer.Options.defaults());

        OperatorProfile profile = OperatorProfiler.profile(quantized, 1, 1, 2,
                Files.createDirectories(temp.resolve("profile")));

        long integerConvolutions = profile.optimizedOperators().entrySet().stream()
                .filter(e -> e.getKey().endsWith("QLinearConv"))
                .mapToLong(e -> e.getValue()).sum();
        assertThat(integerConvolutions).isEqualTo(2);
    }

    @Test
    void int8ActivationsUseSignedZeroPoints() throws Exception {
        Path quantized = temp.resolve("tiny-conv-s8.onnx");

        StaticQuantization.quantize(floatModel, quantized, calibration, SHAPE,
                new QdqQuantizer.Options(TensorDataType.INT8, true, Set.of()));

        assertThat(ModelInspector.inspect(quantized).quantization().convolutionTypes())
                .containsEntry("INT8/INT8", 3);
    }

    @Test
    void floatFirstConvolutionKeepsFloatWeights() throws Exception {
        Path quantized = temp.resolve("tiny-conv-int8.onnx");

        QdqQuantizer.Result result = StaticQuantization.quantize(floatModel, quantized,
                calibration, SHAPE, new QdqQuantizer.Options(TensorDataType.UINT8, true,
                        Set.of(QdqQuantizer.FloatConvolution.FIRST)));

        assertThat(result.quantizedWeights()).isEqualTo(2);
        assertThat(OnnxModel.read(quantized).initializerNames()).contains("w1");
    }

    @Test
    void floatDepthwiseConvolutionKeepsFloatWeights() throws Exception {
        Path quantized = temp.resolve("tiny-conv-int8.onnx");

        QdqQuantizer.Result result = StaticQuantization.quantize(floatModel, quantized,
                calibration, SHAPE, new QdqQuantizer.Options(TensorDataType.UINT8, true,
                        Set.of(QdqQuantizer.FloatConvolution.DEPTHWISE)));

        assertThat(result.quantizedWeights()).isEqualTo(2);
        assertThat(OnnxModel.read(quantized).initializerNames()).contains("w2");
    }

    @Test
    void optionsRejectFloatActivations() {
        assertThatThrownBy(() -> new QdqQuantizer.Options(TensorDataType.FLOAT, true, Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UINT8 or INT8");
    }

    @Test
    void quantizationParametersKeepZeroExact() {
        QuantizationParameters relu = QuantizationParameters.of(new ActivationRange(0f, 6f),
                TensorDataType.UINT8);
        QuantizationParameters signed = QuantizationParameters.of(new ActivationRange(-1f, 3f),
                TensorDataType.INT8);

        assertThat(relu.zeroPoint()).isZero();
        assertThat(relu.scale()).isEqualTo(6f / 255f);
        assertThat(signed.zeroPoint()).isEqualTo(-64);
    }
}
