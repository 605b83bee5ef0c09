package io.uavstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    @Test
    void delayDoublesUpToMaximum() {
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(700), 10);

        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofMillis(700));
        assertThat(backoff.delayAfter(1_000)).isEqualTo(Duration.ofMillis(700));
    }

    @Test
    void maximumBelowInitialIsRejected() {
        assertThatThrownBy(() -> new ReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT1S")
                .hasMessageContaining("PT2S");
    }

    @Test
    void zeroAttemptsIsRejected() {
        assertThatThrownBy(() -> new ReconnectBackoff(Duration.ofMillis(1), Duration.ofMillis(1), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    @Test
    void zeroInitialDelayIsRejected() {
        assertThatThrownBy(() -> new ReconnectBackoff(Duration.ZERO, Duration.ofMillis(1), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }
}
