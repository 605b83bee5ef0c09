package io.uavstream.job.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayRangeTest {

    @Test
    void isoTimeParsesToEpochMicros() {
        assertThat(ReplayRange.parseCaptureTime("2026-12-04T10:15:30.000123Z", "--from"))
                .isEqualTo(Instant.parse("2026-12-04T10:15:30Z").getEpochSecond() * 1_000_000 + 123);
    }

    @Test
    void isoTimeWithOffsetParses() {
        assertThat(ReplayRange.parseCaptureTime("2026-12-04T11:15:30+01:00", "--from"))
                .isEqualTo(ReplayRange.parseCaptureTime("2026-12-04T10:15:30Z", "--from"));
    }

    @Test
    void epochMicrosParse() {
        assertThat(ReplayRange.parseCaptureTime("1764843330000000", "--to")).isEqualTo(1_764_843_330_000_000L);
    }

    @Test
    void invalidTimeNamesOption() {
        assertThatThrownBy(() -> ReplayRange.parseCaptureTime("yesterday", "--from"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--from yesterday is invalid");
    }

    @Test
    void reversedRangeIsRejected() {
        assertThatThrownBy(() -> new ReplayRange(2, 1, Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("precedes --from");
    }

    @Test
    void rangeIncludesBothEnds() {
        ReplayRange range = new ReplayRange(10, 20, Set.of());

        assertThat(range.contains(10)).isTrue();
        assertThat(range.contains(20)).isTrue();
        assertThat(range.contains(21)).isFalse();
    }

    @Test
    void emptyDroneSetIncludesEveryDrone() {
        assertThat(new ReplayRange(0, 1, Set.of()).includes("drone-7")).isTrue();
        assertThat(new ReplayRange(0, 1, Set.of("drone-1")).includes("drone-7")).isFalse();
    }

    @Test
    void zeroSpeedIsRejected() {
        assertThatThrownBy(() -> ReplayOptions.builder().speed(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--speed");
    }
}
