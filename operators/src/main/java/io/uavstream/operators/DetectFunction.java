package io.uavstream.operators;

import io.uavstream.models.Detection;
import io.uavstream.models.ObjectDetector;
import io.uavstream.models.ObjectDetectors;
import io.uavstream.odometry.PoseEstimate;
import io.uavstream.schemas.FrameDetections;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import io.uavstream.tracking.geometry.Homography;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the object detector on decoded frames, keyed by drone ID, and emits one
 * {@link FrameDetections} per analysed frame. With camera-motion compensation on, it also
 * estimates the camera motion since the drone's previous analysed frame ({@link DroneCameraMotion})
 * while the decoded frame is still at hand, and passes it on in the {@link AnalysedFrame}. With the
 * visual odometry on ({@link AnalysisConfig#odometryCamera()}), {@link DroneOdometry} gives every
 * analysed frame its pose, and its frame-to-frame homography replaces that estimate.
 *
 * <p>Each subtask (task slot) opens one {@link ObjectDetector} in {@link #open} and closes it in
 * {@link #close()}. A frame is skipped, and counted, when its drone's previous analysed frame was
 * captured less than {@code 1 / maxAnalysedFps} seconds before it, or, in live mode, when it was
 * captured longer than the maximum frame age ago.
 */
final class DetectFunction extends KeyedProcessFunction<String, DecodedVideoFrame, AnalysedFrame> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DetectFunction.class);

    private final AnalysisConfig config;

    private transient ObjectDetector detector;
    private transient String modelId;
    private transient ValueState<Long> lastAnalysedCaptureMicros;
    private transient AnalysisCounter framesAnalysed;
    private transient AnalysisCounter framesSkipped;
    private transient LogRateLimiter skipLog;
    private transient DroneCameraMotion cameraMotion;
    private transient DroneOdometry odometry;

    DetectFunction(AnalysisConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext openContext) {
        lastAnalysedCaptureMicros = getRuntimeContext().getState(
                new ValueStateDescriptor<>("last-analysed-capture-micros", Types.LONG));
        framesAnalysed = AnalysisCounter.register(getRuntimeContext(), AnalysisCounters.FRAMES_ANALYSED);
        framesSkipped = AnalysisCounter.register(getRuntimeContext(), AnalysisCounters.FRAMES_SKIPPED);
        skipLog = new LogRateLimiter();
        if (config.odometryCamera() != null) {
            odometry = new DroneOdometry(getRuntimeContext(), config.odometryConfig(), config.odometryCamera());
        } else if (config.cameraMotionCompensation()) {
            cameraMotion = new DroneCameraMotion(getRuntimeContext(), config.motionEstimator());
        }
        detector = ObjectDetectors.open(Path.of(config.modelPath()), config.intraOpThreads());
        modelId = detector.descriptor().id();
        LOG.info("Subtask {} opened detector {} from {} with {} intra-op threads",
                getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(), modelId, config.modelPath(),
                config.intraOpThreads());
    }

    @Override
    public void processElement(DecodedVideoFrame frame, Context ctx, Collector<AnalysedFrame> out)
            throws Exception {
        long nowMicros = nowMicros();
        if (config.liveMode()) {
            long ageMicros = nowMicros - frame.captureTimeMicros();
            if (ageMicros > config.maxFrameAge().toNanos() / 1000) {
                skip(frame, "it is " + ageMicros / 1000 + " ms old, over the maximum frame age of "
                        + config.maxFrameAge().toMillis() + " ms");
                return;
            }
        }
        Long last = lastAnalysedCaptureMicros.value();
        if (config.maxAnalysedFps() > 0) {
            long minIntervalMicros = Math.round(1_000_000 / config.maxAnalysedFps());
            long sinceLast = last == null ? Long.MAX_VALUE : frame.captureTimeMicros() - last;
            // A capture time before the last one means a new session with other timestamps: analyse.
            if (sinceLast >= 0 && sinceLast < minIntervalMicros) {
                framesSkipped.inc();
                return;
            }
        }

        List<Detection> detections = detector.detect(frame.image());
        FrameDetections records = DetectionRecords.toFrameDetections(frame, detections, modelId, nowMicros());
        Homography motion = null;
        if (odometry != null) {
            // The odometry's frame-to-frame homography serves the tracker, so motion is estimated once.
            PoseEstimate pose = odometry.estimate(frame.droneId(), frame.sessionId(), frame.sequence(),
                    frame.captureTimeMicros(), frame.image(), frame.telemetry()).orElse(null);
            if (pose != null) {
                records.setPose(odometry.poseRecord(pose, frame.image()));
                motion = config.cameraMotionCompensation() ? odometry.frameToFrame(frame.droneId(), pose).orElse(null) : null;
            }
        } else if (cameraMotion != null) {
            motion = cameraMotion.estimate(frame, last != null).orElse(null);
        }
        out.collect(new AnalysedFrame(records, motion));
        framesAnalysed.inc();
        lastAnalysedCaptureMicros.update(frame.captureTimeMicros());
    }

    @Override
    public void close() {
        if (detector != null) {
            detector.close();
            detector = null;
        }
    }

    private void skip(DecodedVideoFrame frame, String reason) {
        framesSkipped.inc();
        long suppressed = skipLog.tryAcquire();
        if (suppressed >= 0) {
            LOG.info("Drone {} session {}: skipped frame {} because {} ({} similar messages suppressed)",
                    frame.droneId(), frame.sessionId(), frame.sequence(), reason, suppressed);
        }
    }

    private static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}
