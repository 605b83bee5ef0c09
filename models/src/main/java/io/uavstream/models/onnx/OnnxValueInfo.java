package io.uavstream.models.onnx;

import java.util.ArrayList;
import java.util.List;

/**
 * A named tensor of a graph's inputs, outputs or value_info: its element type and shape.
 *
 * @param name tensor name
 * @param dataType element type, {@link TensorDataType#UNDEFINED} when the file gives none
 * @param shape dimensions, -1 for a symbolic or unknown one; empty when the file gives no shape
 */
public record OnnxValueInfo(String name, TensorDataType dataType, List<Long> shape) {

    public OnnxValueInfo {
        shape = List.copyOf(shape);
    }

    /** Decodes a ValueInfoProto: name (1), type (2) with tensor_type (1), elem_type and shape. */
    static OnnxValueInfo decode(List<ProtoReader.Field> fields) {
        String name = "";
        TensorDataType type = TensorDataType.UNDEFINED;
        List<Long> shape = new ArrayList<>();
        for (ProtoReader.Field field : fields) {
            if (field.number() == 1) {
                name = field.string();
            } else if (field.number() == 2) {
                for (ProtoReader.Field typeField : field.message()) {
                    if (typeField.number() == 1) {
                        type = decodeTensorType(typeField.message(), shape);
                    }
                }
            }
        }
        return new OnnxValueInfo(name, type, shape);
    }

    private static TensorDataType decodeTensorType(List<ProtoReader.Field> fields,
            List<Long> shape) {
        TensorDataType type = TensorDataType.UNDEFINED;
        for (ProtoReader.Field field : fields) {
            if (field.number() == 1) {
                type = TensorDataType.of(field.value());
            } else if (field.number() == 2) {
                for (ProtoReader.Field dim : field.message()) {
                    if (dim.number() == 1) {
                        shape.add(dimension(dim.message()));
                    }
                }
            }
        }
        return type;
    }

    private static long dimension(List<ProtoReader.Field> fields) {
        for (ProtoReader.Field field : fields) {
            if (field.number() == 1) {
                return field.value();
            }
        }
        return -1;
    }

    /** Returns whether every dimension is known. */
    public boolean hasStaticShape() {
        return !shape.isEmpty() && shape.stream().allMatch(d -> d >= 0);
    }

    /** Returns the number of elements, or -1 when the shape is unknown or symbolic. */
    public long elementCount() {
        if (!hasStaticShape()) {
            return -1;
        }
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        return count;
    }

    @Override
    public String toString() {
        return name + " " + dataType + " " + ShapeText.of(shape);
    }
}
