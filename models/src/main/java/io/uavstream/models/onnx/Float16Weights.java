package io.uavstream.models.onnx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stores the float weights and biases of convolutions and matrix products as IEEE 754 half
 * precision (FLOAT16), each behind a Cast to float that keeps the original tensor name. The file
 * shrinks to about half. ONNX Runtime folds the Casts of constants when it loads the model, so
 * the computation, and its speed, stay those of the float model, with weights rounded to 11
 * significant bits.
 */
public final class Float16Weights {

    /** Input positions of weights and biases, by operator. */
    private static final Map<String, List<Integer>> WEIGHT_INPUTS = Map.of(
            "Conv", List.of(1, 2),
            "ConvTranspose", List.of(1, 2),
            "Gemm", List.of(1, 2),
            "MatMul", List.of(1));

    private Float16Weights() {}

    /** A converted model and the number of tensors converted. */
    public record Result(byte[] model, int convertedTensors) {}

    public static Result convert(OnnxModel model) {
        Map<String, OnnxInitializer> initializers = model.initializersByName();
        Set<String> converted = new HashSet<>();
        List<OnnxNode> casts = new ArrayList<>();
        OnnxModelEditor editor = OnnxModelEditor.of(model);
        for (OnnxNode node : model.nodes()) {
            for (int position : WEIGHT_INPUTS.getOrDefault(node.opType(), List.of())) {
                OnnxInitializer weight = initializers.get(node.input(position));
                if (weight == null || weight.dataType() != TensorDataType.FLOAT
                        || !converted.add(weight.name())) {
                    continue;
                }
                String halfName = weight.name() + "_float16";
                long[] dims = weight.dims().stream().mapToLong(Long::longValue).toArray();
                editor.removeInitializer(weight.name());
                editor.addInitializer(halfName, TensorDataType.FLOAT16, dims,
                        toHalf(weight.floats()));
                casts.add(OnnxNode.of(weight.name() + "_Cast", "Cast", "", List.of(halfName),
                        List.of(weight.name())).withIntAttribute("to",
                                TensorDataType.FLOAT.code()));
            }
        }
        List<OnnxNode> nodes = new ArrayList<>(casts);
        nodes.addAll(model.nodes());
        return new Result(editor.nodes(nodes).encode(), converted.size());
    }

    /** Returns {@code values} as little-endian FLOAT16, rounded to nearest, ties to even. */
    static byte[] toHalf(float[] values) {
        byte[] bytes = new byte[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            short half = halfBits(values[i]);
            bytes[2 * i] = (byte) half;
            bytes[2 * i + 1] = (byte) (half >>> 8);
        }
        return bytes;
    }

    /** Converts one float to the bits of the nearest half-precision value. */
    static short halfBits(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xFF;
        int mantissa = bits & 0x7FFFFF;

        if (exponent == 0xFF) {
            return (short) (sign | 0x7C00 | (mantissa != 0 ? 0x200 : 0));
        }
        int halfExponent = exponent - 127 + 15;
        if (halfExponent >= 0x1F) {
            return (short) (sign | 0x7C00);
        }

        // Below the smallest normal half: a subnormal, or 0 when even that underflows.
        if (halfExponent <= 0) {
            if (halfExponent < -10) {
                return (short) sign;
            }
            int full = mantissa | 0x800000;
            int shift = 14 - halfExponent;
            int half = full >> shift;
            int remainder = full & ((1 << shift) - 1);
            int halfway = 1 << (shift - 1);
            if (remainder > halfway || remainder == halfway && (half & 1) == 1) {
                half++;
            }
            return (short) (sign | half);
        }

        int half = (halfExponent << 10) | (mantissa >> 13);
        int remainder = mantissa & 0x1FFF;
        if (remainder > 0x1000 || remainder == 0x1000 && (half & 1) == 1) {
            half++;
        }
        return (short) (sign | half);
    }
}
