package io.uavstream.tracking.kalman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.uavstream.tracking.geometry.Box;
import org.junit.jupiter.api.Test;

class BoxKalmanFilterTest {

    private final BoxKalmanFilter filter = new BoxKalmanFilter(KalmanNoise.defaults());
    private final double[] mean = new double[BoxKalmanFilter.STATE_SIZE];
    private final double[] covariance = new double[BoxKalmanFilter.COVARIANCE_SIZE];

    @Test
    void initiateCentresMeanOnBox() {
        filter.initiate(new Box(10, 20, 50, 100), mean, covariance);

        assertThat(mean).containsExactly(30, 60, 40, 80, 0, 0, 0, 0);
    }

    @Test
    void predictMovesByVelocityTimesStep() {
        filter.initiate(Box.ofCenter(100, 100, 40, 40), mean, covariance);
        mean[4] = 120;
        mean[5] = -60;

        filter.predict(mean, covariance, 0.5);

        assertThat(mean[0]).isEqualTo(160);
        assertThat(mean[1]).isEqualTo(70);
    }

    @Test
    void twoHalfStepsEqualOneFullStep() {
        double[] halfStepsMean = new double[BoxKalmanFilter.STATE_SIZE];
        double[] halfStepsCovariance = new double[BoxKalmanFilter.COVARIANCE_SIZE];
        filter.initiate(Box.ofCenter(100, 100, 40, 60), mean, covariance);
        filter.initiate(Box.ofCenter(100, 100, 40, 60), halfStepsMean, halfStepsCovariance);
        mean[4] = 50;
        halfStepsMean[4] = 50;

        filter.predict(mean, covariance, 0.4);
        filter.predict(halfStepsMean, halfStepsCovariance, 0.2);
        filter.predict(halfStepsMean, halfStepsCovariance, 0.2);

        for (int i = 0; i < BoxKalmanFilter.STATE_SIZE; i++) {
            assertThat(halfStepsMean[i]).as("mean %d", i).isCloseTo(mean[i], within(1e-9));
        }
        for (int i = 0; i < BoxKalmanFilter.COVARIANCE_SIZE; i++) {
            assertThat(halfStepsCovariance[i]).as("covariance %d", i).isCloseTo(covariance[i], within(1e-9));
        }
    }

    @Test
    void longerStepGivesLargerVariance() {
        double[] shortMean = new double[BoxKalmanFilter.STATE_SIZE];
        double[] shortCovariance = new double[BoxKalmanFilter.COVARIANCE_SIZE];
        filter.initiate(Box.ofCenter(100, 100, 40, 40), mean, covariance);
        filter.initiate(Box.ofCenter(100, 100, 40, 40), shortMean, shortCovariance);

        filter.predict(mean, covariance, 1.0);
        filter.predict(shortMean, shortCovariance, 1.0 / 30);

        assertThat(covariance[0]).isGreaterThan(shortCovariance[0]);
    }

    @Test
    void velocityLearnedInPixelsPerSecondAt30Fps() {
        assertThat(learnVelocity(1.0 / 30)).isCloseTo(120, within(3.0));
    }

    @Test
    void velocityLearnedInPixelsPerSecondAt10Fps() {
        assertThat(learnVelocity(0.1)).isCloseTo(120, within(3.0));
    }

    @Test
    void updateShrinksPositionVariance() {
        filter.initiate(Box.ofCenter(100, 100, 40, 40), mean, covariance);
        filter.predict(mean, covariance, 0.1);
        double predictedVariance = covariance[0];

        filter.update(mean, covariance, Box.ofCenter(102, 100, 40, 40));

        assertThat(covariance[0]).isLessThan(predictedVariance);
        assertThat(mean[0]).isBetween(100.0, 102.0);
    }

    @Test
    void pixelNoiseFloorsSmallBoxVariance() {
        BoxKalmanFilter relativeOnly = new BoxKalmanFilter(new KalmanNoise(0.05, 0.3, 0.05, 2.0));
        BoxKalmanFilter withPixels = new BoxKalmanFilter(new KalmanNoise(0.05, 0.3, 0.05, 2.0, 3.0));
        double[] otherCovariance = new double[BoxKalmanFilter.COVARIANCE_SIZE];

        relativeOnly.initiate(Box.ofCenter(100, 100, 4, 4), mean, covariance);
        withPixels.initiate(Box.ofCenter(100, 100, 4, 4), mean, otherCovariance);

        assertThat(covariance[0]).isCloseTo(0.04, within(1e-12));
        assertThat(otherCovariance[0]).isCloseTo(9.04, within(1e-12));
    }

    @Test
    void covarianceStaysExactlySymmetric() {
        filter.initiate(Box.ofCenter(100, 100, 40, 70), mean, covariance);
        for (int step = 1; step <= 20; step++) {
            filter.predict(mean, covariance, 0.037 * step % 0.1);
            filter.update(mean, covariance, Box.ofCenter(100 + 3.3 * step, 100 - 1.7 * step, 40 + step % 3, 70));
        }

        for (int row = 0; row < BoxKalmanFilter.STATE_SIZE; row++) {
            for (int column = 0; column < row; column++) {
                assertThat(covariance[row * 8 + column]).as("entry (%d, %d)", row, column)
                        .isEqualTo(covariance[column * 8 + row]);
            }
        }
    }

    @Test
    void boxClampsSizeToMinimum() {
        double[] shrunk = {50, 50, -4, 0.2, 0, 0, 0, 0};

        Box box = BoxKalmanFilter.box(shrunk);

        assertThat(box.width()).isEqualTo(BoxKalmanFilter.MIN_SIZE);
        assertThat(box.height()).isEqualTo(BoxKalmanFilter.MIN_SIZE);
    }

    @Test
    void negativeTimeStepRejected() {
        filter.initiate(Box.ofCenter(100, 100, 40, 40), mean, covariance);

        assertThatThrownBy(() -> filter.predict(mean, covariance, -0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-0.1 s");
    }

    /** Tracks a box moving 120 px/s along x for 2 s at the given frame interval and returns its x rate. */
    private double learnVelocity(double frameSeconds) {
        filter.initiate(Box.ofCenter(100, 100, 40, 40), mean, covariance);
        int frames = (int) Math.round(2 / frameSeconds);
        for (int frame = 1; frame <= frames; frame++) {
            filter.predict(mean, covariance, frameSeconds);
            filter.update(mean, covariance, Box.ofCenter(100 + 120 * frame * frameSeconds, 100, 40, 40));
        }
        return mean[4];
    }
}
