package io.uavstream.models.onnx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a changed copy of an {@link OnnxModel}: other nodes, initializers added or removed,
 * extra graph outputs, other opset versions. Every other field of the model and the graph is
 * copied byte for byte.
 */
public final class OnnxModelEditor {

    private final OnnxModel model;
    private List<OnnxNode> nodes;
    private final Set<String> removedInitializers = new HashSet<>();
    private final List<byte[]> addedInitializers = new ArrayList<>();
    private final List<String> addedOutputs = new ArrayList<>();
    private final Map<String, Long> opsets;

    private OnnxModelEditor(OnnxModel model) {
        this.model = model;
        this.nodes = model.nodes();
        this.opsets = new LinkedHashMap<>(model.opsets());
    }

    public static OnnxModelEditor of(OnnxModel model) {
        return new OnnxModelEditor(model);
    }

    /** Replaces the graph's nodes; they must be in topological order. */
    public OnnxModelEditor nodes(List<OnnxNode> replacement) {
        this.nodes = List.copyOf(replacement);
        return this;
    }

    /** Removes an initializer, and the graph input of the same name if older exporters added one. */
    public OnnxModelEditor removeInitializer(String name) {
        removedInitializers.add(name);
        return this;
    }

    /** Adds an initializer with little-endian {@code raw} data (TensorProto raw_data). */
    public OnnxModelEditor addInitializer(String name, TensorDataType type, long[] dims,
            byte[] raw) {
        addedInitializers.add(encodeTensor(name, type, dims, raw));
        return this;
    }

    /**
     * Adds a graph output without a declared type or shape; ONNX Runtime takes both from the
     * node that produces the tensor.
     */
    public OnnxModelEditor addOutput(String name) {
        addedOutputs.add(name);
        return this;
    }

    /** Sets the imported opset version of {@code domain} ("" for the default domain). */
    public OnnxModelEditor opset(String domain, long version) {
        opsets.put(domain, version);
        return this;
    }

    /** Encodes a TensorProto: dims (1), data_type (2), name (8), raw_data (9). */
    static byte[] encodeTensor(String name, TensorDataType type, long[] dims, byte[] raw) {
        ProtoWriter tensor = new ProtoWriter();
        for (long d : dims) {
            tensor.varint(1, d);
        }
        tensor.varint(2, type.code());
        if (name != null) {
            tensor.string(8, name);
        }
        tensor.bytes(9, raw);
        return tensor.toByteArray();
    }

    /** Encodes the edited model as a ModelProto. */
    public byte[] encode() {
        ProtoWriter out = new ProtoWriter();
        for (ProtoReader.Field field : model.modelFields()) {
            if (field.number() == 7) {
                out.bytes(7, encodeGraph());
            } else if (field.number() != 8) {
                out.copy(field);
            }
        }
        opsets.forEach((domain, version) -> {
            ProtoWriter opset = new ProtoWriter();
            if (!domain.isEmpty()) {
                opset.string(1, domain);
            }
            out.message(8, opset.varint(2, version));
        });
        return out.toByteArray();
    }

    private byte[] encodeGraph() {
        ProtoWriter graph = new ProtoWriter();
        for (OnnxNode node : nodes) {
            graph.bytes(1, node.encode());
        }
        for (ProtoReader.Field field : model.graphFields()) {
            switch (field.number()) {
                case 1 -> { }
                case 5 -> {
                    if (!removedInitializers.contains(OnnxInitializer.decode(field).name())) {
                        graph.copy(field);
                    }
                }
                case 11 -> {
                    String name = OnnxValueInfo.decode(field.message()).name();
                    if (!removedInitializers.contains(name)) {
                        graph.copy(field);
                    }
                }
                default -> graph.copy(field);
            }
        }
        addedInitializers.forEach(tensor -> graph.bytes(5, tensor));
        addedOutputs.forEach(name -> graph.message(12, new ProtoWriter().string(1, name)));
        return graph.toByteArray();
    }
}
