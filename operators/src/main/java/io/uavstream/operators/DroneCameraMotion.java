package io.uavstream.operators;

import io.uavstream.motion.CameraMotionEstimator;
import io.uavstream.motion.FrameFeatures;
import io.uavstream.motion.MotionEstimate;
import io.uavstream.motion.MotionEstimatorConfig;
import io.uavstream.motion.MotionStep;
import io.uavstream.tracking.geometry.Homography;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Estimates, for {@link DetectFunction}, each drone's camera motion from its previous analysed
 * frame to the current one with a {@link CameraMotionEstimator}.
 *
 * <p>The previous frame's grey copy and corners stay in memory per drone and never in state, so
 * after a restore the first frame of each drone has no estimate; that is counted. Memory: about
 * {@code width * height} bytes of the grey frame per drone, 130 KB at the default 480 pixels wide
 * for 16:9 video, for at most {@value #MAX_DRONES} drones per subtask. The least recently analysed
 * drone beyond that limit loses its previous frame.
 */
final class DroneCameraMotion {
    private static final Logger LOG = LoggerFactory.getLogger(DroneCameraMotion.class);

    /** Maximum drones per subtask whose previous frame is kept. */
    static final int MAX_DRONES = 256;

    /** The features of a drone's previous analysed frame, and its session. */
    private record Reference(String sessionId, FrameFeatures features) {}

    private final CameraMotionEstimator estimator;
    private final Map<String, Reference> references = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Reference> eldest) {
            return size() > MAX_DRONES;
        }
    };
    private final AnalysisCounter estimated;
    private final AnalysisCounter failed;
    private final AnalysisCounter referenceLost;
    private final LogRateLimiter failureLog = new LogRateLimiter();
    private final LogRateLimiter referenceLostLog = new LogRateLimiter();

    DroneCameraMotion(RuntimeContext context, MotionEstimatorConfig config) {
        this.estimator = new CameraMotionEstimator(config);
        this.estimated = AnalysisCounter.register(context, AnalysisCounters.CAMERA_MOTION_ESTIMATED);
        this.failed = AnalysisCounter.register(context, AnalysisCounters.CAMERA_MOTION_FAILED);
        this.referenceLost = AnalysisCounter.register(context, AnalysisCounters.CAMERA_MOTION_REFERENCE_LOST);
    }

    /**
     * Returns the homography from the pixels of the drone's previous analysed frame to those of
     * {@code frame}, and keeps {@code frame} as the drone's previous frame. The result is empty for
     * the first frame of a session, when the previous frame is not in memory, and when the
     * estimate fails.
     *
     * @param analysedBefore whether keyed state shows an earlier analysed frame of the drone, so
     *     that a missing previous frame was lost rather than never seen
     */
    Optional<Homography> estimate(DecodedVideoFrame frame, boolean analysedBefore) {
        String droneId = frame.droneId();
        MotionEstimate estimate;
        try {
            Reference previous = references.get(droneId);
            if (previous == null || !previous.sessionId().equals(frame.sessionId())) {
                references.put(droneId, new Reference(frame.sessionId(), estimator.features(frame.image())));
                countMissingReference(frame, previous == null && analysedBefore);
                return Optional.empty();
            }
            MotionStep step = estimator.step(previous.features(), frame.image());
            references.put(droneId, new Reference(frame.sessionId(), step.features()));
            estimate = step.estimate();
        } catch (RuntimeException e) {
            // JavaCPP raises OpenCV's C++ exceptions as RuntimeException. The frame is analysed without an estimate.
            references.remove(droneId);
            failed.inc();
            LOG.warn("Drone {} session {}: estimating the camera motion at frame {} failed in OpenCV", droneId,
                    frame.sessionId(), frame.sequence(), e);
            return Optional.empty();
        }
        if (estimate.succeeded()) {
            estimated.inc();
            return estimate.toOptional();
        }
        failed.inc();
        long suppressed = failureLog.tryAcquire();
        if (suppressed >= 0) {
            LOG.info("Drone {} session {}: no camera-motion estimate for frame {} because {}; the tracker predicts"
                    + " without compensation ({} similar messages suppressed)", droneId, frame.sessionId(),
                    frame.sequence(), estimate.failure(), suppressed);
        }
        return Optional.empty();
    }

    private void countMissingReference(DecodedVideoFrame frame, boolean lost) {
        if (!lost) {
            return;
        }
        referenceLost.inc();
        long suppressed = referenceLostLog.tryAcquire();
        if (suppressed >= 0) {
            LOG.info("Drone {} session {}: frame {} has no camera-motion estimate, because the previous frame was lost"
                    + " in a restore or dropped from memory ({} similar messages suppressed)", frame.droneId(),
                    frame.sessionId(), frame.sequence(), suppressed);
        }
    }
}
