package io.uavstream.job;

import io.uavstream.operators.AnalysisStreams;
import io.uavstream.operators.ControlRecord;
import io.uavstream.operators.DroneAnalysis;
import io.uavstream.operators.PacketOrDeadLetter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the whole job with one injected task failure between two checkpoints. The job is assembled
 * from the public steps of {@link UavstreamTopology}, with a failing map between the source and the
 * analysis, and restarts once from its latest checkpoint.
 */
final class FailingRun {

    /** Set by the failing map when it has thrown; static because the MiniCluster shares this JVM. */
    private static final AtomicBoolean FAILED = new AtomicBoolean();

    private FailingRun() {}

    /**
     * Runs the job to the end of its bounded input, failing once after a checkpoint that completed
     * after at least 10 video records.
     *
     * @return whether the injected failure happened
     */
    static boolean runWithOneFailure(JobOptions options) throws Exception {
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
        DataStream<ControlRecord> control = options.analyticsEnabled() ? UavstreamTopology.readControl(env, options) : null;
        AnalysisStreams analysis = DroneAnalysis.apply(records, control, UavstreamTopology.analysisConfig(env, options));
        UavstreamTopology.writeOutputs(analysis, options);

        env.execute(options.jobName());
        return FAILED.get();
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
