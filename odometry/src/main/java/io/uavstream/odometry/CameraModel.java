package io.uavstream.odometry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uavstream.analytics.geo.CameraIntrinsics;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * Pinhole camera with two radial distortion terms, in pixels of the decoded frame. Pixel
 * coordinates are continuous: the top-left corner of the image is (0, 0) and the centre of the
 * pixel in column i, row j is (i + 0.5, j + 0.5). A point at normalized undistorted coordinates
 * (x, y) is distorted to (x, y) * (1 + k1 r^2 + k2 r^4) with r^2 = x^2 + y^2, which is OpenCV's
 * model with the tangential and higher terms zero.
 *
 * @param width decoded frame width in pixels
 * @param height decoded frame height in pixels
 * @param fx focal length along x in pixels
 * @param fy focal length along y in pixels
 * @param cx principal point x in pixels
 * @param cy principal point y in pixels
 * @param k1 second-order radial distortion
 * @param k2 fourth-order radial distortion
 */
public record CameraModel(int width, int height, double fx, double fy, double cx, double cy, double k1, double k2)
        implements Serializable {

    private static final int UNDISTORT_ITERATIONS = 8;

    public CameraModel {
        if (width < 16 || height < 16) {
            throw new IllegalArgumentException("Camera frame must be at least 16x16 pixels, got " + width + "x" + height);
        }
        if (!(fx > 0) || !(fy > 0) || !Double.isFinite(fx) || !Double.isFinite(fy)) {
            throw new IllegalArgumentException("Focal lengths must be positive and finite, got fx=" + fx + ", fy=" + fy);
        }
        if (!Double.isFinite(cx) || !Double.isFinite(cy) || !Double.isFinite(k1) || !Double.isFinite(k2)) {
            throw new IllegalArgumentException("Principal point and distortion must be finite, got cx=" + cx
                    + ", cy=" + cy + ", k1=" + k1 + ", k2=" + k2);
        }
    }

    /** Returns a camera without lens distortion. */
    public static CameraModel pinhole(int width, int height, double fx, double fy, double cx, double cy) {
        return new CameraModel(width, height, fx, fy, cx, cy, 0, 0);
    }

    /**
     * Reads a camera model from JSON with the fields {@code width}, {@code height}, {@code fx},
     * {@code fy}, {@code cx}, {@code cy} (pixels, continuous convention) and optional {@code k1},
     * {@code k2}, as in the simulator's {@code intrinsics.json}.
     *
     * @throws IllegalArgumentException if a required field is missing or a value is invalid
     */
    public static CameraModel readJson(Path file) throws IOException {
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        for (String field : new String[] {"width", "height", "fx", "fy", "cx", "cy"}) {
            if (!json.path(field).isNumber()) {
                throw new IllegalArgumentException("Camera model " + file + " has no number field '" + field
                        + "'; expected width, height, fx, fy, cx, cy and optionally k1, k2");
            }
        }
        return new CameraModel(json.path("width").asInt(), json.path("height").asInt(), json.path("fx").asDouble(),
                json.path("fy").asDouble(), json.path("cx").asDouble(), json.path("cy").asDouble(),
                json.path("k1").asDouble(0), json.path("k2").asDouble(0));
    }

    /** Returns the undistorted pinhole part, for {@code GroundProjection}. */
    public CameraIntrinsics intrinsics() {
        return new CameraIntrinsics(fx, fy, cx, cy);
    }

    /**
     * Converts a pixel of the decoded frame to normalized undistorted coordinates, inverting the
     * radial distortion by fixed-point iteration, which converges for the moderate distortion of
     * drone cameras (|k1| below about 0.3).
     *
     * @param out receives x, y at {@code offset}
     */
    public void normalize(double u, double v, double[] out, int offset) {
        double xd = (u - cx) / fx;
        double yd = (v - cy) / fy;
        double x = xd;
        double y = yd;
        if (k1 != 0 || k2 != 0) {
            for (int i = 0; i < UNDISTORT_ITERATIONS; i++) {
                double r2 = x * x + y * y;
                double factor = 1 + k1 * r2 + k2 * r2 * r2;
                x = xd / factor;
                y = yd / factor;
            }
        }
        out[offset] = x;
        out[offset + 1] = y;
    }

    /** Returns the mean of the focal lengths, which converts pixel thresholds to normalized ones. */
    public double meanFocalLength() {
        return (fx + fy) / 2;
    }
}
