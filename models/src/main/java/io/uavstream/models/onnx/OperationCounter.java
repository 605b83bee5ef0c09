package io.uavstream.models.onnx;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Estimates the floating-point operations of one run: 2 x the multiply-accumulates of
 * convolutions and matrix products, float or quantized. Element-wise operators, pooling,
 * resizing and activations are left out, as in the usual FLOP counts of detectors.
 */
final class OperationCounter {

    private OperationCounter() {}

    /**
     * Returns the estimate in GFLOPs, or empty when the shape of a convolution or matrix
     * product output is unknown.
     */
    static OptionalDouble gflops(OnnxModel model, Map<String, OnnxValueInfo> shapes) {
        WeightResolver weights = new WeightResolver(model);
        double macs = 0;
        for (OnnxNode node : model.nodes()) {
            double nodeMacs = switch (node.opType()) {
                case "Conv", "ConvInteger" -> convolution(node, 1, weights, shapes);
                case "QLinearConv" -> convolution(node, 3, weights, shapes);
                case "ConvTranspose" -> transposedConvolution(node, weights, shapes);
                case "Gemm", "MatMul", "MatMulInteger" -> matrixProduct(node, 0, shapes);
                case "QLinearMatMul" -> matrixProduct(node, 0, shapes);
                default -> 0;
            };
            if (Double.isNaN(nodeMacs)) {
                return OptionalDouble.empty();
            }
            macs += nodeMacs;
        }
        return OptionalDouble.of(2 * macs / 1e9);
    }

    /** Output elements x (input channels per group x kernel area) = output x weight / Cout. */
    private static double convolution(OnnxNode node, int weightInput, WeightResolver weights,
            Map<String, OnnxValueInfo> shapes) {
        long output = elements(shapes.get(node.outputs().get(0)));
        List<Long> weight = weightShape(node.input(weightInput), weights, shapes);
        if (output < 0 || weight == null || weight.isEmpty()) {
            return Double.NaN;
        }
        return (double) output * product(weight) / weight.get(0);
    }

    /** Input elements x (output channels per group x kernel area) = input x weight / Cin. */
    private static double transposedConvolution(OnnxNode node, WeightResolver weights,
            Map<String, OnnxValueInfo> shapes) {
        long input = elements(shapes.get(node.input(0)));
        List<Long> weight = weightShape(node.input(1), weights, shapes);
        if (input < 0 || weight == null || weight.isEmpty()) {
            return Double.NaN;
        }
        return (double) input * product(weight) / weight.get(0);
    }

    /** Output elements x the shared dimension K, the last dimension of the first operand. */
    private static double matrixProduct(OnnxNode node, int firstInput,
            Map<String, OnnxValueInfo> shapes) {
        long output = elements(shapes.get(node.outputs().get(0)));
        OnnxValueInfo first = shapes.get(node.input(firstInput));
        if (output < 0 || first == null || !first.hasStaticShape()) {
            return Double.NaN;
        }
        List<Long> dims = first.shape();
        long shared = dims.get(dims.size() - 1);
        if (node.opType().equals("Gemm") && node.intAttribute("transA").orElse(0L) == 1) {
            shared = dims.get(0);
        }
        return (double) output * shared;
    }

    private static List<Long> weightShape(String name, WeightResolver weights,
            Map<String, OnnxValueInfo> shapes) {
        return weights.resolve(name).map(OnnxInitializer::dims).orElseGet(() -> {
            OnnxValueInfo info = shapes.get(name);
            return info != null && info.hasStaticShape() ? info.shape() : null;
        });
    }

    private static long elements(OnnxValueInfo info) {
        return info == null ? -1 : info.elementCount();
    }

    private static long product(List<Long> dims) {
        long product = 1;
        for (long d : dims) {
            product *= d;
        }
        return product;
    }
}
