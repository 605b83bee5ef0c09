package io.uavstream.models;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Input and output tensors of a loaded model, checked against what the descriptor's format
 * expects. Dynamic output dimensions are replaced by the expected sizes, so every output shape
 * here is concrete and can back a preallocated buffer.
 *
 * @param inputName name of the single image input
 * @param outputNames output names in session order
 * @param outputShapes concrete output shapes, parallel to {@code outputNames}
 */
record ModelSignature(String inputName, List<String> outputNames, List<long[]> outputShapes) {

    /**
     * Checks the session's input and outputs against {@code descriptor} and {@code decoder}.
     *
     * @throws InvalidModelException naming the input or output, its shape and the expected shape
     */
    static ModelSignature verify(OrtSession session, ModelDescriptor descriptor,
            OutputDecoder decoder) throws OrtException {
        String inputName = verifyInput(session.getInputInfo(), descriptor);
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        List<OutputSpec> expected = decoder.expectedOutputs();
        if (outputs.size() != expected.size()) {
            throw new InvalidModelException("Model " + descriptor.modelPath() + " has "
                    + outputs.size() + " output(s) " + describe(outputs) + " but format "
                    + descriptor.format() + " from descriptor " + descriptor.source() + " expects "
                    + expected.size() + ": " + describe(expected) + ". Check the descriptor's"
                    + " 'format' field against the model.");
        }
        List<String> names = new ArrayList<>();
        List<long[]> shapes = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, NodeInfo> output : outputs.entrySet()) {
            names.add(output.getKey());
            shapes.add(verifyOutput(output.getKey(), output.getValue(), expected.get(index++),
                    descriptor));
        }
        return new ModelSignature(inputName, List.copyOf(names), List.copyOf(shapes));
    }

    private static String verifyInput(Map<String, NodeInfo> inputs, ModelDescriptor descriptor) {
        long[] fed = {1, 3, descriptor.inputHeight(), descriptor.inputWidth()};
        if (inputs.size() != 1) {
            throw new InvalidModelException("Model " + descriptor.modelPath() + " has "
                    + inputs.size() + " inputs " + describe(inputs) + " but a detector feeds"
                    + " exactly one image tensor " + Arrays.toString(fed) + ".");
        }
        Map.Entry<String, NodeInfo> input = inputs.entrySet().iterator().next();
        TensorInfo tensor = floatTensor("input", input.getKey(), input.getValue(), descriptor);
        long[] shape = tensor.getShape();
        boolean matches = shape.length == 4;
        for (int i = 0; matches && i < 4; i++) {
            matches = shape[i] < 0 || shape[i] == fed[i];
        }
        if (!matches) {
            throw new InvalidModelException("Model input '" + input.getKey() + "' of "
                    + descriptor.modelPath() + " has shape " + Arrays.toString(shape)
                    + " but descriptor " + descriptor.source() + " sets inputWidth "
                    + descriptor.inputWidth() + " and inputHeight " + descriptor.inputHeight()
                    + ", so the detector feeds " + Arrays.toString(fed) + " (NCHW). Set"
                    + " inputWidth and inputHeight to the model's input size.");
        }
        return input.getKey();
    }

    private static long[] verifyOutput(String name, NodeInfo info, OutputSpec expected,
            ModelDescriptor descriptor) {
        long[] actual = floatTensor("output", name, info, descriptor).getShape();
        if (!expected.matches(actual)) {
            throw new InvalidModelException("Model output '" + name + "' of "
                    + descriptor.modelPath() + " has shape " + Arrays.toString(actual)
                    + " but format " + descriptor.format() + " from descriptor "
                    + descriptor.source() + " expects " + expected + ". Check the descriptor's"
                    + " 'format', 'classNames' and 'strides' fields against the model.");
        }
        long[] concrete = actual.clone();
        for (int i = 0; i < concrete.length; i++) {
            if (concrete[i] < 0) {
                concrete[i] = expected.shape()[i];
            }
            if (concrete[i] < 0) {
                throw new InvalidModelException("Model output '" + name + "' of "
                        + descriptor.modelPath() + " has the dynamic shape "
                        + Arrays.toString(actual) + ", so its size is unknown before inference."
                        + " List the model's 'strides' in descriptor " + descriptor.source()
                        + " so that the detector can compute it.");
            }
        }
        return concrete;
    }

    private static TensorInfo floatTensor(String role, String name, NodeInfo info,
            ModelDescriptor descriptor) {
        if (!(info.getInfo() instanceof TensorInfo tensor)
                || tensor.type != OnnxJavaType.FLOAT) {
            throw new InvalidModelException("Model " + role + " '" + name + "' of "
                    + descriptor.modelPath() + " is " + info.getInfo()
                    + " but a detector needs a float32 tensor.");
        }
        return tensor;
    }

    private static String describe(List<OutputSpec> specs) {
        return specs.stream().map(OutputSpec::toString).collect(Collectors.joining("; "));
    }

    private static String describe(Map<String, NodeInfo> nodes) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, NodeInfo> node : nodes.entrySet()) {
            String shape = node.getValue().getInfo() instanceof TensorInfo tensor
                    ? Arrays.toString(tensor.getShape()) : String.valueOf(node.getValue().getInfo());
            parts.add("'" + node.getKey() + "' " + shape);
        }
        return parts.toString();
    }
}
