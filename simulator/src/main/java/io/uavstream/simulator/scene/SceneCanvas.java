package io.uavstream.simulator.scene;

/**
 * The mutable rasters that {@link SceneGenerator} paints: texel colours (see {@link Colors}) and
 * elevation level indices (see {@link ElevationLevels}), square and row-major, row 0 at the south
 * edge. Texel (column i, row j) covers world x in [minX + i t, minX + (i + 1) t) and y likewise,
 * with t = {@link #texelMetres}.
 */
final class SceneCanvas {

    final int size;
    final double texelMetres;
    final double min;
    final int[] colors;
    final byte[] elevation;

    SceneCanvas(int size, double texelMetres) {
        this.size = size;
        this.texelMetres = texelMetres;
        this.min = -size * texelMetres / 2;
        this.colors = new int[size * size];
        this.elevation = new byte[size * size];
    }

    /** Returns the world coordinate of the centre of texel column or row {@code index}. */
    double centre(int index) {
        return min + (index + 0.5) * texelMetres;
    }

    /** Returns the texel index covering world (x, y), or -1 outside the canvas. */
    int indexAt(double x, double y) {
        int i = (int) Math.floor((x - min) / texelMetres);
        int j = (int) Math.floor((y - min) / texelMetres);
        if (i < 0 || j < 0 || i >= size || j >= size) {
            return -1;
        }
        return j * size + i;
    }

    /** Calls {@code shader} for every texel whose centre lies inside the interleaved polygon (even-odd rule). */
    void fillPolygon(double[] polygon, TexelShader shader) {
        int n = polygon.length / 2;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            minY = Math.min(minY, polygon[2 * k + 1]);
            maxY = Math.max(maxY, polygon[2 * k + 1]);
        }
        int firstRow = Math.max(0, (int) Math.ceil((minY - min) / texelMetres - 0.5));
        int lastRow = Math.min(size - 1, (int) Math.floor((maxY - min) / texelMetres - 0.5));
        double[] crossings = new double[n];
        for (int j = firstRow; j <= lastRow; j++) {
            double y = centre(j);
            int count = 0;
            for (int a = 0, b = n - 1; a < n; b = a++) {
                double ya = polygon[2 * a + 1];
                double yb = polygon[2 * b + 1];
                if ((ya > y) != (yb > y)) {
                    double xa = polygon[2 * a];
                    double xb = polygon[2 * b];
                    crossings[count++] = xa + (y - ya) * (xb - xa) / (yb - ya);
                }
            }
            java.util.Arrays.sort(crossings, 0, count);
            for (int c = 0; c + 1 < count; c += 2) {
                fillSpan(j, y, crossings[c], crossings[c + 1], shader);
            }
        }
    }

    /** Calls {@code shader} for every texel whose centre lies within {@code radius} of (cx, cy). */
    void fillCircle(double cx, double cy, double radius, TexelShader shader) {
        int firstRow = Math.max(0, (int) Math.ceil((cy - radius - min) / texelMetres - 0.5));
        int lastRow = Math.min(size - 1, (int) Math.floor((cy + radius - min) / texelMetres - 0.5));
        for (int j = firstRow; j <= lastRow; j++) {
            double y = centre(j);
            double dy = y - cy;
            double half = radius * radius - dy * dy;
            if (half < 0) {
                continue;
            }
            half = Math.sqrt(half);
            fillSpan(j, y, cx - half, cx + half, shader);
        }
    }

    /** Calls {@code shader} for the texels within {@code halfWidth} of the segment (x0, y0)-(x1, y1), with flat ends. */
    void fillSegment(double x0, double y0, double x1, double y1, double halfWidth, TexelShader shader) {
        double length = Math.hypot(x1 - x0, y1 - y0);
        if (length == 0) {
            return;
        }
        double nx = -(y1 - y0) / length * halfWidth;
        double ny = (x1 - x0) / length * halfWidth;
        fillPolygon(new double[] {x0 + nx, y0 + ny, x1 + nx, y1 + ny, x1 - nx, y1 - ny, x0 - nx, y0 - ny}, shader);
    }

    private void fillSpan(int row, double y, double fromX, double toX, TexelShader shader) {
        int first = Math.max(0, (int) Math.ceil((fromX - min) / texelMetres - 0.5));
        int last = Math.min(size - 1, (int) Math.ceil((toX - min) / texelMetres - 0.5) - 1);
        int base = row * size;
        for (int i = first; i <= last; i++) {
            shader.shade(base + i, centre(i), y);
        }
    }
}
