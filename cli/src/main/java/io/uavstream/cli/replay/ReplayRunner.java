package io.uavstream.cli.replay;

import io.uavstream.ingest.TopicProvisioner;
import io.uavstream.job.replay.ReplayOptions;
import io.uavstream.job.replay.ReplayPlan;
import io.uavstream.job.replay.ReplayTopology;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one replay on a Flink MiniCluster in this JVM, to the end of its bounded input, and
 * returns where its events lie in the output topics.
 */
public final class ReplayRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayRunner.class);

    private ReplayRunner() {}

    /**
     * Prepares the plan (model check, replay ID, offsets), creates missing output topics and runs
     * the job until it finishes.
     *
     * @throws Exception if the job fails; a replay job does not restart
     */
    public static ReplayResult run(ReplayOptions options) throws Exception {
        ReplayPlan plan = ReplayPlan.prepare(options);
        try (TopicProvisioner topics = new TopicProvisioner(options.bootstrapServers())) {
            topics.ensureVideoTopic(options.detectionsTopic());
            topics.ensureVideoTopic(options.trackEventsTopic());
            topics.ensureVideoTopic(options.deadLetterTopic());
            topics.ensureVideoTopic(options.analyticsEventsTopic());
        }
        Map<TopicPartition, Long> detectionsStart =
                ReplayOutput.endOffsets(options.bootstrapServers(), options.detectionsTopic());
        Map<TopicPartition, Long> trackEventsStart =
                ReplayOutput.endOffsets(options.bootstrapServers(), options.trackEventsTopic());
        Map<TopicPartition, Long> analyticsEventsStart =
                ReplayOutput.endOffsets(options.bootstrapServers(), options.analyticsEventsTopic());

        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(
                options.parallelism(), miniClusterConfiguration(options.parallelism()));
        ReplayTopology.build(env, plan);
        LOG.info("Replay {} of {} in {} with model {} ({} video records)", plan.replayId(), options.range(),
                options.videoTopic(), plan.modelId(), plan.offsets().recordCount());
        long startNanos = System.nanoTime();
        JobExecutionResult result = env.execute(plan.jobOptions().jobName());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        LOG.info("Replay {} finished in {}", plan.replayId(), elapsed);
        ReplayResult.OutputOffsets detections = new ReplayResult.OutputOffsets(detectionsStart,
                ReplayOutput.endOffsets(options.bootstrapServers(), options.detectionsTopic()));
        ReplayResult.OutputOffsets trackEvents = new ReplayResult.OutputOffsets(trackEventsStart,
                ReplayOutput.endOffsets(options.bootstrapServers(), options.trackEventsTopic()));
        ReplayResult.OutputOffsets analyticsEvents = new ReplayResult.OutputOffsets(analyticsEventsStart,
                ReplayOutput.endOffsets(options.bootstrapServers(), options.analyticsEventsTopic()));
        return new ReplayResult(plan, elapsed, result.getAllAccumulatorResults(), detections, trackEvents,
                analyticsEvents);
    }

    private static Configuration miniClusterConfiguration(int parallelism) {
        Configuration configuration = new Configuration();
        configuration.set(TaskManagerOptions.NUM_TASK_SLOTS, parallelism);
        configuration.set(RestOptions.BIND_PORT, "0");
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return configuration;
    }
}
