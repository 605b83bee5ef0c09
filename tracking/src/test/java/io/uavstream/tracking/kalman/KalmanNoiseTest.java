package io.uavstream.tracking.kalman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KalmanNoiseTest {

    @Test
    void measurementStdAddsPartsInQuadrature() {
        KalmanNoise noise = new KalmanNoise(0.05, 0.3, 0.05, 2.0, 3.0);

        assertThat(noise.measurementStd(80)).isCloseTo(5.0, within(1e-12));
    }

    @Test
    void fourArgumentNoiseHasNoPixelPart() {
        KalmanNoise noise = new KalmanNoise(0.25, 1.0, 0.05, 2.0);

        assertThat(noise.measurementNoisePixels()).isZero();
    }

    @Test
    void negativePixelNoiseRejected() {
        assertThatThrownBy(() -> new KalmanNoise(0.05, 0.3, 0.05, 2.0, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("measurementNoisePixels must be non-negative and finite, got -1.0");
    }
}
