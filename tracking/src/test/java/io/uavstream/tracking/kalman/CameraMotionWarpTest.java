package io.uavstream.tracking.kalman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.uavstream.tracking.geometry.Box;
import io.uavstream.tracking.geometry.Homography;
import org.junit.jupiter.api.Test;

class CameraMotionWarpTest {

    private final BoxKalmanFilter filter = new BoxKalmanFilter(KalmanNoise.defaults());
    private final CameraMotionWarp warp = new CameraMotionWarp();
    private final double[] mean = new double[BoxKalmanFilter.STATE_SIZE];
    private final double[] covariance = new double[BoxKalmanFilter.COVARIANCE_SIZE];

    @Test
    void translationMovesCentreOnly() {
        movingTrack();
        double[] expectedMean = mean.clone();
        expectedMean[0] -= 40;
        expectedMean[1] += 5;
        double[] expectedCovariance = covariance.clone();

        boolean warped = warp.warp(Homography.translation(-40, 5), mean, covariance);

        assertThat(warped).isTrue();
        assertThat(mean).containsExactly(expectedMean);
        assertThat(covariance).containsExactly(expectedCovariance);
    }

    @Test
    void zoomScalesSizeVelocityAndCovariance() {
        movingTrack();
        double[] before = mean.clone();
        double positionVariance = covariance[0];

        warp.warp(Homography.of(2, 0, 0, 0, 2, 0, 0, 0, 1), mean, covariance);

        assertThat(mean[0]).isEqualTo(2 * before[0]);
        assertThat(mean[2]).isEqualTo(2 * before[2]);
        assertThat(mean[4]).isEqualTo(2 * before[4]);
        assertThat(covariance[0]).isCloseTo(4 * positionVariance, within(1e-9));
    }

    @Test
    void rotationTurnsVelocityAndKeepsSize() {
        movingTrack();
        double width = mean[2];

        warp.warp(Homography.rotation(mean[0], mean[1], Math.toRadians(90), 1), mean, covariance);

        assertThat(mean[4]).isCloseTo(0, within(1e-9));
        assertThat(mean[5]).isCloseTo(30, within(1e-9));
        assertThat(mean[2]).isCloseTo(width, within(1e-9));
    }

    @Test
    void centreBeyondHorizonLeavesStateUnchanged() {
        movingTrack();
        double[] meanBefore = mean.clone();
        double[] covarianceBefore = covariance.clone();
        // w = 1 - 0.01 x, so the track centre at x = 200 lies beyond the horizon line x = 100.
        Homography perspective = Homography.of(1, 0, 0, 0, 1, 0, -0.01, 0, 1);

        boolean warped = warp.warp(perspective, mean, covariance);

        assertThat(warped).isFalse();
        assertThat(mean).containsExactly(meanBefore);
        assertThat(covariance).containsExactly(covarianceBefore);
    }

    /** Fills the state of a 40 x 60 px track at (200, 150) moving 30 px/s along x. */
    private void movingTrack() {
        filter.initiate(Box.ofCenter(200, 150, 40, 60), mean, covariance);
        mean[4] = 30;
        filter.predict(mean, covariance, 0.1);
    }
}
