package io.uavstream.models.onnx;

/** Element types of ONNX tensors, by their TensorProto.DataType number. */
public enum TensorDataType {
    UNDEFINED(0, 0),
    FLOAT(1, 4),
    UINT8(2, 1),
    INT8(3, 1),
    UINT16(4, 2),
    INT16(5, 2),
    INT32(6, 4),
    INT64(7, 8),
    STRING(8, 0),
    BOOL(9, 1),
    FLOAT16(10, 2),
    DOUBLE(11, 8),
    UINT32(12, 4),
    UINT64(13, 8),
    COMPLEX64(14, 8),
    COMPLEX128(15, 16),
    BFLOAT16(16, 2);

    private final int code;
    private final int bytes;

    TensorDataType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** Returns the TensorProto.DataType number. */
    public int code() {
        return code;
    }

    /** Returns the size of one element in bytes, 0 for strings and unknown types. */
    public int bytes() {
        return bytes;
    }

    /** Returns whether this is a floating-point type. */
    public boolean isFloatingPoint() {
        return this == FLOAT || this == FLOAT16 || this == DOUBLE || this == BFLOAT16;
    }

    /** Returns whether this is an 8-bit integer type, the types of quantized tensors. */
    public boolean isEightBit() {
        return this == UINT8 || this == INT8;
    }

    /** Returns the type with number {@code code}, or {@link #UNDEFINED} for an unknown one. */
    public static TensorDataType of(long code) {
        for (TensorDataType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return UNDEFINED;
    }
}
