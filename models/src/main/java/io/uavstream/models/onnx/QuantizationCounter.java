package io.uavstream.models.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Builds a {@link QuantizationSummary} from a model's operators and tensor types. */
final class QuantizationCounter {

    /** Operators that only move or reshape data; on float tensors they compute nothing. */
    private static final Set<String> DATA_MOVEMENT = Set.of("Reshape", "Transpose", "Squeeze",
            "Unsqueeze", "Flatten", "Shape", "Gather", "Slice", "Split", "Concat", "Identity",
            "Constant", "Cast", "Expand", "Pad");

    private QuantizationCounter() {}

    static QuantizationSummary summarize(OnnxModel model, Map<String, OnnxValueInfo> shapes) {
        int quantize = 0;
        int dequantize = 0;
        int qlinear = 0;
        int integer = 0;
        for (OnnxNode node : model.nodes()) {
            String op = node.opType();
            if (op.equals("QuantizeLinear") || op.equals("DynamicQuantizeLinear")) {
                quantize++;
            } else if (op.equals("DequantizeLinear")) {
                dequantize++;
            } else if (op.startsWith("QLinear")) {
                qlinear++;
            } else if (op.equals("ConvInteger") || op.equals("MatMulInteger")) {
                integer++;
            }
        }
        List<String> styles = new ArrayList<>();
        if (dequantize > 0 && qlinear == 0 && integer == 0) {
            styles.add("QDQ");
        }
        if (qlinear > 0) {
            styles.add("QLinear operators");
        }
        if (integer > 0) {
            styles.add("integer operators");
        }
        String style = styles.isEmpty() ? "none" : String.join(" + ", styles);

        WeightResolver weights = new WeightResolver(model);
        Map<String, OnnxInitializer> initializers = model.initializersByName();
        int perChannel = 0;
        int perTensor = 0;
        Map<String, Integer> convolutionTypes = new TreeMap<>();
        for (OnnxNode node : model.nodes()) {
            Optional<ConvolutionQuantization> conv = convolution(node, weights, initializers);
            if (conv.isPresent()) {
                if (conv.get().scales() > 1) {
                    perChannel++;
                } else {
                    perTensor++;
                }
                convolutionTypes.merge(conv.get().activationType() + "/"
                        + conv.get().weightType(), 1, Integer::sum);
            }
        }
        Map<String, Integer> floatCompute = styles.isEmpty() ? Map.of()
                : floatComputeNodes(model, shapes, initializers);
        return new QuantizationSummary(style, quantize, dequantize, qlinear, integer, perChannel,
                perTensor, convolutionTypes, floatCompute);
    }

    /** Element types and weight scale count of one quantized convolution. */
    private record ConvolutionQuantization(TensorDataType activationType,
            TensorDataType weightType, long scales) {}

    private static Optional<ConvolutionQuantization> convolution(OnnxNode node,
            WeightResolver weights, Map<String, OnnxInitializer> initializers) {
        if (node.opType().equals("QLinearConv")) {
            return Optional.of(new ConvolutionQuantization(
                    typeOf(initializers, node.input(2), TensorDataType.UINT8),
                    typeOf(initializers, node.input(5), TensorDataType.UINT8),
                    elementsOf(initializers, node.input(4))));
        }
        if (!node.opType().equals("Conv")) {
            return Optional.empty();
        }
        Optional<OnnxNode> weightDq = weights.producer(node.input(1))
                .filter(p -> p.opType().equals("DequantizeLinear"));
        Optional<OnnxNode> inputDq = weights.producer(node.input(0))
                .filter(p -> p.opType().equals("DequantizeLinear"));
        if (weightDq.isEmpty() || inputDq.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ConvolutionQuantization(
                typeOf(initializers, inputDq.get().input(2), TensorDataType.UINT8),
                typeOf(initializers, weightDq.get().input(0), TensorDataType.UNDEFINED),
                elementsOf(initializers, weightDq.get().input(1))));
    }

    private static TensorDataType typeOf(Map<String, OnnxInitializer> initializers, String name,
            TensorDataType absent) {
        OnnxInitializer tensor = initializers.get(name);
        return tensor == null ? absent : tensor.dataType();
    }

    private static long elementsOf(Map<String, OnnxInitializer> initializers, String name) {
        OnnxInitializer tensor = initializers.get(name);
        return tensor == null ? 1 : tensor.elementCount();
    }

    /**
     * Counts nodes that compute on float activations outside a DequantizeLinear -> op ->
     * QuantizeLinear group, which ONNX Runtime could run as an integer kernel.
     *
     * <p>NOTE: a Conv -> Relu -> QuantizeLinear chain counts as two float nodes here, although
     * ONNX Runtime removes such a Relu and fuses the Conv; {@code models profile} shows the
     * kernels that really run.
     */
    private static Map<String, Integer> floatComputeNodes(OnnxModel model,
            Map<String, OnnxValueInfo> shapes, Map<String, OnnxInitializer> initializers) {
        Map<String, OnnxNode> producers = new HashMap<>();
        Map<String, List<OnnxNode>> consumers = new HashMap<>();
        for (OnnxNode node : model.nodes()) {
            node.outputs().forEach(o -> producers.put(o, node));
            node.inputs().forEach(i -> consumers.computeIfAbsent(i, k -> new ArrayList<>())
                    .add(node));
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (OnnxNode node : model.nodes()) {
            String op = node.opType();
            if (op.endsWith("QuantizeLinear") || DATA_MOVEMENT.contains(op)) {
                continue;
            }
            List<String> floatInputs = node.inputs().stream()
                    .filter(i -> !i.isEmpty() && !initializers.containsKey(i))
                    .filter(i -> shapes.containsKey(i)
                            && shapes.get(i).dataType() == TensorDataType.FLOAT)
                    .toList();
            if (floatInputs.isEmpty()) {
                continue;
            }
            boolean inputsDequantized = floatInputs.stream().allMatch(i -> producers.containsKey(i)
                    && producers.get(i).opType().equals("DequantizeLinear"));
            boolean outputsQuantized = node.outputs().stream().allMatch(o ->
                    !consumers.getOrDefault(o, List.of()).isEmpty()
                    && consumers.get(o).stream()
                            .allMatch(c -> c.opType().equals("QuantizeLinear")));
            if (!(inputsDequantized && outputsQuantized)) {
                counts.merge(node.qualifiedOpType(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
