package io.uavstream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.models.BundledModels;
import io.uavstream.models.testing.TinyModels;
import io.uavstream.operators.AnalysisCounters;
import io.uavstream.schemas.FrameDetections;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job without {@code --model}: the TaskManager extracts the bundled default model from its
 * class path and opens it, with no model file on the client.
 */
class BundledModelJobTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineHarness.oneSlotCluster();

    @TempDir
    static Path directory;

    private static EmbeddedKafkaBroker kafka;
    private static PipelineHarness harness;

    @BeforeAll
    static void publishClip() throws Exception {
        kafka = EmbeddedKafkaBroker.start();
        harness = new PipelineHarness(kafka, "bundled-model");
        harness.ingest("drone-a", PipelineHarness.syntheticClip(directory, "clip.ts"));
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void jobWithoutModelUsesBundledDefault() throws Exception {
        JobOptions parsed = JobOptions.fromArgs(new String[] {"--bootstrap-servers", harness.bootstrapServers()});
        // The harness needs some model for its builder; the parsed default replaces it.
        Path placeholder = TinyModels.yolox(Files.createDirectories(directory.resolve("placeholder")));
        JobOptions options = harness.options(placeholder).model(parsed.model()).build();

        JobExecutionResult result = harness.run(options);

        List<FrameDetections> detections = harness.committedDetections();
        assertThat(parsed.model().isBundled()).isTrue();
        assertThat(PipelineHarness.counter(result, AnalysisCounters.FRAMES_ANALYSED)).isEqualTo(PipelineHarness.CLIP_FRAMES);
        assertThat(detections).hasSize(PipelineHarness.CLIP_FRAMES);
        assertThat(detections).extracting(FrameDetections::getModelId).containsOnly(BundledModels.defaultId());
    }
}
