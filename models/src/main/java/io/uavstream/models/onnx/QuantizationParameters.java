package io.uavstream.models.onnx;

/**
 * Affine quantization of one activation tensor: real = scale x (quantized - zeroPoint), with
 * 8-bit quantized values.
 *
 * @param scale step between two quantized values
 * @param zeroPoint quantized value of real 0, in the range of {@code type}
 * @param type UINT8 or INT8
 */
record QuantizationParameters(float scale, int zeroPoint, TensorDataType type) {

    /**
     * Returns parameters that cover {@code range} widened to contain 0, so that 0 (padding, ReLU
     * outputs) is exact. A range of only 0 gets scale 1.
     */
    static QuantizationParameters of(ActivationRange range, TensorDataType type) {
        float min = Math.min(0f, range.min());
        float max = Math.max(0f, range.max());
        float scale = (max - min) / 255f;
        if (!(scale > 0f) || !Float.isFinite(scale)) {
            scale = 1f;
        }
        int low = type == TensorDataType.UINT8 ? 0 : -128;
        int zeroPoint = Math.round(low - min / scale);
        zeroPoint = Math.max(low, Math.min(low + 255, zeroPoint));
        return new QuantizationParameters(scale, zeroPoint, type);
    }

    /** Returns the zero point as the one byte of an ONNX raw_data field. */
    byte zeroPointByte() {
        return (byte) zeroPoint;
    }
}
