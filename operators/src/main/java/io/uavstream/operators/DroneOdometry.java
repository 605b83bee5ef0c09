package io.uavstream.operators;

import io.uavstream.models.BgrImage;
import io.uavstream.odometry.CameraModel;
import io.uavstream.odometry.FrameConversion;
import io.uavstream.odometry.OdometryConfig;
import io.uavstream.odometry.OdometrySnapshot;
import io.uavstream.odometry.OdometryStatus;
import io.uavstream.odometry.PoseEstimate;
import io.uavstream.odometry.Telemetry;
import io.uavstream.odometry.VisualOdometry;
import io.uavstream.odometry.VisualOdometryFactory;
import io.uavstream.tracking.geometry.Homography;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each drone's visual odometry for a keyed function, with the drone's tracking state in keyed
 * state: the odometry snapshot (keyframe features and their ground points, pose, scale source,
 * previous frame; {@link OdometrySnapshotTypeSerializer}) and the session it belongs to. The live
 * {@link VisualOdometry} objects stay in memory, at most {@value #MAX_DRONES} per subtask; a drone
 * without one, after a restore or after it was dropped from memory, continues from its keyed
 * state, so its pose goes on without a jump.
 *
 * <p>Call {@link #estimate} only from {@code processElement}, where the keyed state is the frame's
 * drone.
 *
 * <p>NOTE: the odometry sees only analysed frames. Below 2 analysed frames per second they are
 * farther apart than {@link OdometryConfig#maxFrameGapMicros()} (0.5 s by default), so every frame
 * restarts tracking.
 */
final class DroneOdometry {
    private static final Logger LOG = LoggerFactory.getLogger(DroneOdometry.class);

    /** Maximum drones per subtask whose live odometry is kept in memory. */
    static final int MAX_DRONES = 256;

    /** Counter of frames with a pose of status OK. */
    static final String POSES_OK = "odometryPosesOk";
    /** Counter of frames whose pose is LOST or REINITIALISING. */
    static final String POSES_NOT_OK = "odometryPosesNotOk";
    /** Counter of drones whose odometry continued from keyed state instead of memory. */
    static final String RESTORED = "odometryRestoredFromState";
    /** Counter of frames on which the odometry failed with an error; the drone's odometry restarts. */
    static final String FAILED = "odometryFailed";

    private record Live(String sessionId, VisualOdometry odometry) {}

    private final OdometryConfig config;
    private final CameraModel camera;
    private final ValueState<OdometrySnapshot> snapshots;
    private final ValueState<String> sessions;
    private final Map<String, Live> live = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Live> eldest) {
            return size() > MAX_DRONES;
        }
    };
    private final AnalysisCounter posesOk;
    private final AnalysisCounter posesNotOk;
    private final AnalysisCounter restored;
    private final AnalysisCounter failed;
    private final LogRateLimiter failureLog = new LogRateLimiter();

    /**
     * @param camera the camera model of the drones' decoded frames; a frame of another size uses
     *     the model scaled to it
     */
    DroneOdometry(RuntimeContext context, OdometryConfig config, CameraModel camera) {
        this.config = config;
        this.camera = camera;
        this.snapshots = context.getState(new ValueStateDescriptor<>("odometry-snapshot",
                OdometrySnapshotTypeSerializer.INSTANCE));
        this.sessions = context.getState(new ValueStateDescriptor<>("odometry-session", Types.STRING));
        this.posesOk = AnalysisCounter.register(context, POSES_OK);
        this.posesNotOk = AnalysisCounter.register(context, POSES_NOT_OK);
        this.restored = AnalysisCounter.register(context, RESTORED);
        this.failed = AnalysisCounter.register(context, FAILED);
    }

    /**
     * Estimates the pose of the drone's frame and stores the odometry's state. Returns empty when
     * the odometry failed with an error, which is logged and counted; the drone's odometry then
     * starts afresh with the next frame.
     */
    Optional<PoseEstimate> estimate(String droneId, String sessionId, long sequence, long captureTimeMicros,
            BgrImage image) throws IOException {
        try {
            VisualOdometry odometry = odometryFor(droneId, sessionId, image);
            PoseEstimate estimate = odometry.process(captureTimeMicros,
                    FrameConversion.toGrey(image.width(), image.height(), image.pixels()), Telemetry.NONE);
            snapshots.update(odometry.snapshot());
            sessions.update(sessionId);
            if (estimate.status() == OdometryStatus.OK) {
                posesOk.inc();
            } else {
                posesNotOk.inc();
            }
            return Optional.of(estimate);
        } catch (RuntimeException e) {
            // JavaCPP raises OpenCV's C++ exceptions as RuntimeException; a capture time that goes
            // back within a session raises IllegalArgumentException.
            failed.inc();
            live.remove(droneId);
            snapshots.clear();
            sessions.clear();
            long suppressed = failureLog.tryAcquire();
            if (suppressed >= 0) {
                LOG.warn("Drone {} session {}: visual odometry failed at frame {}; it restarts with the next frame"
                        + " ({} similar messages suppressed)", droneId, sessionId, sequence, suppressed, e);
            }
            return Optional.empty();
        }
    }

    /**
     * Returns the estimate's homography from the previous analysed frame to this one, for the
     * tracker's camera-motion compensation. Returns empty when there is none or it is degenerate.
     */
    Optional<Homography> frameToFrame(String droneId, PoseEstimate estimate) {
        double[] matrix = estimate.frameToFrameHomography();
        if (matrix == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Homography.of(matrix));
        } catch (IllegalArgumentException e) {
            long suppressed = failureLog.tryAcquire();
            if (suppressed >= 0) {
                LOG.info("Drone {}: odometry homography at {} us is degenerate, so the tracker predicts without"
                        + " compensation: {} ({} similar messages suppressed)", droneId, estimate.captureTimeMicros(),
                        e.getMessage(), suppressed);
            }
            return Optional.empty();
        }
    }

    /** Returns the camera model used for frames of the given size. */
    CameraModel cameraFor(int width, int height) {
        if (width == camera.width() && height == camera.height()) {
            return camera;
        }
        double sx = (double) width / camera.width();
        double sy = (double) height / camera.height();
        return new CameraModel(width, height, camera.fx() * sx, camera.fy() * sy, camera.cx() * sx, camera.cy() * sy,
                camera.k1(), camera.k2());
    }

    private VisualOdometry odometryFor(String droneId, String sessionId, BgrImage image) throws IOException {
        Live current = live.get(droneId);
        if (current != null && current.sessionId().equals(sessionId)) {
            return current.odometry();
        }
        VisualOdometry odometry = VisualOdometryFactory.create(config, cameraFor(image.width(), image.height()));
        OdometrySnapshot stored = snapshots.value();
        if (current == null && stored != null && sessionId.equals(sessions.value())
                && stored.frameWidth() == Math.min(image.width(), config.maxFrameWidth())) {
            odometry.restore(stored);
            restored.inc();
            LOG.info("Drone {} session {}: visual odometry continues from keyed state", droneId, sessionId);
        } else if (current != null) {
            LOG.info("Drone {}: new session {}, visual odometry starts afresh", droneId, sessionId);
        }
        live.put(droneId, new Live(sessionId, odometry));
        return odometry;
    }
}
