package io.uavstream.simulator.render;

import io.uavstream.simulator.camera.CameraIntrinsics;

/**
 * Normalized undistorted camera coordinates (x, y) of every pixel centre, computed once per
 * intrinsics. Without distortion, x depends only on the column and y only on the row, so the table
 * keeps one value per column and per row. With distortion it keeps both per pixel.
 */
final class RayTable {

    private final int width;
    private final boolean separable;
    private final float[] xs;
    private final float[] ys;

    RayTable(CameraIntrinsics intrinsics) {
        this.width = intrinsics.width();
        int height = intrinsics.height();
        this.separable = !intrinsics.hasDistortion();
        double[] normalized = new double[2];
        if (separable) {
            xs = new float[width];
            ys = new float[height];
            for (int u = 0; u < width; u++) {
                intrinsics.toNormalized(u + 0.5, intrinsics.cy(), normalized);
                xs[u] = (float) normalized[0];
            }
            for (int v = 0; v < height; v++) {
                intrinsics.toNormalized(intrinsics.cx(), v + 0.5, normalized);
                ys[v] = (float) normalized[1];
            }
        } else {
            xs = new float[width * height];
            ys = new float[width * height];
            for (int v = 0; v < height; v++) {
                for (int u = 0; u < width; u++) {
                    intrinsics.toNormalized(u + 0.5, v + 0.5, normalized);
                    xs[v * width + u] = (float) normalized[0];
                    ys[v * width + u] = (float) normalized[1];
                }
            }
        }
    }

    /** Returns the normalized x of the centre of pixel (u, v). */
    float x(int u, int v) {
        return separable ? xs[u] : xs[v * width + u];
    }

    /** Returns the normalized y of the centre of pixel (u, v). */
    float y(int u, int v) {
        return separable ? ys[v] : ys[v * width + u];
    }

    /** Copies the normalized coordinates of row {@code v} into {@code rowX} and {@code rowY}. */
    void row(int v, float[] rowX, float[] rowY) {
        if (separable) {
            System.arraycopy(xs, 0, rowX, 0, width);
            java.util.Arrays.fill(rowY, 0, width, ys[v]);
        } else {
            System.arraycopy(xs, v * width, rowX, 0, width);
            System.arraycopy(ys, v * width, rowY, 0, width);
        }
    }
}
