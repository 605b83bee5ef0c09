package io.uavstream.odometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void cameraModelReadsIntrinsicsJson(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("intrinsics.json");
        Files.writeString(file, "{\"width\": 640, \"height\": 480, \"fx\": 457.1, \"fy\": 457.1,"
                + " \"cx\": 320, \"cy\": 240, \"k1\": -0.05, \"k2\": 0.01}");
        CameraModel camera = CameraModel.readJson(file);
        assertThat(camera).isEqualTo(new CameraModel(640, 480, 457.1, 457.1, 320, 240, -0.05, 0.01));
    }

    @Test
    void cameraModelWithoutFocalLengthIsRejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("intrinsics.json");
        Files.writeString(file, "{\"width\": 640, \"height\": 480, \"cx\": 320, \"cy\": 240}");
        assertThatThrownBy(() -> CameraModel.readJson(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no number field 'fx'");
    }

    @Test
    void telemetryRejectsHalfGpsPosition() {
        assertThatThrownBy(() -> new Telemetry(80, 10, Double.NaN, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GPS position needs both east and north");
    }
}
