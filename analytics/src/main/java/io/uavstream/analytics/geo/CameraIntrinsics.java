package io.uavstream.analytics.geo;

import java.io.Serializable;

/**
 * Pinhole intrinsics without lens distortion: focal lengths {@code fx}, {@code fy} and principal
 * point ({@code cx}, {@code cy}), all in pixels. Pass undistorted pixel coordinates.
 */
public record CameraIntrinsics(double fx, double fy, double cx, double cy) implements Serializable {

    public CameraIntrinsics {
        if (!(fx > 0) || !(fy > 0) || !Double.isFinite(fx) || !Double.isFinite(fy)) {
            throw new IllegalArgumentException("Focal lengths must be positive and finite, got fx=" + fx + ", fy=" + fy);
        }
        if (!Double.isFinite(cx) || !Double.isFinite(cy)) {
            throw new IllegalArgumentException("Principal point must be finite, got (" + cx + ", " + cy + ")");
        }
    }
}
