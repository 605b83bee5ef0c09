package io.uavstream.models.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A constant tensor of a graph (TensorProto): an initializer, or the value of a Constant node.
 * Keeps the encoded message, so that a rewritten model can copy it unchanged.
 */
public final class OnnxInitializer {

    private final String name;
    private final TensorDataType dataType;
    private final List<Long> dims;
    private final ProtoReader.Field encoded;

    private OnnxInitializer(String name, TensorDataType dataType, List<Long> dims,
            ProtoReader.Field encoded) {
        this.name = name;
        this.dataType = dataType;
        this.dims = List.copyOf(dims);
        this.encoded = encoded;
    }

    /** Decodes a TensorProto field: dims (1), data_type (2) and name (8). */
    static OnnxInitializer decode(ProtoReader.Field tensor) {
        String name = "";
        TensorDataType type = TensorDataType.UNDEFINED;
        List<Long> dims = new ArrayList<>();
        for (ProtoReader.Field field : tensor.message()) {
            switch (field.number()) {
                case 1 -> dims.addAll(field.varints());
                case 2 -> type = TensorDataType.of(field.value());
                case 8 -> name = field.string();
                default -> { }
            }
        }
        return new OnnxInitializer(name, type, dims, tensor);
    }

    public String name() {
        return name;
    }

    public TensorDataType dataType() {
        return dataType;
    }

    /** Returns the dimensions; empty for a scalar. */
    public List<Long> dims() {
        return dims;
    }

    /** Returns the number of elements: the product of the dimensions, 1 for a scalar. */
    public long elementCount() {
        long count = 1;
        for (long d : dims) {
            count *= d;
        }
        return count;
    }

    ProtoReader.Field encoded() {
        return encoded;
    }

    /**
     * Returns the values of a FLOAT tensor, from raw_data (9) or float_data (4).
     *
     * @throws MalformedModelException if the tensor is not FLOAT, is stored outside the file, or
     *     has a value count that does not match its dimensions
     */
    public float[] floats() {
        if (dataType != TensorDataType.FLOAT) {
            throw new MalformedModelException("Tensor '" + name + "' is " + dataType
                    + ", not FLOAT");
        }
        float[] values = null;
        for (ProtoReader.Field field : encoded.message()) {
            if (field.number() == 9) {
                values = new float[field.length() / Float.BYTES];
                ByteBuffer.wrap(field.data(), field.offset(), field.length())
                        .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            } else if (field.number() == 4) {
                values = concat(values, field.floats());
            } else if (field.number() == 13 || field.number() == 14 && field.value() == 1) {
                throw new MalformedModelException("Tensor '" + name + "' is stored in an"
                        + " external data file, which this reader does not load");
            }
        }
        if (values == null) {
            values = new float[0];
        }
        if (values.length != elementCount()) {
            throw new MalformedModelException("Tensor '" + name + "' has " + values.length
                    + " values but its dims " + ShapeText.of(dims) + " need " + elementCount());
        }
        return values;
    }

    private static float[] concat(float[] head, float[] tail) {
        if (head == null) {
            return tail;
        }
        float[] joined = new float[head.length + tail.length];
        System.arraycopy(head, 0, joined, 0, head.length);
        System.arraycopy(tail, 0, joined, head.length, tail.length);
        return joined;
    }

    @Override
    public String toString() {
        return name + " " + dataType + " " + ShapeText.of(dims);
    }
}
