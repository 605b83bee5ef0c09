package io.uavstream.models.onnx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The main graph of an ONNX model file, decoded from its protobuf ModelProto with a small reader
 * of our own: opsets, inputs, outputs, value_info, nodes and initializers. Subgraphs (the
 * branches of If and Loop), functions and external weight files are not decoded.
 *
 * <p>Field numbers are those of onnx.proto (ONNX 1.12 and later): ModelProto ir_version 1,
 * producer_name 2, producer_version 3, graph 7, opset_import 8; GraphProto node 1, initializer 5,
 * input 11, output 12, value_info 13.
 */
public final class OnnxModel {

    private final Path source;
    private final byte[] bytes;
    private final List<ProtoReader.Field> modelFields;
    private final List<ProtoReader.Field> graphFields;
    private final long irVersion;
    private final String producer;
    private final Map<String, Long> opsets;
    private final List<OnnxValueInfo> declaredInputs;
    private final List<OnnxValueInfo> outputs;
    private final List<OnnxValueInfo> valueInfo;
    private final List<OnnxNode> nodes;
    private final List<OnnxInitializer> initializers;

    private OnnxModel(Path source, byte[] bytes) {
        this.source = source;
        this.bytes = bytes;
        this.modelFields = decode(source, bytes);
        long ir = 0;
        String producerName = "";
        String producerVersion = "";
        Map<String, Long> imports = new LinkedHashMap<>();
        List<ProtoReader.Field> graph = null;
        for (ProtoReader.Field field : modelFields) {
            switch (field.number()) {
                case 1 -> ir = field.value();
                case 2 -> producerName = field.string();
                case 3 -> producerVersion = field.string();
                case 7 -> graph = field.message();
                case 8 -> putOpset(imports, field.message());
                default -> { }
            }
        }
        if (graph == null) {
            throw new MalformedModelException("ONNX file " + source + " has no graph; it is not"
                    + " a model, or it is truncated");
        }
        this.graphFields = graph;
        this.irVersion = ir;
        this.producer = (producerName + " " + producerVersion).strip();
        this.opsets = Collections.unmodifiableMap(imports);

        List<OnnxValueInfo> inputs = new ArrayList<>();
        List<OnnxValueInfo> outs = new ArrayList<>();
        List<OnnxValueInfo> infos = new ArrayList<>();
        List<OnnxNode> ops = new ArrayList<>();
        List<OnnxInitializer> constants = new ArrayList<>();
        for (ProtoReader.Field field : graph) {
            switch (field.number()) {
                case 1 -> ops.add(OnnxNode.decode(field.message()));
                case 5 -> constants.add(OnnxInitializer.decode(field));
                case 11 -> inputs.add(OnnxValueInfo.decode(field.message()));
                case 12 -> outs.add(OnnxValueInfo.decode(field.message()));
                case 13 -> infos.add(OnnxValueInfo.decode(field.message()));
                default -> { }
            }
        }
        this.declaredInputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outs);
        this.valueInfo = List.copyOf(infos);
        this.nodes = List.copyOf(ops);
        this.initializers = List.copyOf(constants);
    }

    private static void putOpset(Map<String, Long> imports, List<ProtoReader.Field> fields) {
        String domain = "";
        long version = 0;
        for (ProtoReader.Field field : fields) {
            if (field.number() == 1) {
                domain = field.string();
            } else if (field.number() == 2) {
                version = field.value();
            }
        }
        imports.put("ai.onnx".equals(domain) ? "" : domain, version);
    }

    private static List<ProtoReader.Field> decode(Path source, byte[] bytes) {
        try {
            return ProtoReader.parse(bytes);
        } catch (MalformedModelException e) {
            throw new MalformedModelException(source + " is not an ONNX model: its bytes do not decode as a protobuf"
                    + " ModelProto (" + e.getMessage() + ")");
        }
    }

    /**
     * Reads and decodes the ONNX model {@code file}.
     *
     * @throws UncheckedIOException if the file cannot be read
     * @throws MalformedModelException if it is not a protobuf ModelProto with a graph
     */
    public static OnnxModel read(Path file) {
        try {
            return new OnnxModel(file, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read ONNX model " + file, e);
        }
    }

    /** Decodes a model from its encoded bytes; {@code source} names it in messages. */
    public static OnnxModel parse(byte[] bytes, Path source) {
        return new OnnxModel(source, bytes.clone());
    }

    public Path source() {
        return source;
    }

    /** Returns the size of the encoded model in bytes. */
    public long sizeBytes() {
        return bytes.length;
    }

    public long irVersion() {
        return irVersion;
    }

    /** Returns the producer name and version, such as "pytorch 1.13.0"; empty when unset. */
    public String producer() {
        return producer;
    }

    /** Returns the imported opset version by domain, "" for the default ONNX domain. */
    public Map<String, Long> opsets() {
        return opsets;
    }

    /** Returns the default-domain opset version, 0 when the model imports none. */
    public long defaultOpset() {
        return opsets.getOrDefault("", 0L);
    }

    /**
     * Returns the inputs that a caller must feed: the graph inputs that no initializer backs.
     * Models from older exporters also list every weight as a graph input.
     */
    public List<OnnxValueInfo> inputs() {
        Set<String> constants = initializerNames();
        return declaredInputs.stream().filter(i -> !constants.contains(i.name())).toList();
    }

    /** Returns every graph input, including weights that older exporters list as inputs. */
    public List<OnnxValueInfo> declaredInputs() {
        return declaredInputs;
    }

    public List<OnnxValueInfo> outputs() {
        return outputs;
    }

    /** Returns the types and shapes of intermediate tensors that the file records, if any. */
    public List<OnnxValueInfo> valueInfo() {
        return valueInfo;
    }

    /** Returns the nodes in graph order (a topological order, as ONNX requires). */
    public List<OnnxNode> nodes() {
        return nodes;
    }

    public List<OnnxInitializer> initializers() {
        return initializers;
    }

    /** Returns the names of all initializers. */
    public Set<String> initializerNames() {
        Set<String> names = new HashSet<>();
        initializers.forEach(i -> names.add(i.name()));
        return names;
    }

    /** Returns the initializers by name. */
    public Map<String, OnnxInitializer> initializersByName() {
        Map<String, OnnxInitializer> byName = new LinkedHashMap<>();
        initializers.forEach(i -> byName.put(i.name(), i));
        return byName;
    }

    byte[] bytes() {
        return bytes;
    }

    List<ProtoReader.Field> modelFields() {
        return modelFields;
    }

    List<ProtoReader.Field> graphFields() {
        return graphFields;
    }
}
