package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AnalysisConfigTest {

    @Test
    void defaultsApply() {
        AnalysisConfig config = AnalysisConfig.builder().modelPath("/models/yolox.json").build();

        assertThat(config.intraOpThreads()).isEqualTo(1);
        assertThat(config.maxAnalysedFps()).isZero();
        assertThat(config.liveMode()).isFalse();
        assertThat(config.maxFrameWidth()).isEqualTo(7680);
        assertThat(config.maxFrameHeight()).isEqualTo(4320);
        assertThat(config.maxFrameAge()).isEqualTo(AnalysisConfig.DEFAULT_MAX_FRAME_AGE);
        assertThat(config.decoderIdleTimeout()).isEqualTo(AnalysisConfig.DEFAULT_DECODER_IDLE_TIMEOUT);
        assertThat(config.artefactCheck()).isTrue();
        assertThat(config.maxRetainedGopAccessUnits()).isEqualTo(600);
        assertThat(config.maxRetainedGopBytes()).isEqualTo(32L * 1024 * 1024);
        assertThat(config.tracking()).isTrue();
        assertThat(config.cameraMotionCompensation()).isTrue();
        assertThat(config.trackUpdateInterval()).isEqualTo(AnalysisConfig.DEFAULT_TRACK_UPDATE_INTERVAL);
    }

    @Test
    void compensationOverridesTrackerConfig() {
        AnalysisConfig config = AnalysisConfig.builder().modelPath("/m.json").cameraMotionCompensation(false).build();

        assertThat(config.cameraMotionCompensation()).isFalse();
        assertThat(config.trackerConfig().cameraMotionCompensation()).isFalse();
    }

    @Test
    void trackingOffTurnsCompensationOff() {
        AnalysisConfig config = AnalysisConfig.builder().modelPath("/m.json").tracking(false).build();

        assertThat(config.cameraMotionCompensation()).isFalse();
    }

    @Test
    void missingModelPathIsRejected() {
        assertThatThrownBy(() -> AnalysisConfig.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("modelPath");
    }

    @Test
    void invalidValuesAreRejected() {
        assertRejected(AnalysisConfig.builder().intraOpThreads(0), "intraOpThreads must be at least 1, got 0");
        assertRejected(AnalysisConfig.builder().maxAnalysedFps(-1), "maxAnalysedFps");
        assertRejected(AnalysisConfig.builder().maxAnalysedFps(Double.NaN), "maxAnalysedFps");
        assertRejected(AnalysisConfig.builder().maxFrameAge(Duration.ZERO), "maxFrameAge must be positive");
        assertRejected(AnalysisConfig.builder().decoderIdleTimeout(Duration.ofSeconds(-1)), "decoderIdleTimeout");
        assertRejected(AnalysisConfig.builder().maxFrameWidth(0), "maxFrameWidth and maxFrameHeight");
        assertRejected(AnalysisConfig.builder().maxFrameHeight(-2), "maxFrameWidth and maxFrameHeight");
        assertRejected(AnalysisConfig.builder().maxRetainedGopAccessUnits(0),
                "maxRetainedGopAccessUnits must be at least 1, got 0");
        assertRejected(AnalysisConfig.builder().maxRetainedGopBytes(0), "maxRetainedGopBytes must be at least 1, got 0");
        assertThatThrownBy(() -> AnalysisConfig.builder().trackUpdateInterval(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trackUpdateInterval must not be negative");
    }

    private static void assertRejected(AnalysisConfig.Builder builder, String message) {
        assertThatThrownBy(() -> builder.modelPath("/m.json").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
