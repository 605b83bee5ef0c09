package io.uavstream.tracking.bench;

import io.uavstream.tracking.MultiObjectTracker;
import io.uavstream.tracking.TrackerConfig;
import io.uavstream.tracking.TrackerState;
import io.uavstream.tracking.TrackerStateSerializer;
import io.uavstream.tracking.Trackers;
import io.uavstream.tracking.testing.BusyScene;
import io.uavstream.tracking.testing.IdentityRecorder;
import io.uavstream.tracking.testing.LabeledDetection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the cost of {@link MultiObjectTracker#update} per frame on a {@link BusyScene} at
 * 30 fps with camera shake. It separately measures the keyed-state round trip that a Flink
 * operator pays per frame when it restores the tracker from state before each update and stores
 * the snapshot after it: snapshot, serialization, deserialization and restore. It also reports
 * how many track IDs each object got, with and without camera-motion compensation. Not a test:
 * run it with
 *
 * <pre>
 * mvn -o -q -pl tracking test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.uavstream.tracking.bench.TrackerBenchmark -Dexec.args="5000 50"
 * </pre>
 *
 * <p>Arguments: measured frames (default 5000) and objects (default 50). A warm-up of 2000
 * frames on another scene runs first so that the JIT compiler has compiled the update path.
 */
public final class TrackerBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(TrackerBenchmark.class);
    private static final int WARM_UP_FRAMES = 2000;

    private TrackerBenchmark() {
    }

    public static void main(String[] args) {
        int frameCount = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int objectCount = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        TrackerConfig config = TrackerConfig.defaults();

        run(config, BusyScene.generate(1, objectCount, WARM_UP_FRAMES, false));
        List<BusyScene.Frame> frames = BusyScene.generate(2, objectCount, frameCount, false);
        long[] updateNanos = new long[frameCount];
        long[] roundTripNanos = new long[frameCount];
        long stateBytes = run(config, frames, updateNanos, roundTripNanos);

        LOG.info("Tracker update, {} objects, {} frames at 30 fps: {}", objectCount, frameCount, summary(updateNanos));
        LOG.info("Keyed-state round trip per frame: {}; mean state {} bytes", summary(roundTripNanos),
                stateBytes / frameCount);
        LOG.info("Confirmed track IDs per tracked object (1.0 means no fragmentation): {} with camera-motion "
                + "compensation, {} without", String.format("%.2f", idsPerObject(config, frames)),
                String.format("%.2f", idsPerObject(config.toBuilder().cameraMotionCompensation(false).build(), frames)));
    }

    private static void run(TrackerConfig config, List<BusyScene.Frame> frames) {
        run(config, frames, new long[frames.size()], new long[frames.size()]);
    }

    /**
     * Runs the frames with a keyed-state round trip after each update and stores per-frame times.
     * Returns the total serialized state size in bytes.
     */
    private static long run(
            TrackerConfig config, List<BusyScene.Frame> frames, long[] updateNanos, long[] roundTripNanos) {
        MultiObjectTracker tracker = Trackers.create(config);
        long stateBytes = 0;
        for (int i = 0; i < frames.size(); i++) {
            BusyScene.Frame frame = frames.get(i);
            long start = System.nanoTime();
            tracker.update(frame.captureTimeMicros(), frame.trackerDetections(), frame.cameraMotion());
            long updated = System.nanoTime();
            byte[] state = TrackerStateSerializer.toBytes(tracker.snapshot());
            tracker = Trackers.restore(config, readState(state));
            long restored = System.nanoTime();
            stateBytes += state.length;
            updateNanos[i] = updated - start;
            roundTripNanos[i] = restored - updated;
        }
        return stateBytes;
    }

    private static TrackerState readState(byte[] bytes) {
        try {
            return TrackerStateSerializer.fromBytes(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the tracker state just written failed", e);
        }
    }

    /** Returns the mean number of CONFIRMED track IDs over the objects that got at least one. */
    private static double idsPerObject(TrackerConfig config, List<BusyScene.Frame> frames) {
        IdentityRecorder recorder = new IdentityRecorder(Trackers.create(config));
        Set<Integer> objects = new TreeSet<>();
        for (BusyScene.Frame frame : frames) {
            recorder.frame(frame.captureTimeMicros(), frame.detections(), frame.cameraMotion());
            for (LabeledDetection detection : frame.detections()) {
                objects.add(detection.objectId());
            }
        }
        long ids = 0;
        long trackedObjects = 0;
        for (int object : objects) {
            int count = recorder.trackIdsOf(object).size();
            if (object != LabeledDetection.CLUTTER && count > 0) {
                ids += count;
                trackedObjects++;
            }
        }
        return (double) ids / Math.max(trackedObjects, 1);
    }

    private static String summary(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0);
        return String.format("mean %.3f ms, median %.3f ms, p99 %.3f ms, max %.3f ms", mean / 1e6,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }
}
