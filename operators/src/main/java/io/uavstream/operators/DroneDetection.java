package io.uavstream.operators;

import io.uavstream.models.Detection;
import io.uavstream.models.ObjectDetector;
import io.uavstream.odometry.PoseEstimate;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.tracking.geometry.Homography;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-frame work of {@link DetectFunction}: the frame-rate and frame-age checks, the
 * detector, and the camera motion or visual odometry of the drone. It keeps its keyed state in the operator's
 * runtime context, so the operator's key must be the drone ID.
 */
final class DroneDetection {
    private static final Logger LOG = LoggerFactory.getLogger(DroneDetection.class);

    private final AnalysisConfig config;
    private final ValueState<Long> lastAnalysedCaptureMicros;
    private final AnalysisCounter framesAnalysed;
    private final AnalysisCounter framesSkipped;
    private final LogRateLimiter skipLog = new LogRateLimiter();
    private final DroneCameraMotion cameraMotion;
    private final DroneOdometry odometry;

    /** Registers the keyed state and counters in {@code context}; call it from the operator's {@code open}. */
    DroneDetection(RuntimeContext context, AnalysisConfig config) {
        this.config = config;
        lastAnalysedCaptureMicros = context.getState(
                new ValueStateDescriptor<>("last-analysed-capture-micros", Types.LONG));
        framesAnalysed = AnalysisCounter.register(context, AnalysisCounters.FRAMES_ANALYSED);
        framesSkipped = AnalysisCounter.register(context, AnalysisCounters.FRAMES_SKIPPED);
        if (config.odometryCamera() != null) {
            odometry = new DroneOdometry(context, config.odometryConfig(), config.odometryCamera());
            cameraMotion = null;
        } else if (config.cameraMotionCompensation()) {
            odometry = null;
            cameraMotion = new DroneCameraMotion(context, config.motionEstimator());
        } else {
            odometry = null;
            cameraMotion = null;
        }
    }

    /**
     * Returns whether the frame is to be analysed, and counts and logs it as skipped otherwise: when
     * its drone's previous analysed frame was captured less than {@code 1 / maxAnalysedFps} seconds
     * before it, or, in live mode, when it was captured longer than the maximum frame age ago.
     */
    boolean shouldAnalyse(DecodedVideoFrame frame) throws Exception {
        if (config.liveMode()) {
            long ageMicros = nowMicros() - frame.captureTimeMicros();
            if (ageMicros > config.maxFrameAge().toNanos() / 1000) {
                skip(frame, "it is " + ageMicros / 1000 + " ms old, over the maximum frame age of "
                        + config.maxFrameAge().toMillis() + " ms");
                return false;
            }
        }
        Long last = lastAnalysedCaptureMicros.value();
        if (config.maxAnalysedFps() > 0) {
            long minIntervalMicros = Math.round(1_000_000 / config.maxAnalysedFps());
            long sinceLast = last == null ? Long.MAX_VALUE : frame.captureTimeMicros() - last;
            // A capture time before the last one means a new session with other timestamps: analyse.
            if (sinceLast >= 0 && sinceLast < minIntervalMicros) {
                framesSkipped.inc();
                return false;
            }
        }
        return true;
    }

    /**
     * Runs {@code detector} on the frame and emits its {@link FrameDetections}, named after
     * {@code modelId}, with the frame's pose and camera motion.
     */
    void analyse(DecodedVideoFrame frame, ObjectDetector detector, String modelId, Collector<AnalysedFrame> out)
            throws Exception {
        Long last = lastAnalysedCaptureMicros.value();
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
