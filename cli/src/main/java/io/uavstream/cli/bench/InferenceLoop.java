package io.uavstream.cli.bench;

import io.uavstream.models.ObjectDetector;
import io.uavstream.models.ObjectDetectors;
import io.uavstream.video.DecodedFrame;
import java.nio.file.Path;

/**
 * The bare baseline of the pipeline benchmark: decodes a video with FFmpeg and times only the
 * detector's {@code detect} call on each frame, with no Kafka and no Flink.
 */
public final class InferenceLoop {

    /** Frames detected before timing starts, so that ONNX Runtime's first-run costs are left out. */
    private static final int WARM_UP_FRAMES = 5;

    private InferenceLoop() {}

    /**
     * Result of one loop.
     *
     * @param frames frames timed
     * @param inferenceSeconds summed wall time of the timed {@code detect} calls
     * @param boxes detections over the timed frames
     */
    public record Result(long frames, double inferenceSeconds, long boxes) {

        /** Frames per second of inference alone. */
        public double fps() {
            return inferenceSeconds <= 0 ? 0 : frames / inferenceSeconds;
        }
    }

    /** Runs the detector over every frame of {@code video}, up to {@code maxFrames} (0 for all). */
    public static Result run(Path video, Path model, int intraOpThreads, long maxFrames) {
        try (ObjectDetector detector = ObjectDetectors.open(model, intraOpThreads)) {
            Timer timer = new Timer(detector, maxFrames);
            VideoFrames.forEach(video, timer::detect);
            return timer.result();
        }
    }

    /** Times the detector over frames as they are decoded. */
    private static final class Timer {
        private final ObjectDetector detector;
        private final long maxFrames;
        private long seen;
        private long frames;
        private long nanos;
        private long boxes;

        Timer(ObjectDetector detector, long maxFrames) {
            this.detector = detector;
            this.maxFrames = maxFrames;
        }

        boolean done() {
            return maxFrames > 0 && frames >= maxFrames;
        }

        /** Times the detector on one frame; returns whether more frames are wanted. */
        boolean detect(DecodedFrame frame) {
            long start = System.nanoTime();
            int found = detector.detect(frame.image()).size();
            long elapsed = System.nanoTime() - start;
            if (seen++ >= WARM_UP_FRAMES) {
                frames++;
                nanos += elapsed;
                boxes += found;
            }
            return !done();
        }

        Result result() {
            return new Result(frames, nanos / 1e9, boxes);
        }
    }
}
