package io.uavstream.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.FramePose;
import io.uavstream.schemas.PoseSource;
import io.uavstream.schemas.PoseStatus;
import io.uavstream.schemas.ScaleSource;
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
    void encoderWritesNullPoseWithoutPose() throws IOException {
        JsonNode json = MAPPER.readTree(encode(TestRecords.detections("drone-7", 1)));

        assertThat(json.has("pose")).isTrue();
        assertThat(json.get("pose").isNull()).isTrue();
    }

    @Test
    void encoderWritesGeoreferencedPose() throws IOException {
        FrameDetections detections = TestRecords.detections("drone-7", 1);
        detections.setPose(FramePose.newBuilder()
                .setStatus(PoseStatus.OK)
                .setSource(PoseSource.VISUAL_ODOMETRY)
                .setScaleSource(ScaleSource.ALTITUDE)
                .setEastMetres(12.5)
                .setNorthMetres(-3.25)
                .setUpMetres(80.0)
                .setQw(0.0)
                .setQx(1.0)
                .setQy(0.0)
                .setQz(0.0)
                .setFx(500.0)
                .setFy(500.0)
                .setCx(320.0)
                .setCy(240.0)
                .setOriginLatitudeDegrees(47.3769)
                .setOriginLongitudeDegrees(8.5417)
                .setOriginAltitudeMetres(null)
                .setInliers(120)
                .setMotionModel("HOMOGRAPHY")
                .setFrameToFrameHomography(List.of(1.0, 0.0, 2.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0))
                .build());

        JsonNode pose = MAPPER.readTree(encode(detections)).get("pose");

        assertThat(pose.get("status").asText()).isEqualTo("OK");
        assertThat(pose.get("source").asText()).isEqualTo("VISUAL_ODOMETRY");
        assertThat(pose.get("scaleSource").asText()).isEqualTo("ALTITUDE");
        assertThat(pose.get("eastMetres").asDouble()).isEqualTo(12.5);
        assertThat(pose.get("northMetres").asDouble()).isEqualTo(-3.25);
        assertThat(pose.get("upMetres").asDouble()).isEqualTo(80.0);
        assertThat(pose.get("qx").asDouble()).isEqualTo(1.0);
        assertThat(pose.get("fx").asDouble()).isEqualTo(500.0);
        assertThat(pose.get("originLatitudeDegrees").asDouble()).isEqualTo(47.3769);
        assertThat(pose.get("originLongitudeDegrees").asDouble()).isEqualTo(8.5417);
        assertThat(pose.get("originAltitudeMetres").isNull()).isTrue();
        assertThat(pose.get("inliers").asInt()).isEqualTo(120);
        assertThat(pose.get("motionModel").asText()).isEqualTo("HOMOGRAPHY");
        assertThat(pose.get("frameToFrameHomography").size()).isEqualTo(9);
        assertThat(pose.get("frameToFrameHomography").get(2).asDouble()).isEqualTo(2.0);
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
