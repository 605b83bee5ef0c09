package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.odometry.CameraModel;
import io.uavstream.odometry.FrameConversion;
import io.uavstream.odometry.OdometryConfig;
import io.uavstream.odometry.PoseEstimate;
import io.uavstream.odometry.Telemetry;
import io.uavstream.odometry.VisualOdometry;
import io.uavstream.odometry.VisualOdometryFactory;
import io.uavstream.models.BgrImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Restores a drone's visual odometry from a checkpoint after a forced failure in a MiniCluster. */
class DroneOdometryRestoreTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    private static final int FRAMES = 60;
    private static final long SEED = 5;
    static final CameraModel CAMERA = CameraModel.pinhole(GroundScene.WIDTH, GroundScene.HEIGHT, GroundScene.FOCAL,
            GroundScene.FOCAL, GroundScene.WIDTH / 2.0, GroundScene.HEIGHT / 2.0);

    /** Set when the injected failure has happened; static because the MiniCluster shares this JVM. */
    private static final AtomicBoolean FAILED = new AtomicBoolean();

    /** First frame that each instance of the probe processed; after the restore it is past frame 0. */
    private static final List<Long> FIRST_FRAMES = new CopyOnWriteArrayList<>();

    @Test
    void restoredOdometryMatchesUninterruptedRun() throws Exception {
        FAILED.set(false);
        FIRST_FRAMES.clear();
        Configuration configuration = new Configuration();
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(1);
        env.enableCheckpointing(200);

        List<String> poses = new ArrayList<>();
        try (CloseableIterator<String> results = env
                .fromSource(new NumberSequenceSource(0, FRAMES - 1), WatermarkStrategy.noWatermarks(), "frame numbers")
                .map(new FailOnceAfterCheckpoint(5), Types.LONG)
                .keyBy(frame -> "drone-1", Types.STRING)
                .process(new OdometryProbe(), Types.STRING)
                .executeAndCollect("odometry restore")) {
            results.forEachRemaining(poses::add);
        }

        assertThat(FAILED).isTrue();
        assertThat(FIRST_FRAMES).as("first frame of each probe instance").hasSize(2);
        assertThat(FIRST_FRAMES.get(1)).as("first frame after the restore").isPositive();
        assertThat(poses).containsExactlyElementsOf(uninterruptedPoses());
    }

    /** Runs the odometry over the same frames without Flink, in the format of {@link OdometryProbe}. */
    private static List<String> uninterruptedPoses() {
        List<String> poses = new ArrayList<>();
        try (GroundScene scene = new GroundScene(SEED)) {
            VisualOdometry odometry = VisualOdometryFactory.create(OdometryConfig.defaults(), CAMERA);
            for (long frame = 0; frame < FRAMES; frame++) {
                BgrImage image = scene.render(frame);
                PoseEstimate estimate = odometry.process(frame * 100_000, FrameConversion.toGrey(image.width(),
                        image.height(), image.pixels()), Telemetry.NONE);
                poses.add(OdometryProbe.format(frame, estimate));
            }
        }
        return poses;
    }

    /** Renders each frame number's frame and runs {@link DroneOdometry} on it. */
    private static final class OdometryProbe extends KeyedProcessFunction<String, Long, String> {
        private static final long serialVersionUID = 1L;

        private transient GroundScene scene;
        private transient DroneOdometry odometry;
        private transient boolean started;

        @Override
        public void open(OpenContext openContext) {
            scene = new GroundScene(SEED);
            odometry = new DroneOdometry(getRuntimeContext(), OdometryConfig.defaults(), CAMERA);
        }

        @Override
        public void processElement(Long frame, Context ctx, Collector<String> out) throws Exception {
            if (!started) {
                FIRST_FRAMES.add(frame);
                started = true;
            }
            PoseEstimate estimate = odometry.estimate(ctx.getCurrentKey(), "session-1", frame, frame * 100_000,
                    scene.render(frame), null).orElseThrow();
            out.collect(format(frame, estimate));
        }

        @Override
        public void close() {
            if (scene != null) {
                scene.close();
            }
        }

        static String format(long frame, PoseEstimate estimate) {
            return frame + " " + estimate.status() + " " + estimate.position();
        }
    }

    /** Passes frame numbers on slowly and throws once after a checkpoint completed after {@code minRecords} of them. */
    private static final class FailOnceAfterCheckpoint extends RichMapFunction<Long, Long> implements CheckpointListener {
        private static final long serialVersionUID = 1L;

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
        public Long map(Long frame) throws Exception {
            records++;
            if (!FAILED.get() && recordsAtCompletedCheckpoint >= minRecords && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("Injected test failure at frame " + frame);
            }
            // Slow until the failure, slower while waiting for a checkpoint, so that one completes mid-stream.
            if (!FAILED.get()) {
                Thread.sleep(records < minRecords ? 40 : 200);
            }
            return frame;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            recordsAtCompletedCheckpoint = records;
        }
    }
}
