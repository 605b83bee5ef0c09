package io.uavstream.simulator.camera;

/**
 * Pinhole intrinsics with two-term radial (Brown) distortion.
 *
 * <p>Pixel coordinates are continuous: the top-left corner of the image is (0, 0) and the centre
 * of pixel (column i, row j) is (i + 0.5, j + 0.5), so the image spans [0, width] x [0, height]. A
 * point at normalized undistorted camera coordinates (x, y) = (X/Z, Y/Z) is distorted to
 * (x, y) * (1 + k1 r^2 + k2 r^4) with r^2 = x^2 + y^2, then mapped to the pixel (fx x_d + cx, fy y_d + cy).
 * OpenCV puts pixel centres on integers, so its principal point is (cx - 0.5, cy - 0.5).
 *
 * <p>The distortion must be monotonic (the distorted radius grows with the undistorted radius) out to
 * {@link #DISTORTION_CHECK_MARGIN} times the radius of the image corners. Beyond that radius,
 * points outside the frame are distorted along the tangent line of the polynomial, so that they
 * stay outside the frame instead of folding back into it.
 *
 * @param width image width in pixels
 * @param height image height in pixels
 * @param fx focal length in pixels along x
 * @param fy focal length in pixels along y
 * @param cx principal point x in pixels, in the continuous convention above
 * @param cy principal point y in pixels
 * @param k1 radial distortion coefficient of r^2
 * @param k2 radial distortion coefficient of r^4
 */
public record CameraIntrinsics(int width, int height, double fx, double fy, double cx, double cy, double k1, double k2) {

    /** Multiple of the image-corner radius out to which the distortion must be monotonic. */
    public static final double DISTORTION_CHECK_MARGIN = 1.5;

    public CameraIntrinsics {
        if (width < 16 || height < 16) {
            throw new IllegalArgumentException("image size must be at least 16x16 pixels, got " + width + "x" + height);
        }
        if (!(fx > 0) || !(fy > 0) || !Double.isFinite(fx) || !Double.isFinite(fy)) {
            throw new IllegalArgumentException("focal lengths must be positive and finite, got fx=" + fx + ", fy=" + fy);
        }
        if (!Double.isFinite(cx) || !Double.isFinite(cy) || !Double.isFinite(k1) || !Double.isFinite(k2)) {
            throw new IllegalArgumentException("principal point and distortion must be finite");
        }
        double limit = cornerRadius(width, height, fx, fy, cx, cy) * DISTORTION_CHECK_MARGIN;
        for (int i = 1; i <= 100; i++) {
            double r = limit * i / 100;
            double slope = 1 + 3 * k1 * r * r + 5 * k2 * r * r * r * r;
            if (slope <= 0.05) {
                throw new IllegalArgumentException("distortion k1=" + k1 + ", k2=" + k2
                        + " folds the image: the distorted radius stops growing at normalized radius " + r
                        + "; use coefficients of smaller magnitude");
            }
        }
    }

    /**
     * Returns intrinsics with square pixels, the principal point at the image centre and the focal
     * length that gives {@code horizontalFovDegrees} for an undistorted pinhole.
     */
    public static CameraIntrinsics ofHorizontalFov(int width, int height, double horizontalFovDegrees, double k1, double k2) {
        if (!(horizontalFovDegrees > 1 && horizontalFovDegrees < 170)) {
            throw new IllegalArgumentException("horizontal field of view must be between 1 and 170 degrees, got "
                    + horizontalFovDegrees);
        }
        double focal = (width / 2.0) / Math.tan(Math.toRadians(horizontalFovDegrees) / 2);
        return new CameraIntrinsics(width, height, focal, focal, width / 2.0, height / 2.0, k1, k2);
    }

    /** Returns the horizontal field of view of the undistorted pinhole, in degrees. */
    public double horizontalFovDegrees() {
        return Math.toDegrees(2 * Math.atan(width / 2.0 / fx));
    }

    /** Returns the vertical field of view of the undistorted pinhole, in degrees. */
    public double verticalFovDegrees() {
        return Math.toDegrees(2 * Math.atan(height / 2.0 / fy));
    }

    /** Returns whether any distortion coefficient is non-zero. */
    public boolean hasDistortion() {
        return k1 != 0 || k2 != 0;
    }

    /** Returns the factor by which the distortion scales a normalized point at squared radius {@code r2}. */
    public double distortionFactor(double r2) {
        double limit = distortionLimit();
        if (r2 <= limit * limit) {
            return 1 + k1 * r2 + k2 * r2 * r2;
        }
        double r = Math.sqrt(r2);
        double limit2 = limit * limit;
        double distortedAtLimit = limit * (1 + k1 * limit2 + k2 * limit2 * limit2);
        double slopeAtLimit = 1 + 3 * k1 * limit2 + 5 * k2 * limit2 * limit2;
        return (distortedAtLimit + slopeAtLimit * (r - limit)) / r;
    }

    /** Maps normalized undistorted coordinates to a pixel; writes (u, v) into {@code pixel}. */
    public void toPixel(double x, double y, double[] pixel) {
        double factor = distortionFactor(x * x + y * y);
        pixel[0] = fx * x * factor + cx;
        pixel[1] = fy * y * factor + cy;
    }

    /**
     * Maps a pixel to normalized undistorted coordinates by Newton's method on the radius; writes
     * (x, y) into {@code normalized}. Exact to about 1e-12 inside the monotonic range.
     */
    public void toNormalized(double u, double v, double[] normalized) {
        double xd = (u - cx) / fx;
        double yd = (v - cy) / fy;
        if (!hasDistortion()) {
            normalized[0] = xd;
            normalized[1] = yd;
            return;
        }
        double distortedRadius = Math.hypot(xd, yd);
        if (distortedRadius == 0) {
            normalized[0] = 0;
            normalized[1] = 0;
            return;
        }
        double r = distortedRadius;
        for (int i = 0; i < 30; i++) {
            double f = r * distortionFactor(r * r) - distortedRadius;
            double h = 1e-7 * Math.max(r, 1e-3);
            double slope = ((r + h) * distortionFactor((r + h) * (r + h)) - (r - h) * distortionFactor((r - h) * (r - h))) / (2 * h);
            double step = f / slope;
            r -= step;
            if (Math.abs(step) < 1e-13) {
                break;
            }
        }
        double scale = r / distortedRadius;
        normalized[0] = xd * scale;
        normalized[1] = yd * scale;
    }

    private double distortionLimit() {
        return cornerRadius(width, height, fx, fy, cx, cy) * DISTORTION_CHECK_MARGIN;
    }

    /** Returns the largest normalized radius of the four image corners, ignoring distortion. */
    private static double cornerRadius(int width, int height, double fx, double fy, double cx, double cy) {
        double dx = Math.max(cx, width - cx) / fx;
        double dy = Math.max(cy, height - cy) / fy;
        return Math.hypot(dx, dy);
    }
}
