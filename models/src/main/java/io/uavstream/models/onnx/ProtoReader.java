package io.uavstream.models.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one protocol buffers message into its fields, without a schema: each field keeps its
 * number, wire type and either its varint value or the position of its bytes in the buffer. The
 * wire format is that of the protobuf encoding guide: a varint key (field number shifted left by
 * three, or the wire type), then a varint, 8 bytes, a varint length and that many bytes, or 4
 * bytes. Groups (wire types 3 and 4) are rejected because ONNX does not use them.
 */
final class ProtoReader {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    /**
     * One field of a message.
     *
     * @param number field number
     * @param wireType wire type (0, 1, 2 or 5)
     * @param value the varint or fixed value; for length-delimited fields the length
     * @param data the whole buffer
     * @param offset where the payload of a length-delimited field starts in {@code data}
     */
    record Field(int number, int wireType, long value, byte[] data, int offset) {

        int length() {
            return (int) value;
        }

        byte[] bytes() {
            byte[] copy = new byte[length()];
            System.arraycopy(data, offset, copy, 0, length());
            return copy;
        }

        String string() {
            return new String(data, offset, length(), StandardCharsets.UTF_8);
        }

        List<Field> message() {
            return parse(data, offset, length());
        }

        float fixedFloat() {
            return Float.intBitsToFloat((int) value);
        }

        /** Returns the int64 values of a packed (length-delimited) or single varint field. */
        List<Long> varints() {
            List<Long> values = new ArrayList<>();
            if (wireType == VARINT) {
                values.add(value);
                return values;
            }
            int[] position = {offset};
            int end = offset + length();
            while (position[0] < end) {
                values.add(readVarint(data, position, end));
            }
            return values;
        }

        /** Returns the floats of a packed float field or the value of a single fixed32 one. */
        float[] floats() {
            if (wireType == FIXED32) {
                return new float[] {fixedFloat()};
            }
            float[] values = new float[length() / Float.BYTES];
            ByteBuffer.wrap(data, offset, length()).order(ByteOrder.LITTLE_ENDIAN)
                    .asFloatBuffer().get(values);
            return values;
        }
    }

    private ProtoReader() {}

    /**
     * Parses the message in {@code data[offset, offset + length)}.
     *
     * @throws MalformedModelException if a key, varint or length runs past the message
     */
    static List<Field> parse(byte[] data, int offset, int length) {
        List<Field> fields = new ArrayList<>();
        int end = offset + length;
        int[] position = {offset};
        while (position[0] < end) {
            long key = readVarint(data, position, end);
            int number = (int) (key >>> 3);
            int wireType = (int) (key & 7);
            switch (wireType) {
                case VARINT -> fields.add(new Field(number, wireType,
                        readVarint(data, position, end), data, position[0]));
                case FIXED64 -> {
                    require(position[0] + 8 <= end, "fixed64 field " + number, position[0]);
                    long bits = ByteBuffer.wrap(data, position[0], 8)
                            .order(ByteOrder.LITTLE_ENDIAN).getLong();
                    fields.add(new Field(number, wireType, bits, data, position[0]));
                    position[0] += 8;
                }
                case LENGTH_DELIMITED -> {
                    long size = readVarint(data, position, end);
                    require(size >= 0 && position[0] + size <= end,
                            "length-delimited field " + number, position[0]);
                    fields.add(new Field(number, wireType, size, data, position[0]));
                    position[0] += (int) size;
                }
                case FIXED32 -> {
                    require(position[0] + 4 <= end, "fixed32 field " + number, position[0]);
                    int bits = ByteBuffer.wrap(data, position[0], 4)
                            .order(ByteOrder.LITTLE_ENDIAN).getInt();
                    fields.add(new Field(number, wireType, bits & 0xFFFFFFFFL, data,
                            position[0]));
                    position[0] += 4;
                }
                default -> throw new MalformedModelException("Unsupported protobuf wire type "
                        + wireType + " for field " + number + " at byte " + position[0]);
            }
        }
        return fields;
    }

    static List<Field> parse(byte[] data) {
        return parse(data, 0, data.length);
    }

    private static long readVarint(byte[] data, int[] position, int end) {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            require(position[0] < end, "varint", position[0]);
            byte b = data[position[0]++];
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new MalformedModelException("Varint longer than 10 bytes at byte " + position[0]);
    }

    private static void require(boolean condition, String what, int position) {
        if (!condition) {
            throw new MalformedModelException("Truncated " + what + " at byte " + position);
        }
    }
}
