package io.uavstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uavstream.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IngestOptionsTest {

    @Test
    void defaultsApplyToMinimalOptions() {
        IngestOptions options = IngestOptions.builder()
                .droneId("drone-7")
                .source("/data/flight.ts")
                .bootstrapServers("127.0.0.1:9092")
                .build();

        assertThat(options.topic()).isEqualTo(Topics.VIDEO);
        assertThat(options.realtime()).isFalse();
        assertThat(options.reconnectBackoff()).isEqualTo(ReconnectBackoff.DEFAULT);
        assertThat(options.socketTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.provisionTopic()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Drone_7.north-2", "0123456789012345678901234567890123456789012345678901234567890123"})
    void validDroneIdIsAccepted(String droneId) {
        assertThat(IngestOptions.builder().droneId(droneId)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "drone 7", "drone/7", "dröne", "01234567890123456789012345678901234567890123456789012345678901234"})
    void invalidDroneIdIsRejected(String droneId) {
        assertThatThrownBy(() -> IngestOptions.builder().droneId(droneId))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid drone ID '" + droneId + "'");
    }

    @Test
    void missingBootstrapServersIsRejected() {
        IngestOptions.Builder builder = IngestOptions.builder().droneId("d1").source("/data/flight.ts");

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bootstrapServers");
    }

    @Test
    void missingTelemetryFileIsRejected() {
        assertThatThrownBy(() -> IngestOptions.builder().telemetry(Path.of("/nonexistent/telemetry.csv")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/nonexistent/telemetry.csv");
    }

    @Test
    void telemetryIsAbsentByDefault() {
        IngestOptions options = IngestOptions.builder()
                .droneId("drone-7")
                .source("/data/flight.ts")
                .bootstrapServers("127.0.0.1:9092")
                .build();

        assertThat(options.telemetry()).isEmpty();
    }

    @Test
    void invalidBackoffIsRejectedAtOnce() {
        assertThatThrownBy(() -> IngestOptions.builder().reconnectBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeSocketTimeoutIsRejected() {
        assertThatThrownBy(() -> IngestOptions.builder().socketTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("socketTimeout");
    }
}
