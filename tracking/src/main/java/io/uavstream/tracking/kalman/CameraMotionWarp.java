package io.uavstream.tracking.kalman;

import io.uavstream.tracking.geometry.Homography;
import io.uavstream.tracking.geometry.Point;
import java.util.Arrays;

/**
 * Camera-motion compensation of a {@link BoxKalmanFilter} state: moves a prediction made in the
 * previous frame's pixel coordinates into the current frame's, given the homography between the
 * two frames.
 *
 * <p>As in BoT-SORT, the mean and covariance go through a linear map T: the centre goes through
 * the homography itself, while velocities and the covariance go through T = diag(J, S, J, S).
 * Here J is the homography's 2x2 Jacobian at the box centre, and S = diag(sx, sy) scales width
 * and height by the lengths of J's columns. BoT-SORT instead applies the linear part of one
 * global 2x3 affine map to every pair of components, width and height included. Those lengths are the local zoom along x and y and ignore rotation, so repeated warps
 * of a lost track do not inflate its box. The covariance becomes T P T^T.
 *
 * <p>Instances keep scratch arrays and are not thread-safe.
 */
public final class CameraMotionWarp {

    private static final int N = BoxKalmanFilter.STATE_SIZE;

    private final double[] transform = new double[N * N];
    private final double[] product = new double[N * N];
    private final double[] transformTransposed = new double[N * N];

    /**
     * Warps the state in place, or leaves it unchanged and returns {@code false} when the
     * homography cannot map the box centre (it lies on or beyond the horizon line) or the result
     * is not finite.
     */
    public boolean warp(Homography homography, double[] mean, double[] covariance) {
        double centerX = mean[0];
        double centerY = mean[1];
        if (!homography.canMap(centerX, centerY)) {
            return false;
        }
        Point center = homography.map(centerX, centerY);
        double[] jacobian = homography.jacobian(centerX, centerY);
        double scaleX = Math.hypot(jacobian[0], jacobian[2]);
        double scaleY = Math.hypot(jacobian[1], jacobian[3]);
        if (!Double.isFinite(center.x()) || !Double.isFinite(center.y())
                || !(scaleX > 0) || !(scaleY > 0) || Double.isInfinite(scaleX) || Double.isInfinite(scaleY)) {
            return false;
        }

        fillTransform(jacobian, scaleX, scaleY);
        double velocityX = mean[4];
        double velocityY = mean[5];
        mean[0] = center.x();
        mean[1] = center.y();
        mean[2] *= scaleX;
        mean[3] *= scaleY;
        mean[4] = jacobian[0] * velocityX + jacobian[1] * velocityY;
        mean[5] = jacobian[2] * velocityX + jacobian[3] * velocityY;
        mean[6] *= scaleX;
        mean[7] *= scaleY;

        Matrices.multiply(transform, covariance, N, N, N, product);
        Matrices.transpose(transform, N, N, transformTransposed);
        Matrices.multiply(product, transformTransposed, N, N, N, covariance);
        Matrices.mirrorUpperTriangle(covariance, N);
        return true;
    }

    /** Fills T = diag(J, S, J, S) with 2x2 blocks on the diagonal. */
    private void fillTransform(double[] jacobian, double scaleX, double scaleY) {
        Arrays.fill(transform, 0);
        for (int block = 0; block < N; block += 4) {
            transform[block * N + block] = jacobian[0];
            transform[block * N + block + 1] = jacobian[1];
            transform[(block + 1) * N + block] = jacobian[2];
            transform[(block + 1) * N + block + 1] = jacobian[3];
            transform[(block + 2) * N + block + 2] = scaleX;
            transform[(block + 3) * N + block + 3] = scaleY;
        }
    }
}
