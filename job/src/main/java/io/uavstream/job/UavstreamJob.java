package io.uavstream.job;

import java.util.Arrays;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the uavstream Flink job, for {@code flink run uavstream-job.jar --bootstrap-servers
 * HOST:PORT --model PATH ...} or a local run. It parses the options, checks the model on the
 * client, creates the analytics control topic when it is missing, builds the job graph and
 * executes it.
 */
public final class UavstreamJob {
    private static final Logger LOG = LoggerFactory.getLogger(UavstreamJob.class);

    private UavstreamJob() {}

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(JobOptions.usage());
            return;
        }
        JobOptions options = JobOptions.fromArgs(args);
        ModelPreflight.check(options.model());
        if (options.readsControlTopic()) {
            ControlTopic.ensureExists(options);
        }
        LOG.info("Starting {} with {}", options.jobName(), options);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        UavstreamTopology.build(env, options);
        env.execute(options.jobName());
    }
}
