package io.uavstream.models.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Encoder of protocol buffers fields in call order: varints, fixed32 floats and byte strings.
 * Public so that tests can build small ONNX models byte by byte.
 */
public final class ProtoWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Writes an int32, int64 or enum field; negative values take ten bytes, as in protobuf. */
    public ProtoWriter varint(int field, long value) {
        key(field, ProtoReader.VARINT);
        writeVarint(value);
        return this;
    }

    public ProtoWriter fixedFloat(int field, float value) {
        key(field, ProtoReader.FIXED32);
        int bits = Float.floatToRawIntBits(value);
        for (int i = 0; i < 4; i++) {
            out.write((bits >>> (8 * i)) & 0xFF);
        }
        return this;
    }

    public ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    public ProtoWriter bytes(int field, byte[] value) {
        key(field, ProtoReader.LENGTH_DELIMITED);
        writeVarint(value.length);
        out.writeBytes(value);
        return this;
    }

    public ProtoWriter message(int field, ProtoWriter message) {
        return bytes(field, message.toByteArray());
    }

    /** Copies a field read by {@link ProtoReader} unchanged. */
    ProtoWriter copy(ProtoReader.Field field) {
        key(field.number(), field.wireType());
        switch (field.wireType()) {
            case ProtoReader.VARINT -> writeVarint(field.value());
            case ProtoReader.FIXED64 -> out.write(field.data(), field.offset(), 8);
            case ProtoReader.FIXED32 -> out.write(field.data(), field.offset(), 4);
            default -> {
                writeVarint(field.length());
                out.write(field.data(), field.offset(), field.length());
            }
        }
        return this;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    /** Returns {@code values} as little-endian IEEE 754 floats, the layout of ONNX raw_data. */
    public static byte[] littleEndian(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    /** Returns {@code values} as little-endian int32, the layout of ONNX raw_data. */
    public static byte[] littleEndian(int[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.asIntBuffer().put(values);
        return buffer.array();
    }

    private void key(int field, int wireType) {
        writeVarint(((long) field << 3) | wireType);
    }

    private void writeVarint(long value) {
        long remaining = value;
        while ((remaining & ~0x7FL) != 0) {
            out.write((int) ((remaining & 0x7F) | 0x80));
            remaining >>>= 7;
        }
        out.write((int) remaining);
    }
}
