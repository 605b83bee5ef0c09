package io.uavstream.motion;

/**
 * One frame as the motion estimator remembers it: its grey copy and the corners found in it,
 * from which the next frame's motion is estimated. About {@code width * height} bytes of heap.
 *
 * @param frame the downscaled grey frame
 * @param corners corner positions in pixels of the grey frame, as x, y pairs
 */
public record FrameFeatures(GreyFrame frame, float[] corners) {

    public FrameFeatures {
        if (frame == null || corners == null || corners.length % 2 != 0) {
            throw new IllegalArgumentException("FrameFeatures needs a frame and an even number of corner coordinates");
        }
    }

    /** Returns the number of corners. */
    public int cornerCount() {
        return corners.length / 2;
    }
}
