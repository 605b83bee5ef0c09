package io.uavstream.simulator.render;

/**
 * A cheap camera motion blur: every pixel becomes the mean of up to {@link #MAX_TAPS} samples
 * spread evenly along the image motion during the exposure, centred on the pixel.
 *
 * <p>NOTE: the blur vector is one for the whole frame (the motion of the image centre), so it
 * ignores the different image speeds of near and far ground in oblique views and rotation about the
 * optical axis, and moving objects get no blur of their own.
 */
final class MotionBlur {

    /** Motion shorter than this, in pixels, leaves the frame unchanged. */
    static final double MIN_PIXELS = 0.75;
    static final int MAX_TAPS = 9;

    private int[] scratch = new int[0];

    /** Blurs {@code rgb} (packed 0xRRGGBB, row-major) along (dx, dy) pixels. */
    void apply(int[] rgb, int width, int height, double dx, double dy) {
        double length = Math.hypot(dx, dy);
        if (!(length >= MIN_PIXELS)) {
            return;
        }
        int taps = Math.min(MAX_TAPS, (int) Math.ceil(length) + 1);
        int[] offsetX = new int[taps];
        int[] offsetY = new int[taps];
        for (int k = 0; k < taps; k++) {
            double t = (double) k / (taps - 1) - 0.5;
            offsetX[k] = (int) Math.round(t * dx);
            offsetY[k] = (int) Math.round(t * dy);
        }
        if (scratch.length != rgb.length) {
            scratch = new int[rgb.length];
        }
        System.arraycopy(rgb, 0, scratch, 0, rgb.length);
        int reciprocal = (1 << 16) / taps;
        for (int v = 0; v < height; v++) {
            for (int u = 0; u < width; u++) {
                int red = 0;
                int green = 0;
                int blue = 0;
                for (int k = 0; k < taps; k++) {
                    int x = Math.max(0, Math.min(width - 1, u + offsetX[k]));
                    int y = Math.max(0, Math.min(height - 1, v + offsetY[k]));
                    int c = scratch[y * width + x];
                    red += (c >>> 16) & 0xFF;
                    green += (c >>> 8) & 0xFF;
                    blue += c & 0xFF;
                }
                rgb[v * width + u] = ((red * reciprocal) >>> 16) << 16 | ((green * reciprocal) >>> 16) << 8
                        | ((blue * reciprocal) >>> 16);
            }
        }
    }
}
