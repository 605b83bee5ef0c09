package io.uavstream.job.replay;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of a replay on a Flink cluster, for {@code flink run -c io.uavstream.job.replay.ReplayJob
 * uavstream-job.jar --bootstrap-servers HOST:PORT --from TIME --to TIME --model PATH ...} or a
 * REST jar run with this entry class. The options are those of {@link ReplayArgs}. It checks the
 * model and looks up the range's offsets where {@code main} runs (the client or, for a REST jar
 * run, the JobManager), so the model path and Kafka must be reachable there too.
 */
public final class ReplayJob {
    private static final Logger LOG = LoggerFactory.getLogger(ReplayJob.class);

    private ReplayJob() {}

    public static void main(String[] args) throws Exception {
        ReplayOptions options = ReplayArgs.parse(args);
        ReplayPlan plan = ReplayPlan.prepare(options);
        LOG.info("Starting replay {} of {} with model {}: {}", plan.replayId(), options.range(), plan.modelId(),
                options);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        ReplayTopology.build(env, plan);
        env.execute(plan.jobOptions().jobName());
    }
}
