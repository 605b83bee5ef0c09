package io.uavstream.models.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Float16WeightsTest {

    private static final long[] SHAPE = {1, 3, 32, 32};

    @TempDir
    Path temp;

    @Test
    void halfBitsMatchIeeeValues() {
        assertThat(Float16Weights.halfBits(1f)).isEqualTo((short) 0x3C00);
        assertThat(Float16Weights.halfBits(-2f)).isEqualTo((short) 0xC000);
        assertThat(Float16Weights.halfBits(65504f)).isEqualTo((short) 0x7BFF);
        assertThat(Float16Weights.halfBits(1e6f)).isEqualTo((short) 0x7C00);
        assertThat(Float16Weights.halfBits(0.1f)).isEqualTo((short) 0x2E66);
        assertThat(Float16Weights.halfBits(6.0e-8f)).isEqualTo((short) 0x0001);
        assertThat(Float16Weights.halfBits(1e-9f)).isEqualTo((short) 0);
    }

    @Test
    void convertedModelMatchesFloatModel() throws Exception {
        Path floatModel = TinyConvModel.write(temp.resolve("tiny-conv.onnx"));
        Float16Weights.Result result = Float16Weights.convert(OnnxModel.read(floatModel));
        Path half = Files.write(temp.resolve("tiny-conv-fp16.onnx"), result.model());
        float[] input = OrtRunner.randomInput(3 * 32 * 32, 5);

        float[] expected = OrtRunner.run(floatModel, "images", input, SHAPE);
        float[] actual = OrtRunner.run(half, "images", input, SHAPE);

        assertThat(result.convertedTensors()).isEqualTo(6);
        assertThat(OrtRunner.maxAbsDifference(actual, expected))
                .isLessThan(2e-3f * OrtRunner.maxAbs(expected));
    }
}
