package io.uavstream.simulator.render;

/** Finds the centroid of magenta pixels (red and blue well above green) in a BGR24 image, for the projection tests. */
final class MagentaCentroid {

    private MagentaCentroid() {}

    /**
     * Returns {u, v, weight}: the centroid in continuous pixel coordinates, weighted by how far
     * min(red, blue) exceeds green by more than 20 levels, which cancels the blending at the edges.
     */
    static double[] find(byte[] bgr, int width, int height) {
        return findAdded(bgr, new byte[bgr.length], width, height);
    }

    /**
     * Returns the centroid like {@link #find}, counting only the magenta that {@code bgr} has beyond
     * {@code before}: what drawing an object added to the picture.
     */
    static double[] findAdded(byte[] bgr, byte[] before, int width, int height) {
        double sumU = 0;
        double sumV = 0;
        double total = 0;
        for (int v = 0; v < height; v++) {
            for (int u = 0; u < width; u++) {
                int p = 3 * (v * width + u);
                double weight = magenta(bgr, p) - magenta(before, p);
                if (weight > 0) {
                    sumU += weight * (u + 0.5);
                    sumV += weight * (v + 0.5);
                    total += weight;
                }
            }
        }
        return new double[] {sumU / total, sumV / total, total};
    }

    private static double magenta(byte[] bgr, int p) {
        int blue = bgr[p] & 0xFF;
        int green = bgr[p + 1] & 0xFF;
        int red = bgr[p + 2] & 0xFF;
        return Math.max(0, Math.min(red, blue) - green - 20);
    }
}
