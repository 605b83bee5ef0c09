package io.uavstream.models.onnx;

import io.uavstream.models.InvalidModelException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inspects an ONNX model file: inputs, outputs, opsets, operator counts, quantization, parameter
 * count, estimated GFLOPs and the descriptor a detector would need.
 *
 * <p>Tensor shapes come from the file's value_info where it records them all. Otherwise the
 * inspector runs the model once in ONNX Runtime on zeros, with every intermediate tensor exposed
 * as an output. Symbolic input dimensions are then replaced: the batch by 1, others by
 * {@code probeSize}.
 */
public final class ModelInspector {

    private static final Logger LOG = LoggerFactory.getLogger(ModelInspector.class);

    /** Size used for a symbolic spatial input dimension when the inspector runs the model. */
    public static final int DEFAULT_PROBE_SIZE = 640;

    private ModelInspector() {}

    /** Inspects {@code file}, using {@link #DEFAULT_PROBE_SIZE} for symbolic input sizes. */
    public static ModelInspection inspect(Path file) {
        return inspect(OnnxModel.read(file), DEFAULT_PROBE_SIZE);
    }

    /**
     * Inspects a decoded model.
     *
     * @param probeSize pixels used for each symbolic input dimension after the batch
     */
    public static ModelInspection inspect(OnnxModel model, int probeSize) {
        Map<String, OnnxValueInfo> shapes = shapes(model, probeSize);
        List<OnnxValueInfo> outputs = new ArrayList<>();
        for (OnnxValueInfo output : model.outputs()) {
            outputs.add(output.hasStaticShape() ? output
                    : shapes.getOrDefault(output.name(), output));
        }
        OptionalDouble gflops = OperationCounter.gflops(model, shapes);
        DescriptorGuess.Result descriptor = guessDescriptor(model, shapes, outputs);
        return new ModelInspection(model.source(), model.sizeBytes(), model.irVersion(),
                model.producer(), model.opsets(), model.inputs(), outputs,
                operatorCounts(model), QuantizationCounter.summarize(model, shapes),
                ParameterCounter.count(model), gflops, descriptor.json(), descriptor.note());
    }

    /** Returns the node count per operator, most frequent first, ties by name. */
    static Map<String, Integer> operatorCounts(OnnxModel model) {
        Map<String, Integer> counts = new HashMap<>();
        model.nodes().forEach(node -> counts.merge(node.qualifiedOpType(), 1, Integer::sum));
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /**
     * Returns the type and shape of every tensor: from the file when it records all node
     * outputs with static shapes, else from one ONNX Runtime run. A failed run leaves the
     * shapes the file gives, and is logged.
     */
    static Map<String, OnnxValueInfo> shapes(OnnxModel model, int probeSize) {
        Map<String, OnnxValueInfo> shapes = new HashMap<>();
        model.valueInfo().forEach(v -> shapes.put(v.name(), v));
        model.inputs().forEach(v -> shapes.put(v.name(), v));
        model.outputs().forEach(v -> shapes.put(v.name(), v));
        List<String> produced = IntermediateTensors.nodeOutputs(model);
        boolean complete = produced.stream()
                .allMatch(name -> shapes.containsKey(name) && shapes.get(name).hasStaticShape()
                        && shapes.get(name).dataType() != TensorDataType.UNDEFINED);
        if (complete) {
            return shapes;
        }
        try (IntermediateTensors probe = IntermediateTensors.open(model, produced)) {
            long[] inputShape = concreteInputShape(probe.input(), probeSize);
            shapes.putAll(probe.probeShapes(inputShape));
            List<Long> inputDims = new ArrayList<>();
            for (long d : inputShape) {
                inputDims.add(d);
            }
            OnnxValueInfo input = probe.input();
            shapes.put(input.name(), new OnnxValueInfo(input.name(), input.dataType(), inputDims));
        } catch (InvalidModelException e) {
            LOG.warn("Could not run {} to find its tensor shapes; GFLOPs and the descriptor stay"
                    + " unknown where the file gives no shapes", model.source(), e);
        }
        return shapes;
    }

    private static long[] concreteInputShape(OnnxValueInfo input, int probeSize) {
        List<Long> shape = input.shape();
        if (shape.isEmpty()) {
            throw new InvalidModelException("Model input '" + input.name() + "' has no shape in"
                    + " the file, so the inspector cannot choose a probe input");
        }
        long[] concrete = new long[shape.size()];
        for (int i = 0; i < concrete.length; i++) {
            long d = shape.get(i);
            if (d >= 0) {
                concrete[i] = d;
            } else if (i == 0) {
                concrete[i] = 1;
            } else {
                concrete[i] = probeSize;
            }
        }
        return concrete;
    }

    private static DescriptorGuess.Result guessDescriptor(OnnxModel model,
            Map<String, OnnxValueInfo> shapes, List<OnnxValueInfo> outputs) {
        List<OnnxValueInfo> inputs = model.inputs();
        if (inputs.size() != 1) {
            return new DescriptorGuess.Result(Optional.empty(), "a detector has one image input,"
                    + " this model has " + inputs.size());
        }
        OnnxValueInfo input = shapes.getOrDefault(inputs.get(0).name(), inputs.get(0));
        List<Long> dims = input.shape();
        if (dims.size() != 4 || dims.get(1) != 3 || !input.hasStaticShape()) {
            return new DescriptorGuess.Result(Optional.empty(), "input '" + input.name()
                    + "' has shape " + ShapeText.of(dims) + ", not an NCHW image [1, 3, H, W]");
        }
        List<List<Long>> outputShapes = new ArrayList<>();
        for (OnnxValueInfo output : outputs) {
            if (!output.hasStaticShape()) {
                return new DescriptorGuess.Result(Optional.empty(), "output '" + output.name()
                        + "' has no known shape");
            }
            outputShapes.add(output.shape());
        }
        return DescriptorGuess.guess(model.source(), dims.get(3).intValue(),
                dims.get(2).intValue(), outputShapes);
    }
}
