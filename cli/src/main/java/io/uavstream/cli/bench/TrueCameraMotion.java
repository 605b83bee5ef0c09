package io.uavstream.cli.bench;

import io.uavstream.evaluation.geometry.Matrix3;
import io.uavstream.evaluation.geometry.Vector3;
import io.uavstream.evaluation.odometry.Trajectory;
import io.uavstream.simulator.camera.CameraIntrinsics;
import io.uavstream.tracking.geometry.Homography;
import io.uavstream.tracking.geometry.Point;
import java.util.ArrayList;
import java.util.List;

/**
 * The true frame-to-frame homographies of a simulated flight's ground plane, in the pixels of the
 * recorded (distorted) image, from its exact camera poses and intrinsics.
 *
 * <p>Without lens distortion the map is exactly {@link GroundPlaneHomography#frameToFrame}. With
 * radial distortion (k1 or k2 not 0), pixels of two frames are related by undistort, H, distort,
 * which no homography represents exactly. Then a grid of {@value #GRID_COLUMNS} x
 * {@value #GRID_ROWS} pixels spanning the previous frame goes through that exact chain, and
 * {@link HomographyFit} fits the homography that best maps the grid, as a feature-based motion
 * estimator would. The largest residual over the grid is kept for the report.
 */
final class TrueCameraMotion {

    static final int GRID_COLUMNS = 9;
    static final int GRID_ROWS = 7;

    private final List<Homography> homographies;
    private final double maxFitResidualPixels;

    private TrueCameraMotion(List<Homography> homographies, double maxFitResidualPixels) {
        this.homographies = homographies;
        this.maxFitResidualPixels = maxFitResidualPixels;
    }

    /** Computes the homography of every pair of consecutive poses. */
    static TrueCameraMotion of(CameraIntrinsics intrinsics, Trajectory poses) {
        List<Homography> homographies = new ArrayList<>(Math.max(0, poses.size() - 1));
        double maxResidual = 0;
        Matrix3 previous = poses.size() > 0 ? GroundPlaneHomography.groundToImage(intrinsics, poses.get(0)) : null;
        for (int i = 1; i < poses.size(); i++) {
            Matrix3 current = GroundPlaneHomography.groundToImage(intrinsics, poses.get(i));
            Matrix3 undistorted = GroundPlaneHomography.frameToFrame(previous, current);
            if (intrinsics.hasDistortion()) {
                double[][] grid = distortedGrid(intrinsics, undistorted);
                Homography fitted = HomographyFit.fit(grid[0], grid[1]);
                maxResidual = Math.max(maxResidual, maxResidual(fitted, grid[0], grid[1]));
                homographies.add(fitted);
            } else {
                homographies.add(GroundPlaneHomography.toHomography(undistorted));
            }
            previous = current;
        }
        return new TrueCameraMotion(homographies, maxResidual);
    }

    /** Returns the homography from frame {@code index - 1} to frame {@code index}, both counted from 0. */
    Homography into(int index) {
        if (index < 1 || index > homographies.size()) {
            throw new IndexOutOfBoundsException("Camera motion exists into frames 1 to " + homographies.size()
                    + " (counted from 0), got " + index);
        }
        return homographies.get(index - 1);
    }

    /** Number of frames, one more than the number of homographies. */
    int frames() {
        return homographies.size() + 1;
    }

    /** Largest distance in pixels between a grid point's exact image and the fitted homography's; 0 without distortion. */
    double maxFitResidualPixels() {
        return maxFitResidualPixels;
    }

    /**
     * Mean over all frame pairs of the mean displacement in pixels of the grid points spanning a
     * {@code width} x {@code height} image: how fast the picture moves, in pixels per frame.
     */
    double meanImageMotionPixels(int width, int height) {
        if (homographies.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (Homography homography : homographies) {
            double frameSum = 0;
            for (int row = 0; row < GRID_ROWS; row++) {
                for (int column = 0; column < GRID_COLUMNS; column++) {
                    double x = width * column / (GRID_COLUMNS - 1.0);
                    double y = height * row / (GRID_ROWS - 1.0);
                    Point mapped = homography.map(x, y);
                    frameSum += Math.hypot(mapped.x() - x, mapped.y() - y);
                }
            }
            sum += frameSum / (GRID_ROWS * GRID_COLUMNS);
        }
        return sum / homographies.size();
    }

    /** Returns the grid of the previous frame's distorted pixels and their exact distorted images. */
    private static double[][] distortedGrid(CameraIntrinsics intrinsics, Matrix3 undistorted) {
        double[] source = new double[2 * GRID_ROWS * GRID_COLUMNS];
        double[] target = new double[source.length];
        double[] normalized = new double[2];
        double[] pixel = new double[2];
        int i = 0;
        for (int row = 0; row < GRID_ROWS; row++) {
            for (int column = 0; column < GRID_COLUMNS; column++) {
                double u = intrinsics.width() * column / (GRID_COLUMNS - 1.0);
                double v = intrinsics.height() * row / (GRID_ROWS - 1.0);
                intrinsics.toNormalized(u, v, normalized);
                Vector3 mapped = undistorted.times(new Vector3(
                        intrinsics.fx() * normalized[0] + intrinsics.cx(),
                        intrinsics.fy() * normalized[1] + intrinsics.cy(), 1));
                double x = (mapped.x() / mapped.z() - intrinsics.cx()) / intrinsics.fx();
                double y = (mapped.y() / mapped.z() - intrinsics.cy()) / intrinsics.fy();
                intrinsics.toPixel(x, y, pixel);
                source[i] = u;
                source[i + 1] = v;
                target[i] = pixel[0];
                target[i + 1] = pixel[1];
                i += 2;
            }
        }
        return new double[][] {source, target};
    }

    private static double maxResidual(Homography homography, double[] source, double[] target) {
        double max = 0;
        for (int i = 0; i < source.length; i += 2) {
            Point mapped = homography.map(source[i], source[i + 1]);
            max = Math.max(max, Math.hypot(mapped.x() - target[i], mapped.y() - target[i + 1]));
        }
        return max;
    }
}
