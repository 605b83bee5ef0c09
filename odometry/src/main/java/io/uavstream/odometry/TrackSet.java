package io.uavstream.odometry;

import java.util.Arrays;

/**
 * The features tracked since the current keyframe, as parallel arrays: the position in the last
 * processed frame (OpenCV pixels of the processed frame), the normalized undistorted position in
 * the keyframe, and the feature's point on the ground plane z = 0 in world units (NaN while the
 * ground plane is not known yet).
 */
final class TrackSet {

    float[] pixels;
    double[] keyframeNormalized;
    double[] ground;
    int size;

    TrackSet(int capacity) {
        pixels = new float[2 * capacity];
        keyframeNormalized = new double[2 * capacity];
        ground = new double[2 * capacity];
    }

    static TrackSet of(float[] pixels, double[] keyframeNormalized, double[] ground, int size) {
        TrackSet set = new TrackSet(size);
        System.arraycopy(pixels, 0, set.pixels, 0, 2 * size);
        System.arraycopy(keyframeNormalized, 0, set.keyframeNormalized, 0, 2 * size);
        System.arraycopy(ground, 0, set.ground, 0, 2 * size);
        set.size = size;
        return set;
    }

    void add(float x, float y, double kx, double ky, double gx, double gy) {
        if (2 * size == pixels.length) {
            int capacity = Math.max(16, 2 * pixels.length);
            pixels = Arrays.copyOf(pixels, capacity);
            keyframeNormalized = Arrays.copyOf(keyframeNormalized, capacity);
            ground = Arrays.copyOf(ground, capacity);
        }
        pixels[2 * size] = x;
        pixels[2 * size + 1] = y;
        keyframeNormalized[2 * size] = kx;
        keyframeNormalized[2 * size + 1] = ky;
        ground[2 * size] = gx;
        ground[2 * size + 1] = gy;
        size++;
    }

    /** Keeps the features whose {@code keep} entry is set, in order. */
    void retain(boolean[] keep) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (keep[i]) {
                copy(i, kept);
                kept++;
            }
        }
        size = kept;
    }

    void clear() {
        size = 0;
    }

    boolean hasGround(int i) {
        return !Double.isNaN(ground[2 * i]);
    }

    private void copy(int from, int to) {
        pixels[2 * to] = pixels[2 * from];
        pixels[2 * to + 1] = pixels[2 * from + 1];
        keyframeNormalized[2 * to] = keyframeNormalized[2 * from];
        keyframeNormalized[2 * to + 1] = keyframeNormalized[2 * from + 1];
        ground[2 * to] = ground[2 * from];
        ground[2 * to + 1] = ground[2 * from + 1];
    }
}
