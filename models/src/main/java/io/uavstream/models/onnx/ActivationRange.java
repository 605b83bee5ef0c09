package io.uavstream.models.onnx;

/**
 * The range of values that one activation tensor took over the calibration inputs.
 *
 * @param min smallest value seen
 * @param max largest value seen
 */
public record ActivationRange(float min, float max) {

    /** Returns the range widened to contain {@code other}. */
    ActivationRange union(float otherMin, float otherMax) {
        return new ActivationRange(Math.min(min, otherMin), Math.max(max, otherMax));
    }
}
