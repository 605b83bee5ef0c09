package io.uavstream.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.models.testing.TinyModels;
import io.uavstream.operators.AnalysisStreams;
import io.uavstream.operators.DroneAnalysis;
import io.uavstream.operators.PacketOrDeadLetter;
import io.uavstream.schemas.FrameDetections;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forces one task failure in the middle of a run and checks that the committed output still has
 * exactly one record per frame. The test assembles the job from the public steps of
 * {@link UavstreamTopology} with a failing map between the source and the analysis.
 */
class ExactlyOnceRestartTest {

    private static final String DRONE = "drone-r";

    /** Set by the failing map when it has thrown; static because the MiniCluster shares this JVM. */
    private static final AtomicBoolean FAILED = new AtomicBoolean();

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

        runWithOneFailure(options);
        List<Long> kafkaSequences = harness.committedDetections().stream()
                .map(FrameDetections::getFrameSequence)
                .sorted()
                .toList();
        List<Long> fileSequences = JsonLinesFiles.readAll(output).stream()
                .map(line -> line.get("frameSequence"))
                .map(JsonNode::asLong)
                .sorted()
                .toList();

        List<Long> everyFrame = LongStream.range(0, PipelineHarness.CLIP_FRAMES).boxed().toList();
        assertThat(FAILED).as("the injected failure happened").isTrue();
        assertThat(kafkaSequences).containsExactlyElementsOf(everyFrame);
        assertThat(fileSequences).containsExactlyElementsOf(everyFrame);
    }

    @Test
    void restartWithDefaultAnalysisKeepsEveryFrame() throws Exception {
        PipelineHarness harness = new PipelineHarness(kafka, "e2e-restart-default");
        Path model = TinyModels.yolox(Files.createDirectories(directory.resolve("model-default")));
        harness.ingest(DRONE, PipelineHarness.syntheticClip(directory, "clip-gop10.ts"));
        JobOptions options = harness.options(model).build();

        runWithOneFailure(options);
        List<Long> kafkaSequences = harness.committedDetections().stream()
                .map(FrameDetections::getFrameSequence)
                .sorted()
                .toList();

        assertThat(FAILED).as("the injected failure happened").isTrue();
        assertThat(kafkaSequences).containsExactlyElementsOf(
                LongStream.range(0, PipelineHarness.CLIP_FRAMES).boxed().toList());
    }

    private static void runWithOneFailure(JobOptions options) throws Exception {
        FAILED.set(false);
        Configuration configuration = new Configuration();
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = PipelineHarness.environment(configuration);

        UavstreamTopology.configure(env, options);
        DataStream<PacketOrDeadLetter> source = UavstreamTopology.readVideo(env, options);
        DataStream<PacketOrDeadLetter> records = source
                .map(new FailOnceAfterCheckpoint(10), source.getType())
                .uid("fail-once");
        AnalysisStreams analysis = DroneAnalysis.apply(records, UavstreamTopology.analysisConfig(env, options));
        UavstreamTopology.writeDetections(analysis.detections(), options);
        UavstreamTopology.writeDeadLetters(analysis.deadLetters(), options);

        env.execute(options.jobName());
    }

    /**
     * Passes video records on, slowly, until a checkpoint has completed after at least
     * {@code minRecords} records; then throws once, so that the failure falls between two
     * checkpoints with output both committed and pending. It runs chained to the source, so that
     * checkpoint barriers are not queued behind a backlog of records.
     */
    private static final class FailOnceAfterCheckpoint extends RichMapFunction<PacketOrDeadLetter, PacketOrDeadLetter>
            implements CheckpointListener {
        private static final long serialVersionUID = 1L;

        /** Delay per record before the first {@code minRecords}, so that checkpoints complete mid-stream. */
        private static final long DELAY_MILLIS = 25;

        /**
         * Delay per record after the first {@code minRecords}, while waiting for a checkpoint to
         * complete. The rest of the clip then lasts several seconds, so that a slow checkpoint
         * still completes before the input ends.
         */
        private static final long WAITING_DELAY_MILLIS = 200;

        private final long minRecords;
        private transient long records;
        private transient long recordsAtCompletedCheckpoint;

        FailOnceAfterCheckpoint(long minRecords) {
            this.minRecords = minRecords;
        }

        @Override
        public void open(OpenContext openContext) {
            records = 0;
            recordsAtCompletedCheckpoint = 0;
        }

        @Override
        public PacketOrDeadLetter map(PacketOrDeadLetter record) throws Exception {
            records++;
            if (FAILED.get()) {
                return record;
            }
            if (recordsAtCompletedCheckpoint >= minRecords && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("Injected test failure at video record " + records);
            }
            Thread.sleep(records < minRecords ? DELAY_MILLIS : WAITING_DELAY_MILLIS);
            return record;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            recordsAtCompletedCheckpoint = records;
        }
    }
}
