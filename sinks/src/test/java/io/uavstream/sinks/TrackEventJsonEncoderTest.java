package io.uavstream.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uavstream.schemas.TrackEvent;
import io.uavstream.schemas.TrackEventType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackEventJsonEncoderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final TrackEventJsonEncoder encoder = new TrackEventJsonEncoder();

    @Test
    void encoderWritesDocumentedEventFields() throws IOException {
        JsonNode json = MAPPER.readTree(encode(TestRecords.trackEvent("drone-7", 12, TrackEventType.STARTED, 4)));

        assertThat(fieldNames(json)).containsExactly("droneId", "sessionId", "eventType", "trackId", "classId",
                "className", "frameSequence", "captureTimeMicros", "score", "box", "summary");
        assertThat(json.get("droneId").asText()).isEqualTo("drone-7");
        assertThat(json.get("sessionId").asText()).isEqualTo("session-1");
        assertThat(json.get("eventType").asText()).isEqualTo("STARTED");
        assertThat(json.get("trackId").asLong()).isEqualTo(12);
        assertThat(json.get("classId").asInt()).isEqualTo(2);
        assertThat(json.get("className").asText()).isEqualTo("car");
        assertThat(json.get("frameSequence").asLong()).isEqualTo(4);
        assertThat(json.get("captureTimeMicros").asLong())
                .isEqualTo(TestRecords.CAPTURE_START.toEpochMilli() * 1000 + 400_000L);
        assertThat(json.get("score").floatValue()).isEqualTo(0.75f);
        assertThat(json.get("box").get("x1").floatValue()).isEqualTo(140f);
        assertThat(json.get("box").get("y2").floatValue()).isEqualTo(105f);
        assertThat(json.get("summary").isNull()).isTrue();
    }

    @Test
    void encoderWritesEndedSummary() throws IOException {
        JsonNode summary = MAPPER.readTree(encode(TestRecords.trackEvent("drone-7", 12, TrackEventType.ENDED, 30)))
                .get("summary");

        assertThat(summary.get("durationSeconds").asDouble()).isEqualTo(2.5);
        assertThat(summary.get("frames").asInt()).isEqualTo(26);
        assertThat(summary.get("meanScore").floatValue()).isEqualTo(0.8125f);
        assertThat(summary.get("pathLengthPixels").asDouble()).isEqualTo(130.5);
        assertThat(summary.get("firstCenterX").floatValue()).isEqualTo(60f);
        assertThat(summary.get("firstCenterY").floatValue()).isEqualTo(120f);
        assertThat(summary.get("lastCenterX").floatValue()).isEqualTo(160f);
        assertThat(summary.get("lastCenterY").floatValue()).isEqualTo(90f);
    }

    @Test
    void encoderWritesOneLinePerEvent() throws IOException {
        String text = encode(TestRecords.trackEvent("drone-1", 1, TrackEventType.STARTED, 1),
                TestRecords.trackEvent("drone-1", 1, TrackEventType.UPDATED, 11));

        assertThat(text).endsWith("\n");
        assertThat(text.split("\n")).hasSize(2);
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private String encode(TrackEvent... events) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (TrackEvent event : events) {
            encoder.encode(event, out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
