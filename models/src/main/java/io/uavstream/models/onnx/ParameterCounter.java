package io.uavstream.models.onnx;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts a model's parameters: the elements of the constant tensors that convolutions, matrix
 * products and normalisations use as weights and biases, also when a DequantizeLinear node
 * dequantizes them first. Quantization scales and zero points, shape constants and scalar
 * operands of element-wise operators are not parameters.
 */
final class ParameterCounter {

    /** Input positions that hold weights or biases, by operator. */
    private static final Map<String, List<Integer>> WEIGHT_INPUTS = Map.ofEntries(
            Map.entry("Conv", List.of(1, 2)),
            Map.entry("ConvTranspose", List.of(1, 2)),
            Map.entry("Gemm", List.of(0, 1, 2)),
            Map.entry("MatMul", List.of(0, 1)),
            Map.entry("BatchNormalization", List.of(1, 2, 3, 4)),
            Map.entry("InstanceNormalization", List.of(1, 2)),
            Map.entry("LayerNormalization", List.of(1, 2)),
            Map.entry("PRelu", List.of(1)),
            Map.entry("QLinearConv", List.of(3, 8)),
            Map.entry("QLinearMatMul", List.of(0, 3)),
            Map.entry("ConvInteger", List.of(1)),
            Map.entry("MatMulInteger", List.of(0, 1)));

    private ParameterCounter() {}

    static long count(OnnxModel model) {
        WeightResolver weights = new WeightResolver(model);
        Set<String> counted = new HashSet<>();
        long parameters = 0;
        for (OnnxNode node : model.nodes()) {
            for (int position : WEIGHT_INPUTS.getOrDefault(node.opType(), List.of())) {
                String input = node.input(position);
                if (input.isEmpty()) {
                    continue;
                }
                OnnxInitializer weight = weights.resolve(input).orElse(null);
                if (weight != null && counted.add(weight.name())) {
                    parameters += weight.elementCount();
                }
            }
        }
        return parameters;
    }
}
