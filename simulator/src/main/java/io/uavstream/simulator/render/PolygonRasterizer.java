package io.uavstream.simulator.render;

/**
 * Fills convex or concave image-space polygons by scanlines through pixel centres. A pixel is
 * inside when its centre (u + 0.5, v + 0.5) is. Spans are half-open on the right, so two polygons
 * that share an edge do not both claim its pixels.
 */
final class PolygonRasterizer {

    /** Receives the pixels of a fill. */
    @FunctionalInterface
    interface PixelSink {
        void pixel(int index);
    }

    private final int width;
    private final int height;
    private final double[] crossings = new double[16];

    PolygonRasterizer(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** Fills the polygon of the first {@code count} points (us[k], vs[k]). */
    void fill(double[] us, double[] vs, int count, PixelSink sink) {
        double minV = Double.POSITIVE_INFINITY;
        double maxV = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            minV = Math.min(minV, vs[k]);
            maxV = Math.max(maxV, vs[k]);
        }
        int firstRow = Math.max(0, (int) Math.ceil(minV - 0.5));
        int lastRow = Math.min(height - 1, (int) Math.floor(maxV - 0.5));
        for (int row = firstRow; row <= lastRow; row++) {
            double y = row + 0.5;
            int found = 0;
            for (int a = 0, b = count - 1; a < count; b = a++) {
                if ((vs[a] > y) != (vs[b] > y)) {
                    crossings[found++] = us[a] + (y - vs[a]) * (us[b] - us[a]) / (vs[b] - vs[a]);
                }
            }
            java.util.Arrays.sort(crossings, 0, found);
            for (int c = 0; c + 1 < found; c += 2) {
                int first = Math.max(0, (int) Math.ceil(crossings[c] - 0.5));
                int last = Math.min(width - 1, (int) Math.ceil(crossings[c + 1] - 0.5) - 1);
                int base = row * width;
                for (int column = first; column <= last; column++) {
                    sink.pixel(base + column);
                }
            }
        }
    }
}
