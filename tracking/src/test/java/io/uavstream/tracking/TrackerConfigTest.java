package io.uavstream.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrackerConfigTest {

    @Test
    void defaultsKeepByteTrackThresholds() {
        TrackerConfig config = TrackerConfig.defaults();

        assertThat(config.highScore()).isEqualTo(0.5);
        assertThat(config.lowScore()).isEqualTo(0.1);
        assertThat(config.newTrackScore()).isEqualTo(0.6);
        assertThat(config.matchIou()).isEqualTo(0.2);
        assertThat(config.cameraMotionCompensation()).isTrue();
    }

    @Test
    void defaultsTunedOnSimulatedFlights() {
        TrackerConfig config = TrackerConfig.defaults();

        assertThat(config.maxLostTime()).isEqualTo(Duration.ofSeconds(8));
        assertThat(config.maxTracks()).isEqualTo(1000);
        assertThat(config.perClassMatching()).isFalse();
        assertThat(config.matchMarginPixels()).isEqualTo(2);
    }

    @Test
    void matchMarginOutsideRangeRejected() {
        assertThatThrownBy(() -> TrackerConfig.builder().matchMarginPixels(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("matchMarginPixels must be in [0, 100], got -1.0");
    }

    @Test
    void toBuilderKeepsEverySetting() {
        TrackerConfig config = TrackerConfig.builder()
                .scoreThresholds(0.2, 0.6)
                .newTrackScore(0.7)
                .matchIou(0.1)
                .lowScoreMatchIou(0.4)
                .tentativeMatchIou(0.25)
                .confirmTime(Duration.ZERO)
                .maxLostTime(Duration.ofMillis(1500))
                .maxTracks(12)
                .cameraMotionCompensation(false)
                .perClassMatching(false)
                .matchMarginPixels(5)
                .build();

        assertThat(config.toBuilder().build().toString()).isEqualTo(config.toString());
    }

    @Test
    void javaSerializationKeepsSettings() throws Exception {
        TrackerConfig config = TrackerConfig.builder().maxTracks(7).perClassMatching(false).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(config);
        }

        Object copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = in.readObject();
        }

        assertThat(copy.toString()).isEqualTo(config.toString());
    }

    @Test
    void lowScoreAboveHighScoreRejected() {
        assertThatThrownBy(() -> TrackerConfig.builder().scoreThresholds(0.6, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lowScore must not exceed highScore, got lowScore 0.6 and highScore 0.5");
    }

    @Test
    void scoreOutsideUnitIntervalRejected() {
        assertThatThrownBy(() -> TrackerConfig.builder().scoreThresholds(0.1, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("highScore must be in [0, 1], got 1.5");
    }

    @Test
    void newTrackScoreBelowHighScoreRejected() {
        TrackerConfig.Builder builder = TrackerConfig.builder().scoreThresholds(0.1, 0.5).newTrackScore(0.4);

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got newTrackScore 0.4 and highScore 0.5");
    }

    @Test
    void iouThresholdOfOneRejected() {
        assertThatThrownBy(() -> TrackerConfig.builder().matchIou(1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("matchIou must be in [0, 1)");
    }

    @Test
    void zeroMaxLostTimeRejected() {
        assertThatThrownBy(() -> TrackerConfig.builder().maxLostTime(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxLostTime must be positive, got PT0S");
    }

    @Test
    void negativeConfirmTimeRejected() {
        assertThatThrownBy(() -> TrackerConfig.builder().confirmTime(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("confirmTime must be non-negative, got PT-0.001S");
    }

    @Test
    void hugeMaxLostTimeRejected() {
        assertThatThrownBy(() -> TrackerConfig.builder().maxLostTime(Duration.ofDays(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most PT24H");
    }

    @Test
    void zeroMaxTracksRejected() {
        assertThatThrownBy(() -> TrackerConfig.builder().maxTracks(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxTracks must be at least 1, got 0");
    }
}
