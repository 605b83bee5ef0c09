package io.uavstream.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import io.uavstream.kafka.embedded.CommittedRecords;
import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.models.Detection;
import io.uavstream.models.testing.TinyModels;
import io.uavstream.operators.AnalysisCounters;
import io.uavstream.schemas.DetectedBox;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.TrackEvent;
import io.uavstream.schemas.TrackEventType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole job once over a synthetic clip published by the ingest service, with a tiny YOLOX
 * model, and checks its Kafka and JSON-lines output.
 */
class PipelineEndToEndTest {

    private static final String DRONE = "drone-a";

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineHarness.oneSlotCluster();

    @TempDir
    static Path directory;

    private static EmbeddedKafkaBroker kafka;
    private static PipelineHarness harness;
    private static Path model;
    private static JobExecutionResult result;

    @BeforeAll
    static void publishClip() throws Exception {
        kafka = EmbeddedKafkaBroker.start();
        harness = new PipelineHarness(kafka, "e2e-synthetic");
        model = TinyModels.yolox(Files.createDirectories(directory.resolve("model")));
        harness.ingest(DRONE, PipelineHarness.syntheticClip(directory, "clip.ts"));
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    /** Runs the job on the first call; the MiniCluster is only reachable from inside a test. */
    private static synchronized JobExecutionResult result() throws Exception {
        if (result == null) {
            JobOptions options = harness.options(model)
                    .outputDirectory(directory.resolve("out").toString())
                    .build();
            result = harness.run(options);
        }
        return result;
    }

    @Test
    void jobAnalysesEveryClipFrame() throws Exception {
        assertThat(PipelineHarness.counter(result(), AnalysisCounters.FRAMES_ANALYSED))
                .isEqualTo(PipelineHarness.CLIP_FRAMES);
    }

    @Test
    void detectionsCountEqualsAnalysedFrames() throws Exception {
        long analysed = PipelineHarness.counter(result(), AnalysisCounters.FRAMES_ANALYSED);

        assertThat(harness.committedDetections()).hasSize((int) analysed);
    }

    @Test
    void detectionsCoverEachFrameOnce() throws Exception {
        result();

        List<Long> sequences = harness.committedDetections().stream()
                .map(FrameDetections::getFrameSequence)
                .sorted()
                .toList();

        assertThat(sequences).containsExactlyElementsOf(
                LongStream.range(0, PipelineHarness.CLIP_FRAMES).boxed().toList());
    }

    @Test
    void detectionsAreKeyedByDroneId() throws Exception {
        result();

        List<ConsumerRecord<byte[], byte[]>> records =
                CommittedRecords.readAll(harness.bootstrapServers(), harness.detectionsTopic());

        assertThat(records).isNotEmpty().allSatisfy(record ->
                assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(DRONE));
    }

    @Test
    void detectionsCarryTinyModelBoxes() throws Exception {
        result();
        List<Detection> expected = TinyModels.expectedDetections(model, 320, 240);

        FrameDetections first = harness.committedDetections().get(0);

        assertThat(first.getFrameWidth()).isEqualTo(320);
        assertThat(first.getFrameHeight()).isEqualTo(240);
        assertThat(first.getModelId()).isEqualTo("tiny-yolox");
        assertThat(first.getBoxes()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            DetectedBox box = first.getBoxes().get(i);
            assertThat(box.getClassName()).isEqualTo(expected.get(i).className());
            assertThat(box.getScore()).isCloseTo(expected.get(i).score(), offset(1e-3f));
            assertThat(box.getX1()).isCloseTo(expected.get(i).x1(), offset(1f));
            assertThat(box.getY2()).isCloseTo(expected.get(i).y2(), offset(1f));
        }
    }

    @Test
    void jsonLinesMatchKafkaDetections() throws Exception {
        result();

        Set<Long> fromKafka = harness.committedDetections().stream()
                .map(FrameDetections::getFrameSequence)
                .collect(Collectors.toSet());
        List<JsonNode> lines = JsonLinesFiles.readDetections(directory.resolve("out"));
        Set<Long> fromFiles = lines.stream()
                .map(line -> line.get("frameSequence").asLong())
                .collect(Collectors.toSet());

        assertThat(lines).hasSameSizeAs(fromKafka);
        assertThat(fromFiles).isEqualTo(fromKafka);
    }

    @Test
    void jsonLinesAreInDroneDirectory() throws Exception {
        result();

        assertThat(JsonLinesFiles.readDetections(directory.resolve("out").resolve(DRONE))).hasSize(PipelineHarness.CLIP_FRAMES);
    }

    @Test
    void trackEventsReachKafka() throws Exception {
        result();

        List<TrackEvent> events = harness.committedTrackEvents();

        // The tiny model detects a person, a car and a dog in every frame. They start tracks 1 to 3
        // in frame 0, which are confirmed 100 ms later and updated once per second of capture time.
        assertThat(events).filteredOn(event -> event.getEventType() == TrackEventType.STARTED)
                .extracting(TrackEvent::getClassName).containsExactly("person", "car", "dog");
        for (long trackId = 1; trackId <= 3; trackId++) {
            long id = trackId;
            List<TrackEvent> track = events.stream().filter(event -> event.getTrackId() == id).toList();
            assertThat(track).extracting(TrackEvent::getEventType).containsExactly(TrackEventType.STARTED,
                    TrackEventType.UPDATED, TrackEventType.UPDATED, TrackEventType.UPDATED, TrackEventType.ENDED);
            assertThat(track).extracting(TrackEvent::getFrameSequence).containsExactly(1L, 11L, 21L, 31L, 39L);
            assertThat(track.get(4).getSummary().getFrames()).isEqualTo(PipelineHarness.CLIP_FRAMES);
            assertThat(track.get(4).getSummary().getDurationSeconds()).isCloseTo(3.9, offset(1e-9));
        }
    }

    @Test
    void trackEventsAreKeyedByDroneId() throws Exception {
        result();

        List<ConsumerRecord<byte[], byte[]>> records =
                CommittedRecords.readAll(harness.bootstrapServers(), harness.trackEventsTopic());

        assertThat(records).isNotEmpty().allSatisfy(record ->
                assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(DRONE));
    }

    @Test
    void jsonLinesMatchKafkaTrackEvents() throws Exception {
        result();

        List<String> fromKafka = harness.committedTrackEvents().stream()
                .map(event -> event.getTrackId() + " " + event.getEventType() + " " + event.getFrameSequence())
                .toList();
        List<String> fromFiles = JsonLinesFiles.readTrackEvents(directory.resolve("out").resolve(DRONE)).stream()
                .map(line -> line.get("trackId").asLong() + " " + line.get("eventType").asText() + " "
                        + line.get("frameSequence").asLong())
                .toList();

        assertThat(fromFiles).containsExactlyInAnyOrderElementsOf(fromKafka);
    }

    @Test
    void detectionsCarryTrackIds() throws Exception {
        result();

        List<FrameDetections> detections = harness.committedDetections();

        // The second car scores 0.50, below the tracker's new-track score, so it has no track.
        assertThat(detections).filteredOn(frame -> frame.getFrameSequence() > 0)
                .allSatisfy(frame -> assertThat(frame.getBoxes()).extracting(DetectedBox::getTrackId)
                        .containsExactly(1L, 2L, 3L, null));
        assertThat(detections).filteredOn(frame -> frame.getFrameSequence() == 0)
                .allSatisfy(frame -> assertThat(frame.getBoxes()).extracting(DetectedBox::getTrackId)
                        .containsOnlyNulls());
    }

    @Test
    void cleanClipWritesNoDeadLetters() throws Exception {
        assertThat(PipelineHarness.counter(result(), AnalysisCounters.DEAD_LETTERS)).isZero();
        assertThat(harness.committedDeadLetters()).isEmpty();
    }

    @Test
    void cleanClipEndsItsSession() throws Exception {
        assertThat(PipelineHarness.counter(result(), AnalysisCounters.SESSIONS_ENDED)).isEqualTo(1);
    }
}
