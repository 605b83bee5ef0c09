package io.uavstream.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.models.Detection;
import io.uavstream.models.testing.TinyModels;
import io.uavstream.operators.AnalysisCounters;
import io.uavstream.schemas.DetectedBox;
import io.uavstream.schemas.FrameDetections;
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
        List<JsonNode> lines = JsonLinesFiles.readAll(directory.resolve("out"));
        Set<Long> fromFiles = lines.stream()
                .map(line -> line.get("frameSequence").asLong())
                .collect(Collectors.toSet());

        assertThat(lines).hasSameSizeAs(fromKafka);
        assertThat(fromFiles).isEqualTo(fromKafka);
    }

    @Test
    void jsonLinesAreInDroneDirectory() throws Exception {
        result();

        assertThat(JsonLinesFiles.readAll(directory.resolve("out").resolve(DRONE))).hasSize(PipelineHarness.CLIP_FRAMES);
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
