package io.uavstream.models.onnx;

import java.util.Map;

/**
 * Quantization style of a model and its operator counts.
 *
 * @param style "none", "QDQ" (QuantizeLinear and DequantizeLinear around float operators),
 *     "QLinear operators" (QLinearConv and relatives), "integer operators" (ConvInteger,
 *     MatMulInteger) or a combination joined with " + "
 * @param quantizeNodes QuantizeLinear and DynamicQuantizeLinear nodes
 * @param dequantizeNodes DequantizeLinear nodes
 * @param qlinearNodes QLinear* nodes, in any domain
 * @param integerNodes ConvInteger and MatMulInteger nodes
 * @param perChannelWeights convolution weights with one scale per output channel
 * @param perTensorWeights convolution weights with one scale
 * @param convolutionTypes quantized convolutions by "activation type / weight type", such as
 *     "UINT8/INT8"
 * @param floatComputeNodes nodes that compute on float tensors, by operator, not counting
 *     QuantizeLinear, DequantizeLinear and pure data movement; empty for float models
 */
public record QuantizationSummary(String style, int quantizeNodes, int dequantizeNodes,
        int qlinearNodes, int integerNodes, int perChannelWeights, int perTensorWeights,
        Map<String, Integer> convolutionTypes, Map<String, Integer> floatComputeNodes) {

    public QuantizationSummary {
        convolutionTypes = Map.copyOf(convolutionTypes);
        floatComputeNodes = Map.copyOf(floatComputeNodes);
    }

    /** Returns whether the model contains any quantization operator. */
    public boolean quantized() {
        return !"none".equals(style);
    }
}
