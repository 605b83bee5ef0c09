package io.uavstream.models.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One operator of a graph (NodeProto). An empty input name marks an omitted optional input, as
 * in ONNX. Keeps the encoded attributes, so that a rewritten model can copy them unchanged.
 */
public final class OnnxNode {

    /** The ONNX default operator domain, written as "" or "ai.onnx". */
    public static final String DEFAULT_DOMAIN = "";

    private static final int ATTRIBUTE_TYPE_INT = 2;
    private static final int ATTRIBUTE_TYPE_TENSOR = 4;

    private final String name;
    private final String opType;
    private final String domain;
    private final List<String> inputs;
    private final List<String> outputs;
    private final Map<String, ProtoReader.Field> attributes;

    OnnxNode(String name, String opType, String domain, List<String> inputs, List<String> outputs,
            Map<String, ProtoReader.Field> attributes) {
        this.name = name;
        this.opType = opType;
        this.domain = "ai.onnx".equals(domain) ? DEFAULT_DOMAIN : domain;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.attributes = Map.copyOf(attributes);
    }

    /** Decodes a NodeProto: input (1), output (2), name (3), op_type (4), attribute (5), domain (7). */
    static OnnxNode decode(List<ProtoReader.Field> fields) {
        String name = "";
        String opType = "";
        String domain = DEFAULT_DOMAIN;
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        Map<String, ProtoReader.Field> attributes = new HashMap<>();
        for (ProtoReader.Field field : fields) {
            switch (field.number()) {
                case 1 -> inputs.add(field.string());
                case 2 -> outputs.add(field.string());
                case 3 -> name = field.string();
                case 4 -> opType = field.string();
                case 5 -> attributes.put(attributeName(field), field);
                case 7 -> domain = field.string();
                default -> { }
            }
        }
        return new OnnxNode(name, opType, domain, inputs, outputs, attributes);
    }

    private static String attributeName(ProtoReader.Field attribute) {
        for (ProtoReader.Field field : attribute.message()) {
            if (field.number() == 1) {
                return field.string();
            }
        }
        return "";
    }

    public String name() {
        return name;
    }

    public String opType() {
        return opType;
    }

    /** Returns the operator domain, "" for the default ONNX domain. */
    public String domain() {
        return domain;
    }

    /** Returns the operator as {@code domain:opType}, or the bare op type in the default domain. */
    public String qualifiedOpType() {
        return domain.isEmpty() ? opType : domain + ":" + opType;
    }

    public List<String> inputs() {
        return inputs;
    }

    public List<String> outputs() {
        return outputs;
    }

    /** Returns the input at {@code index}, or "" when the node has no such input. */
    public String input(int index) {
        return index < inputs.size() ? inputs.get(index) : "";
    }

    /** Returns the int attribute (field i, 3) named {@code attribute}, if the node sets it. */
    public Optional<Long> intAttribute(String attribute) {
        return attributeField(attribute, 3).map(ProtoReader.Field::value);
    }

    /** Returns the ints attribute (field ints, 8) named {@code attribute}, empty if unset. */
    public List<Long> intsAttribute(String attribute) {
        List<Long> values = new ArrayList<>();
        ProtoReader.Field encoded = attributes.get(attribute);
        if (encoded != null) {
            for (ProtoReader.Field field : encoded.message()) {
                if (field.number() == 8) {
                    values.addAll(field.varints());
                }
            }
        }
        return values;
    }

    /** Returns the tensor attribute (field t, 5) named {@code attribute}, if the node sets it. */
    public Optional<OnnxInitializer> tensorAttribute(String attribute) {
        return attributeField(attribute, 5).map(OnnxInitializer::decode);
    }

    private Optional<ProtoReader.Field> attributeField(String attribute, int number) {
        ProtoReader.Field encoded = attributes.get(attribute);
        if (encoded == null) {
            return Optional.empty();
        }
        return encoded.message().stream().filter(f -> f.number() == number).findFirst();
    }

    /** Creates a node without attributes. */
    static OnnxNode of(String name, String opType, String domain, List<String> inputs,
            List<String> outputs) {
        return new OnnxNode(name, opType, domain, inputs, outputs, Map.of());
    }

    /** Returns a copy of this node with other inputs. */
    OnnxNode withInputs(List<String> newInputs) {
        return new OnnxNode(name, opType, domain, newInputs, outputs, attributes);
    }

    /** Returns a copy of this node with the int attribute {@code attribute} set to {@code value}. */
    OnnxNode withIntAttribute(String attribute, long value) {
        ProtoWriter encoded = new ProtoWriter().string(1, attribute).varint(3, value)
                .varint(20, ATTRIBUTE_TYPE_INT);
        return withAttribute(attribute, encoded);
    }

    /** Returns a copy of this node with the tensor attribute {@code attribute}. */
    OnnxNode withTensorAttribute(String attribute, byte[] tensorProto) {
        ProtoWriter encoded = new ProtoWriter().string(1, attribute).bytes(5, tensorProto)
                .varint(20, ATTRIBUTE_TYPE_TENSOR);
        return withAttribute(attribute, encoded);
    }

    private OnnxNode withAttribute(String attribute, ProtoWriter encoded) {
        byte[] wrapped = new ProtoWriter().message(5, encoded).toByteArray();
        Map<String, ProtoReader.Field> updated = new HashMap<>(attributes);
        updated.put(attribute, ProtoReader.parse(wrapped).get(0));
        return new OnnxNode(name, opType, domain, inputs, outputs, updated);
    }

    /** Encodes this node as a NodeProto. */
    byte[] encode() {
        ProtoWriter out = new ProtoWriter();
        inputs.forEach(input -> out.string(1, input));
        outputs.forEach(output -> out.string(2, output));
        if (!name.isEmpty()) {
            out.string(3, name);
        }
        out.string(4, opType);
        attributes.keySet().stream().sorted().forEach(key -> out.copy(attributes.get(key)));
        if (!domain.isEmpty()) {
            out.string(7, domain);
        }
        return out.toByteArray();
    }

    /** Returns the encoded AttributeProto fields, in no particular order. */
    Map<String, ProtoReader.Field> encodedAttributes() {
        return attributes;
    }

    @Override
    public String toString() {
        return qualifiedOpType() + " '" + name + "' " + inputs + " -> " + outputs;
    }
}
