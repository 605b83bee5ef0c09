package io.uavstream.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uavstream.schemas.AnalyticsEvent;
import io.uavstream.schemas.AnalyticsEventType;
import io.uavstream.schemas.ClassCounts;
import io.uavstream.schemas.GeoPosition;
import io.uavstream.schemas.ZoneExit;
import io.uavstream.schemas.ZoneExitCause;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyticsEventJsonEncoderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant CAPTURE = Instant.parse("2026-01-01T00:00:09.500Z");

    private final AnalyticsEventJsonEncoder encoder = new AnalyticsEventJsonEncoder();

    private static AnalyticsEvent.Builder event(AnalyticsEventType type) {
        return AnalyticsEvent.newBuilder()
                .setDroneId("drone-7")
                .setSessionId("session-1")
                .setEventType(type)
                .setCaptureTimeMicros(CAPTURE)
                .setFrameSequence(95);
    }

    @Test
    void encoderWritesEveryFieldInOrder() throws IOException {
        JsonNode json = MAPPER.readTree(encode(event(AnalyticsEventType.LINE_CROSSED).setLineId("gate").build()));

        assertThat(fieldNames(json)).containsExactly("droneId", "sessionId", "eventType", "captureTimeMicros",
                "frameSequence", "zoneId", "lineId", "trackId", "className", "pixelX", "pixelY", "position", "exit",
                "direction", "counts");
        assertThat(json.get("captureTimeMicros").asLong()).isEqualTo(CAPTURE.toEpochMilli() * 1000);
        assertThat(json.get("lineId").asText()).isEqualTo("gate");
        assertThat(json.get("zoneId").isNull()).isTrue();
        assertThat(json.get("trackId").isNull()).isTrue();
    }

    @Test
    void encoderWritesZoneExit() throws IOException {
        AnalyticsEvent exit = event(AnalyticsEventType.ZONE_EXITED)
                .setZoneId("yard")
                .setTrackId(12L)
                .setClassName("car")
                .setPixelX(320.5f)
                .setPixelY(400f)
                .setPosition(new GeoPosition(47.3769, 8.5417, 408.0))
                .setExit(new ZoneExit(Instant.parse("2026-01-01T00:00:04Z"), Instant.parse("2026-01-01T00:00:09Z"),
                        5.0, ZoneExitCause.LEFT_ZONE))
                .build();

        JsonNode json = MAPPER.readTree(encode(exit));

        assertThat(json.get("trackId").asLong()).isEqualTo(12);
        assertThat(json.get("pixelX").floatValue()).isEqualTo(320.5f);
        assertThat(json.get("position").get("latitudeDegrees").asDouble()).isEqualTo(47.3769);
        assertThat(json.get("exit").get("enteredAtMicros").asLong())
                .isEqualTo(Instant.parse("2026-01-01T00:00:04Z").toEpochMilli() * 1000);
        assertThat(json.get("exit").get("dwellSeconds").asDouble()).isEqualTo(5.0);
        assertThat(json.get("exit").get("cause").asText()).isEqualTo("LEFT_ZONE");
    }

    @Test
    void encoderSortsClassCounts() throws IOException {
        AnalyticsEvent counts = event(AnalyticsEventType.CLASS_COUNTS)
                .setCounts(new ClassCounts(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:01:00Z"),
                        Map.of("truck", 1, "car", 3, "person", 5)))
                .build();

        JsonNode tracksPerClass = MAPPER.readTree(encode(counts)).get("counts").get("tracksPerClass");

        assertThat(fieldNames(tracksPerClass)).containsExactly("car", "person", "truck");
        assertThat(tracksPerClass.get("person").asInt()).isEqualTo(5);
    }

    @Test
    void encoderWritesOneLinePerEvent() throws IOException {
        String text = encode(event(AnalyticsEventType.ZONE_ENTERED).setZoneId("yard").build(),
                event(AnalyticsEventType.ZONE_ENTERED).setZoneId("gate").build());

        assertThat(text).endsWith("\n");
        assertThat(text.split("\n")).hasSize(2);
    }

    private String encode(AnalyticsEvent... events) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (AnalyticsEvent event : events) {
            encoder.encode(event, out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
