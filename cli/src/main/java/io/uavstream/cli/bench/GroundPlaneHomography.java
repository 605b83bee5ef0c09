package io.uavstream.cli.bench;

import io.uavstream.evaluation.geometry.Matrix3;
import io.uavstream.evaluation.geometry.Vector3;
import io.uavstream.evaluation.odometry.Pose;
import io.uavstream.simulator.camera.CameraIntrinsics;
import io.uavstream.tracking.geometry.Homography;

/**
 * Homographies of the ground plane z = 0 seen by a posed pinhole camera, from exact poses.
 *
 * <p>With the world-to-camera rotation R = R_wc^T and translation t = -R p, where R_wc and p are
 * the camera-to-world rotation and the camera position of a TUM pose, a ground point (x, y, 0)
 * lies at R (x, y, 0)^T + t = [r1 r2 t] (x, y, 1)^T in camera coordinates. Its undistorted pixel
 * is therefore G (x, y, 1)^T with G = K [r1 r2 t], where r1 and r2 are the first two columns of
 * R and K the pinhole matrix in the continuous pixel convention (u = fx x + cx). Two frames see
 * the same ground point at G_k X and G_{k-1} X, so the frame-to-frame map is
 * H_k = G_k G_{k-1}^-1.
 *
 * <p>Everything here ignores lens distortion; {@link TrueCameraMotion} handles it.
 */
final class GroundPlaneHomography {

    private GroundPlaneHomography() {
    }

    /** Returns G = K [r1 r2 t], from ground-plane metres (x, y, 1) to undistorted pixels. */
    static Matrix3 groundToImage(CameraIntrinsics intrinsics, Pose cameraToWorld) {
        Matrix3 worldToCamera = cameraToWorld.orientation().toRotationMatrix().transpose();
        Vector3 translation = worldToCamera.times(cameraToWorld.position()).times(-1);
        Matrix3 extrinsic = Matrix3.ofColumns(worldToCamera.column(0), worldToCamera.column(1), translation);
        Matrix3 pinhole = new Matrix3(
                intrinsics.fx(), 0, intrinsics.cx(),
                0, intrinsics.fy(), intrinsics.cy(),
                0, 0, 1);
        return pinhole.times(extrinsic);
    }

    /** Returns H = G_current G_previous^-1, from undistorted pixels of the previous frame to the current one's. */
    static Matrix3 frameToFrame(Matrix3 previousGroundToImage, Matrix3 currentGroundToImage) {
        return currentGroundToImage.times(inverse(previousGroundToImage));
    }

    /** Converts a 3x3 matrix to the tracker's homography type, which scales it to h33 = 1. */
    static Homography toHomography(Matrix3 matrix) {
        double[] entries = new double[9];
        for (int i = 0; i < 9; i++) {
            entries[i] = matrix.get(i / 3, i % 3);
        }
        return Homography.of(entries);
    }

    /**
     * Returns the inverse by the adjugate: its rows are the cross products of the columns, divided
     * by the determinant.
     *
     * @throws IllegalArgumentException if the matrix is singular, which for G means the camera
     *     centre lies on the ground plane
     */
    static Matrix3 inverse(Matrix3 matrix) {
        double determinant = matrix.determinant();
        if (!(Math.abs(determinant) > 0) || !Double.isFinite(determinant)) {
            throw new IllegalArgumentException("Matrix is singular (determinant " + determinant + "): " + matrix);
        }
        Vector3 row0 = matrix.column(1).cross(matrix.column(2));
        Vector3 row1 = matrix.column(2).cross(matrix.column(0));
        Vector3 row2 = matrix.column(0).cross(matrix.column(1));
        return Matrix3.ofColumns(row0, row1, row2).transpose().times(1 / determinant);
    }
}
