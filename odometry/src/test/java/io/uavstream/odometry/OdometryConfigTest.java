package io.uavstream.odometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OdometryConfigTest {

    @Test
    void defaultsAreValid() {
        OdometryConfig config = OdometryConfig.defaults();
        assertThat(config.maxFeatures()).isEqualTo(300);
        assertThat(config.minInliers()).isLessThanOrEqualTo(config.keyframeMinTracks());
    }

    @Test
    void evenFlowWindowIsRejected() {
        assertThatThrownBy(() -> OdometryConfig.builder().flowWindowSize(20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flowWindowSize must be odd, got 20");
    }

    @Test
    void negativeThresholdIsRejected() {
        assertThatThrownBy(() -> OdometryConfig.builder().ransacThreshold(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ransacThreshold");
    }

    @Test
    void gainOutsideUnitIntervalIsRejected() {
        assertThatThrownBy(() -> OdometryConfig.builder().altitudeGain(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("altitudeGain must be in [0, 1], got 1.5");
    }

    @Test
    void keyframeTracksAboveMaxFeaturesAreRejected() {
        OdometryConfig.Builder builder = OdometryConfig.builder().maxFeatures(100).keyframeMinTracks(150);
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keyframeMinTracks (150) must not exceed maxFeatures (100)");
    }

    @Test
    void telemetryRejectsHalfGpsPosition() {
        assertThatThrownBy(() -> new Telemetry(80, 10, Double.NaN, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GPS position needs both east and north");
    }
}
