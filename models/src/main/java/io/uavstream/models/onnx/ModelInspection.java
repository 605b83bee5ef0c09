package io.uavstream.models.onnx;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What {@link ModelInspector} found in an ONNX model.
 *
 * @param file the model file
 * @param sizeBytes file size in bytes
 * @param irVersion ONNX IR version
 * @param producer producer name and version, empty when unset
 * @param opsets imported opset versions by domain ("" for the default domain)
 * @param inputs inputs that a caller feeds (weights listed as inputs are left out)
 * @param outputs graph outputs, with the shapes of one probe run where the file leaves them
 *     symbolic
 * @param operatorCounts node count by operator ({@code domain:op} outside the default domain),
 *     most frequent first
 * @param quantization how the model is quantized
 * @param parameters elements of the weight and bias tensors, leaving out quantization scales and
 *     zero points, and int64 shape constants
 * @param gflops estimated GFLOPs per run at the probed input size: 2 x the multiply-accumulates
 *     of Conv, ConvTranspose, Gemm, MatMul and their quantized forms; empty when shapes are
 *     unknown
 * @param descriptor the descriptor JSON this model would need, when its outputs match a known
 *     layout
 * @param descriptorNote why that layout was chosen, or why none matched
 */
public record ModelInspection(Path file, long sizeBytes, long irVersion, String producer,
        Map<String, Long> opsets, List<OnnxValueInfo> inputs, List<OnnxValueInfo> outputs,
        Map<String, Integer> operatorCounts, QuantizationSummary quantization, long parameters,
        OptionalDouble gflops, Optional<String> descriptor, String descriptorNote) {

    public ModelInspection {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
