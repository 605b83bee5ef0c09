package io.uavstream.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uavstream.schemas.FrameDetections;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDetectionsJsonEncoderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final FrameDetectionsJsonEncoder encoder = new FrameDetectionsJsonEncoder();

    @Test
    void encoderWritesOneLinePerRecord() throws IOException {
        String text = encode(TestRecords.detections("drone-1", 1), TestRecords.detections("drone-1", 2));

        assertThat(text).endsWith("\n");
        assertThat(text.split("\n")).hasSize(2);
    }

    @Test
    void encoderWritesDocumentedFrameFields() throws IOException {
        FrameDetections detections = TestRecords.detections("drone-7", 42);
        detections.setPublishedAtMicros(1_777_000_000_000_000L);

        JsonNode json = MAPPER.readTree(encode(detections));

        assertThat(json.get("droneId").asText()).isEqualTo("drone-7");
        assertThat(json.get("sessionId").asText()).isEqualTo("session-1");
        assertThat(json.get("frameSequence").asLong()).isEqualTo(42);
        assertThat(json.get("ptsMicros").asLong()).isEqualTo(4_200_000L);
        assertThat(json.get("captureTimeMicros").asLong())
                .isEqualTo(TestRecords.CAPTURE_START.toEpochMilli() * 1000 + 4_200_000L);
        assertThat(json.get("modelId").asText()).isEqualTo("tiny-test-model");
        assertThat(json.get("frameWidth").asInt()).isEqualTo(640);
        assertThat(json.get("frameHeight").asInt()).isEqualTo(480);
        assertThat(json.get("publishedAtMicros").asLong()).isEqualTo(1_777_000_000_000_000L);
        assertThat(json.get("analysedAtMicros").isNull()).isTrue();
    }

    @Test
    void encoderWritesDocumentedBoxFields() throws IOException {
        JsonNode boxes = MAPPER.readTree(encode(TestRecords.detections("drone-7", 1))).get("boxes");

        assertThat(boxes.size()).isEqualTo(1);
        JsonNode box = boxes.get(0);
        assertThat(box.get("classId").asInt()).isZero();
        assertThat(box.get("className").asText()).isEqualTo("person");
        assertThat(box.get("score").floatValue()).isEqualTo(0.875f);
        assertThat(box.get("x1").floatValue()).isEqualTo(10f);
        assertThat(box.get("y1").floatValue()).isEqualTo(20f);
        assertThat(box.get("x2").floatValue()).isEqualTo(110f);
        assertThat(box.get("y2").floatValue()).isEqualTo(220f);
        assertThat(box.get("x1Norm").floatValue()).isEqualTo(10f / 640);
        assertThat(box.get("y1Norm").floatValue()).isEqualTo(20f / 480);
        assertThat(box.get("x2Norm").floatValue()).isEqualTo(110f / 640);
        assertThat(box.get("y2Norm").floatValue()).isEqualTo(220f / 480);
        assertThat(box.get("trackId").isNull()).isTrue();
    }

    @Test
    void encoderWritesTrackId() throws IOException {
        FrameDetections detections = TestRecords.detections("drone-7", 1);
        detections.getBoxes().get(0).setTrackId(17L);

        JsonNode box = MAPPER.readTree(encode(detections)).get("boxes").get(0);

        assertThat(box.get("trackId").asLong()).isEqualTo(17);
    }

    @Test
    void encoderWritesEmptyBoxArray() throws IOException {
        FrameDetections detections = TestRecords.detections("drone-7", 1);
        detections.setBoxes(List.of());

        JsonNode json = MAPPER.readTree(encode(detections));

        assertThat(json.get("boxes").isArray()).isTrue();
        assertThat(json.get("boxes").size()).isZero();
    }

    @Test
    void encoderEscapesNonAsciiDroneId() throws IOException {
        JsonNode json = MAPPER.readTree(encode(TestRecords.detections("drohne \"ü\"\n", 1)));

        assertThat(json.get("droneId").asText()).isEqualTo("drohne \"ü\"\n");
    }

    private String encode(FrameDetections... records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (FrameDetections record : records) {
            encoder.encode(record, out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
