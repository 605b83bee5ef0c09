package io.uavstream.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.models.testing.TinyModels;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.TrackEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forces one task failure in the middle of a run ({@link FailingRun}) and checks that the
 * committed output still has exactly one record per frame, and the same track events as a run
 * without the failure.
 */
class ExactlyOnceRestartTest {

    private static final String DRONE = "drone-r";

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineHarness.oneSlotCluster();

    @TempDir
    static Path directory;

    private static EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void restartKeepsOneRecordPerFrame() throws Exception {
        PipelineHarness harness = new PipelineHarness(kafka, "e2e-restart");
        Path model = TinyModels.yolox(Files.createDirectories(directory.resolve("model")));
        // Every access unit is a keyframe and the artefact check is off, so this test exercises the
        // sinks' transactions alone. restartWithDefaultAnalysisKeepsEveryFrame covers rebuilding
        // the decoder from the retained GOP with default settings.
        harness.ingest(DRONE, PipelineHarness.syntheticClip(directory, "clip.ts", 1));
        Path output = directory.resolve("out");
        JobOptions options = harness.options(model)
                .outputDirectory(output.toString())
                .artefactCheck(false)
                .build();

        boolean failed = FailingRun.runWithOneFailure(options);
        List<Long> kafkaSequences = harness.committedDetections().stream()
                .map(FrameDetections::getFrameSequence)
                .sorted()
                .toList();
        List<Long> fileSequences = JsonLinesFiles.readDetections(output).stream()
                .map(line -> line.get("frameSequence"))
                .map(JsonNode::asLong)
                .sorted()
                .toList();

        List<Long> everyFrame = LongStream.range(0, PipelineHarness.CLIP_FRAMES).boxed().toList();
        assertThat(failed).as("the injected failure happened").isTrue();
        assertThat(kafkaSequences).containsExactlyElementsOf(everyFrame);
        assertThat(fileSequences).containsExactlyElementsOf(everyFrame);
    }

    @Test
    void restartWithDefaultAnalysisKeepsEveryFrame() throws Exception {
        PipelineHarness harness = new PipelineHarness(kafka, "e2e-restart-default");
        Path model = TinyModels.yolox(Files.createDirectories(directory.resolve("model-default")));
        harness.ingest(DRONE, PipelineHarness.syntheticClip(directory, "clip-gop10.ts"));
        JobOptions options = harness.options(model).build();

        boolean failed = FailingRun.runWithOneFailure(options);
        List<Long> kafkaSequences = harness.committedDetections().stream()
                .map(FrameDetections::getFrameSequence)
                .sorted()
                .toList();

        assertThat(failed).as("the injected failure happened").isTrue();
        assertThat(kafkaSequences).containsExactlyElementsOf(
                LongStream.range(0, PipelineHarness.CLIP_FRAMES).boxed().toList());
    }

    @Test
    void restartKeepsSameTrackEvents() throws Exception {
        Path model = TinyModels.yolox(Files.createDirectories(directory.resolve("model-tracks")));
        PipelineHarness reference = new PipelineHarness(kafka, "e2e-tracks-reference");
        reference.ingest(DRONE, PipelineHarness.syntheticClip(directory, "clip-tracks.ts"));
        Path referenceOutput = directory.resolve("tracks-reference");
        reference.run(reference.options(model).outputDirectory(referenceOutput.toString()).build());

        // The second run reads the same video records, so capture times and session IDs match.
        PipelineHarness restarted = new PipelineHarness(kafka, "e2e-tracks-restart");
        Path restartedOutput = directory.resolve("tracks-restart");
        boolean failed = FailingRun.runWithOneFailure(restarted.options(model)
                .videoTopic(reference.videoTopic())
                .outputDirectory(restartedOutput.toString())
                .build());

        List<TrackEvent> expected = reference.committedTrackEvents();
        assertThat(failed).as("the injected failure happened").isTrue();
        assertThat(expected).as("track events of the run without failure").hasSizeGreaterThan(6);
        assertThat(restarted.committedTrackEvents()).containsExactlyElementsOf(expected);
        assertThat(JsonLinesFiles.readTrackEvents(restartedOutput))
                .containsExactlyInAnyOrderElementsOf(JsonLinesFiles.readTrackEvents(referenceOutput));
    }
}
