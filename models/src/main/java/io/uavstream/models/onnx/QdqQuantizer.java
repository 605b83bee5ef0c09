package io.uavstream.models.onnx;

import io.uavstream.models.InvalidModelException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Static int8 quantization in the QDQ format: QuantizeLinear -> DequantizeLinear pairs on the
 * activations that convolutions, additions, resizes and pools read, and int8 convolution weights
 * behind DequantizeLinear nodes, per output channel where the opset allows (13 and later). The
 * graph still computes in float, and ONNX Runtime's QDQ graph transformers fuse each
 * DequantizeLinear -> op -> QuantizeLinear group into an integer kernel (QLinearConv and
 * relatives).
 *
 * <p>Conventions, as ONNX Runtime expects them for fusion:
 * <ul>
 *   <li>Weights: symmetric int8 in [-127, 127], zero point 0, scale max|w| / 127.
 *   <li>Biases: int32 with scale input scale x weight scale and zero point 0, one per
 *       convolution because the input scale differs where weights are shared.
 *   <li>Activations: asymmetric UINT8 (default) or INT8 over the calibrated range widened to
 *       contain 0. The output of Resize and MaxPool reuses its input's parameters.
 *   <li>A Relu between a Conv and the QuantizeLinear stays in the graph; ONNX Runtime removes it
 *       because the zero point is the lowest quantized value.
 * </ul>
 * Other operators (Sigmoid, Concat, Reshape, Mul, MatMul) stay in float.
 */
public final class QdqQuantizer {

    private static final Logger LOG = LoggerFactory.getLogger(QdqQuantizer.class);

    /** Operators whose activation inputs are quantized, with the positions of those inputs. */
    static final Map<String, List<Integer>> QUANTIZED_INPUTS = Map.of(
            "Conv", List.of(0),
            "Add", List.of(0, 1),
            "Resize", List.of(0),
            "MaxPool", List.of(0),
            "AveragePool", List.of(0),
            "GlobalAveragePool", List.of(0));

    /** Element-wise operators through which the graph input still counts as the input. */
    private static final Set<String> ELEMENT_WISE = Set.of("Div", "Mul", "Sub", "Add", "Cast");

    /** Operators whose output takes the quantization parameters of their input. */
    private static final Set<String> RANGE_PRESERVING = Set.of("Resize", "MaxPool");

    private static final int MIN_OPSET = 10;
    private static final int PER_CHANNEL_OPSET = 13;
    private static final int WEIGHT_LIMIT = 127;

    /**
     * Quantization choices.
     *
     * @param activationType UINT8 or INT8 activations. ONNX Runtime's x86 integer kernels are
     *     fast for UINT8 activations with INT8 weights
     * @param perChannelWeights one weight scale per output channel (needs opset 13) rather than
     *     one per tensor
     */
    public record Options(TensorDataType activationType, boolean perChannelWeights,
            Set<FloatConvolution> floatConvolutions) {

        public Options {
            floatConvolutions = Set.copyOf(floatConvolutions);
            if (activationType != TensorDataType.UINT8 && activationType != TensorDataType.INT8) {
                throw new IllegalArgumentException("activationType must be UINT8 or INT8, got "
                        + activationType);
            }
        }

        /** UINT8 activations and per-channel INT8 weights. */
        public static Options defaults() {
            return new Options(TensorDataType.UINT8, true, Set.of());
        }
    }

    /** Kinds of convolution that can be left in float while the rest is quantized. */
    public enum FloatConvolution {
        /** Convolutions that read the graph input, directly or through element-wise scaling. */
        FIRST,
        /** Depthwise convolutions: group equal to the input channel count, above 1. */
        DEPTHWISE
    }

    /**
     * A quantized model.
     *
     * @param model the encoded ModelProto
     * @param quantizedActivations activation tensors with a QuantizeLinear -> DequantizeLinear pair
     * @param quantizedWeights convolution weight tensors stored as int8
     * @param perChannel whether weights have one scale per output channel
     * @param uncalibrated activation tensors left in float because calibration gave no range
     */
    public record Result(byte[] model, int quantizedActivations, int quantizedWeights,
            boolean perChannel, List<String> uncalibrated) {

        public Result {
            uncalibrated = List.copyOf(uncalibrated);
        }
    }

    private final OnnxModel model;
    private final Options options;
    private final Map<String, OnnxInitializer> initializers;
    private final Set<String> usedNames = new HashSet<>();
    private final Map<String, QuantizationParameters> activations = new LinkedHashMap<>();
    private final List<OnnxNode> weightNodes = new ArrayList<>();
    private final Map<String, WeightQuantization> weights = new HashMap<>();
    private final OnnxModelEditor editor;
    private final boolean perChannel;
    private final Set<OnnxNode> floatNodes = new HashSet<>();

    /** Quantized form of one float convolution weight initializer. */
    private record WeightQuantization(String dequantized, float[] scales) {}

    private QdqQuantizer(OnnxModel model, Options options) {
        this.model = model;
        this.options = options;
        this.initializers = model.initializersByName();
        this.editor = OnnxModelEditor.of(model);
        long opset = model.defaultOpset();
        if (opset < MIN_OPSET) {
            throw new InvalidModelException("Model " + model.source() + " imports opset " + opset
                    + "; QuantizeLinear and DequantizeLinear need opset " + MIN_OPSET
                    + " or later. Re-export the model with a newer opset.");
        }
        this.perChannel = options.perChannelWeights() && opset >= PER_CHANNEL_OPSET;
        if (options.perChannelWeights() && !perChannel) {
            LOG.warn("Model {} imports opset {}; per-channel weights need opset {}, so weights get"
                    + " one scale per tensor", model.source(), opset, PER_CHANNEL_OPSET);
        }
        usedNames.addAll(initializers.keySet());
        for (OnnxNode node : model.nodes()) {
            usedNames.addAll(node.outputs());
            usedNames.add(node.name());
        }
    }

    /**
     * Returns the float activation tensors that need a calibrated range: the inputs that
     * {@link #QUANTIZED_INPUTS} names, leaving out constants.
     *
     * @param types tensor element types, from {@link ModelInspector#shapes}
     */
    static List<String> activationTensors(OnnxModel model, Map<String, OnnxValueInfo> types,
            Options options) {
        Set<OnnxNode> floatNodes = floatConvolutions(model, options);
        Set<String> constants = new HashSet<>(model.initializerNames());
        for (OnnxNode node : model.nodes()) {
            if (node.opType().equals("Constant")) {
                constants.addAll(node.outputs());
            }
        }
        List<String> ordered = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (OnnxNode node : model.nodes()) {
            if (floatNodes.contains(node)) {
                continue;
            }
            for (int position : QUANTIZED_INPUTS.getOrDefault(node.opType(), List.of())) {
                String input = node.input(position);
                OnnxValueInfo type = types.get(input);
                if (!input.isEmpty() && !constants.contains(input) && type != null
                        && type.dataType() == TensorDataType.FLOAT && seen.add(input)) {
                    ordered.add(input);
                }
            }
        }
        return ordered;
    }

    /**
     * Quantizes {@code model} with the calibrated activation {@code ranges}.
     *
     * @throws InvalidModelException if the model's opset is older than 10
     */
    public static Result quantize(OnnxModel model, Map<String, OnnxValueInfo> types,
            Map<String, ActivationRange> ranges, Options options) {
        return new QdqQuantizer(model, options).run(types, ranges);
    }

    private Result run(Map<String, OnnxValueInfo> types, Map<String, ActivationRange> ranges) {
        List<String> tensors = activationTensors(model, types, options);
        floatNodes.addAll(floatConvolutions(model, options));
        Map<String, OnnxNode> producers = new HashMap<>();
        model.nodes().forEach(node -> node.outputs().forEach(o -> producers.put(o, node)));
        List<String> uncalibrated = new ArrayList<>();
        for (String tensor : tensors) {
            OnnxNode producer = producers.get(tensor);
            if (producer != null && RANGE_PRESERVING.contains(producer.opType())
                    && activations.containsKey(producer.input(0))) {
                activations.put(tensor, activations.get(producer.input(0)));
            } else if (ranges.containsKey(tensor)) {
                activations.put(tensor, QuantizationParameters.of(ranges.get(tensor),
                        options.activationType()));
            } else {
                uncalibrated.add(tensor);
            }
        }
        if (!uncalibrated.isEmpty()) {
            LOG.warn("{} activation tensors of {} have no calibrated range and stay float: {}",
                    uncalibrated.size(), model.source(), uncalibrated);
        }

        List<OnnxNode> body = new ArrayList<>();
        Set<String> graphInputs = new HashSet<>();
        model.inputs().forEach(input -> graphInputs.add(input.name()));
        for (String tensor : activations.keySet()) {
            if (graphInputs.contains(tensor)) {
                body.addAll(quantizeDequantize(tensor));
            }
        }
        for (OnnxNode node : model.nodes()) {
            body.add(rewire(node));
            for (String output : node.outputs()) {
                if (activations.containsKey(output)) {
                    body.addAll(quantizeDequantize(output));
                }
            }
        }
        List<OnnxNode> nodes = new ArrayList<>(weightNodes);
        nodes.addAll(body);
        removeUnusedFloatWeights(nodes);
        byte[] encoded = editor.nodes(nodes).encode();
        LOG.info("Quantized {} activation tensors and {} convolution weights of {} ({} weights)",
                activations.size(), weights.size(), model.source(),
                perChannel ? "per-channel" : "per-tensor");
        return new Result(encoded, activations.size(), weights.size(), perChannel,
                uncalibrated);
    }

    /**
     * Returns the convolutions that {@link Options#floatConvolutions()} keeps in float. A first
     * convolution reads the graph input through nothing but element-wise operators.
     */
    static Set<OnnxNode> floatConvolutions(OnnxModel model, Options options) {
        Set<OnnxNode> selected = new HashSet<>();
        Map<String, OnnxInitializer> constants = model.initializersByName();
        Set<String> fromInput = new HashSet<>();
        model.inputs().forEach(input -> fromInput.add(input.name()));
        for (OnnxNode node : model.nodes()) {
            boolean readsInput = node.inputs().stream().anyMatch(fromInput::contains);
            if (node.opType().equals("Conv")) {
                boolean first = readsInput;
                OnnxInitializer weight = constants.get(node.input(1));
                long group = node.intAttribute("group").orElse(1L);
                boolean depthwise = group > 1 && weight != null && weight.dims().size() > 1
                        && weight.dims().get(1) == 1;
                if (first && options.floatConvolutions().contains(FloatConvolution.FIRST)
                        || depthwise && options.floatConvolutions()
                                .contains(FloatConvolution.DEPTHWISE)) {
                    selected.add(node);
                }
            } else if (readsInput && ELEMENT_WISE.contains(node.opType())) {
                fromInput.addAll(node.outputs());
            }
        }
        return selected;
    }

    /** Returns {@code node} reading dequantized activations, weights and biases. */
    private OnnxNode rewire(OnnxNode node) {
        List<String> inputs = new ArrayList<>(node.inputs());
        for (int i = 0; i < inputs.size(); i++) {
            if (activations.containsKey(inputs.get(i))) {
                inputs.set(i, dequantizedName(inputs.get(i)));
            }
        }
        if (node.opType().equals("Conv") && activations.containsKey(node.input(0))
                && !floatNodes.contains(node)) {
            OnnxInitializer weight = initializers.get(node.input(1));
            if (weight != null && weight.dataType() == TensorDataType.FLOAT
                    && weight.dims().size() >= 2) {
                WeightQuantization quantized = weights.computeIfAbsent(weight.name(),
                        name -> quantizeWeight(weight));
                inputs.set(1, quantized.dequantized());
                OnnxInitializer bias = initializers.get(node.input(2));
                if (bias != null && bias.dataType() == TensorDataType.FLOAT) {
                    float inputScale = activations.get(node.input(0)).scale();
                    inputs.set(2, quantizeBias(bias, quantized.scales(), inputScale));
                }
            }
        }
        return node.withInputs(inputs);
    }

    private List<OnnxNode> quantizeDequantize(String tensor) {
        QuantizationParameters parameters = activations.get(tensor);
        String scale = uniqueName(tensor + "_scale");
        String zeroPoint = uniqueName(tensor + "_zero_point");
        editor.addInitializer(scale, TensorDataType.FLOAT, new long[0],
                ProtoWriter.littleEndian(new float[] {parameters.scale()}));
        editor.addInitializer(zeroPoint, parameters.type(), new long[0],
                new byte[] {parameters.zeroPointByte()});
        String quantized = uniqueName(tensor + "_quantized");
        OnnxNode quantize = OnnxNode.of(uniqueName(tensor + "_QuantizeLinear"), "QuantizeLinear",
                "", List.of(tensor, scale, zeroPoint), List.of(quantized));
        OnnxNode dequantize = OnnxNode.of(uniqueName(tensor + "_DequantizeLinear"),
                "DequantizeLinear", "", List.of(quantized, scale, zeroPoint),
                List.of(dequantizedName(tensor)));
        return List.of(quantize, dequantize);
    }

    private final Map<String, String> dequantizedNames = new HashMap<>();

    private String dequantizedName(String tensor) {
        return dequantizedNames.computeIfAbsent(tensor, t -> uniqueName(t + "_dequantized"));
    }

    /** Stores {@code weight} as symmetric int8, one scale per output channel or per tensor. */
    private WeightQuantization quantizeWeight(OnnxInitializer weight) {
        float[] values = weight.floats();
        int channels = perChannel ? weight.dims().get(0).intValue() : 1;
        int perChannelCount = values.length / channels;
        float[] scales = new float[channels];
        byte[] quantized = new byte[values.length];
        for (int c = 0; c < channels; c++) {
            float maxAbs = 0f;
            for (int i = c * perChannelCount; i < (c + 1) * perChannelCount; i++) {
                maxAbs = Math.max(maxAbs, Math.abs(values[i]));
            }
            scales[c] = maxAbs > 0f ? maxAbs / WEIGHT_LIMIT : 1f;
            for (int i = c * perChannelCount; i < (c + 1) * perChannelCount; i++) {
                int q = Math.round(values[i] / scales[c]);
                quantized[i] = (byte) Math.max(-WEIGHT_LIMIT, Math.min(WEIGHT_LIMIT, q));
            }
        }
        long[] dims = weight.dims().stream().mapToLong(Long::longValue).toArray();
        String stored = uniqueName(weight.name() + "_quantized");
        String scale = uniqueName(weight.name() + "_scale");
        String zeroPoint = uniqueName(weight.name() + "_zero_point");
        long[] scaleDims = perChannel ? new long[] {channels} : new long[0];
        editor.addInitializer(stored, TensorDataType.INT8, dims, quantized);
        editor.addInitializer(scale, TensorDataType.FLOAT, scaleDims,
                ProtoWriter.littleEndian(scales));
        editor.addInitializer(zeroPoint, TensorDataType.INT8, scaleDims, new byte[channels]);
        String dequantized = uniqueName(weight.name() + "_dequantized");
        weightNodes.add(dequantizeNode(stored, scale, zeroPoint, dequantized));
        return new WeightQuantization(dequantized, expand(scales, weight.dims().get(0).intValue()));
    }

    /** Stores a bias as int32 with scale input scale x weight scale, for one convolution. */
    private String quantizeBias(OnnxInitializer bias, float[] weightScales, float inputScale) {
        float[] values = bias.floats();
        int[] quantized = new int[values.length];
        float[] scales = new float[values.length];
        for (int c = 0; c < values.length; c++) {
            scales[c] = inputScale * weightScales[c];
            quantized[c] = (int) Math.round((double) values[c] / scales[c]);
        }
        String stored = uniqueName(bias.name() + "_quantized");
        String scale = uniqueName(bias.name() + "_scale");
        String zeroPoint = uniqueName(bias.name() + "_zero_point");
        long[] dims = perChannel ? new long[] {values.length} : new long[0];
        float[] storedScales = perChannel ? scales : new float[] {scales[0]};
        editor.addInitializer(stored, TensorDataType.INT32, new long[] {values.length},
                ProtoWriter.littleEndian(quantized));
        editor.addInitializer(scale, TensorDataType.FLOAT, dims,
                ProtoWriter.littleEndian(storedScales));
        editor.addInitializer(zeroPoint, TensorDataType.INT32, dims,
                ProtoWriter.littleEndian(new int[storedScales.length]));
        String dequantized = uniqueName(bias.name() + "_dequantized");
        weightNodes.add(dequantizeNode(stored, scale, zeroPoint, dequantized));
        return dequantized;
    }

    private OnnxNode dequantizeNode(String stored, String scale, String zeroPoint,
            String output) {
        OnnxNode node = OnnxNode.of(uniqueName(output + "_DequantizeLinear"), "DequantizeLinear",
                "", List.of(stored, scale, zeroPoint), List.of(output));
        return perChannel ? node.withIntAttribute("axis", 0) : node;
    }

    private static float[] expand(float[] scales, int channels) {
        if (scales.length == channels) {
            return scales;
        }
        float[] expanded = new float[channels];
        java.util.Arrays.fill(expanded, scales[0]);
        return expanded;
    }

    /** Removes float weight initializers that no node reads any more. */
    private void removeUnusedFloatWeights(List<OnnxNode> nodes) {
        Set<String> read = new HashSet<>();
        nodes.forEach(node -> read.addAll(node.inputs()));
        model.outputs().forEach(output -> read.add(output.name()));
        for (String name : weights.keySet()) {
            if (!read.contains(name)) {
                editor.removeInitializer(name);
            }
        }
        for (OnnxNode node : model.nodes()) {
            if (node.opType().equals("Conv")) {
                String bias = node.input(2);
                if (!bias.isEmpty() && initializers.containsKey(bias) && !read.contains(bias)) {
                    editor.removeInitializer(bias);
                }
            }
        }
    }

    private String uniqueName(String base) {
        String name = base;
        for (int i = 1; !usedNames.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }
}
