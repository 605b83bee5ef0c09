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
import io.uavstream.schemas.FlightTelemetry;
import io.uavstream.schemas.FramePose;
import io.uavstream.tracking.geometry.Homography;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each drone's visual odometry for a keyed function, with the drone's tracking state in keyed
 * state: the odometry snapshot (keyframe features and their ground points, pose, scale source,
 * previous frame; {@link OdometrySnapshotTypeSerializer}), the session it belongs to, and the WGS84
 * origin of its local frame, taken from the drone's first GPS fix of the session. The live
 * {@link VisualOdometry} objects stay in memory, at most {@value #MAX_DRONES} per subtask; a drone
 * without one, after a restore or after it was dropped from memory, continues from its keyed
 * state, so its pose goes on without a jump.
 *
 * <p>Each frame's telemetry ({@link OdometryTelemetry}) gives the odometry its height above ground
 * (metric scale), camera attitude and GPS fix. The odometry rejects a fix that jumps away from the
 * visual track, and a missing fix leaves the pose to the video alone.
 *
 * <p>Call {@link #estimate} and {@link #poseRecord} only from {@code processElement}, where the
 * keyed state is the frame's drone.
 *
 * <p>NOTE: the odometry receives only analysed frames. Below 2 analysed frames per second they are
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
    /** Counter of frames whose telemetry was older than {@link #MAX_TELEMETRY_AGE_MICROS} and so left out. */
    static final String TELEMETRY_STALE = "odometryTelemetryStale";
    /** Counter of GPS fixes that the odometry rejected as jumps. */
    static final String GPS_REJECTED = "odometryGpsRejected";

    /**
     * Maximum age of a telemetry sample relative to its frame's capture time, in microseconds. An
     * older sample means the telemetry stopped, so the frame is processed without it.
     */
    static final long MAX_TELEMETRY_AGE_MICROS = 1_000_000;

    private record Live(String sessionId, VisualOdometry odometry) {}

    private final OdometryConfig config;
    private final CameraModel camera;
    private final ValueState<OdometrySnapshot> snapshots;
    private final ValueState<String> sessions;
    private final ValueState<double[]> origins;
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
    private final AnalysisCounter staleTelemetry;
    private final AnalysisCounter gpsRejected;
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
        this.origins = context.getState(new ValueStateDescriptor<>("odometry-origin",
                PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO));
        this.posesOk = AnalysisCounter.register(context, POSES_OK);
        this.posesNotOk = AnalysisCounter.register(context, POSES_NOT_OK);
        this.restored = AnalysisCounter.register(context, RESTORED);
        this.failed = AnalysisCounter.register(context, FAILED);
        this.staleTelemetry = AnalysisCounter.register(context, TELEMETRY_STALE);
        this.gpsRejected = AnalysisCounter.register(context, GPS_REJECTED);
    }

    /**
     * Estimates the pose of the drone's frame and stores the odometry's state. Returns empty when
     * the odometry failed with an error, which is logged and counted; the drone's odometry then
     * starts afresh with the next frame.
     *
     * @param telemetry the telemetry that the frame's access unit carried, or null
     */
    Optional<PoseEstimate> estimate(String droneId, String sessionId, long sequence, long captureTimeMicros,
            BgrImage image, FlightTelemetry telemetry) throws IOException {
        try {
            VisualOdometry odometry = odometryFor(droneId, sessionId, image);
            Telemetry frameTelemetry = telemetryOf(telemetry, captureTimeMicros);
            PoseEstimate estimate = odometry.process(captureTimeMicros,
                    FrameConversion.toGrey(image.width(), image.height(), image.pixels()), frameTelemetry);
            // NOTE: the snapshot contains the previous grey frame (about 300 KB at 640x480), so with
            // RocksDB every frame serializes it. Replays use heap state for that reason, and the live job does not.
            snapshots.update(odometry.snapshot());
            sessions.update(sessionId);
            if (estimate.status() == OdometryStatus.OK) {
                posesOk.inc();
            } else {
                posesNotOk.inc();
            }
            if (estimate.gpsRejected()) {
                gpsRejected.inc();
                LOG.debug("Drone {} session {}: GPS fix of frame {} rejected as a jump", droneId, sessionId, sequence);
            }
            return Optional.of(estimate);
        } catch (RuntimeException e) {
            // JavaCPP raises OpenCV's C++ exceptions as RuntimeException; a capture time that goes
            // back within a session raises IllegalArgumentException.
            failed.inc();
            live.remove(droneId);
            snapshots.clear();
            sessions.clear();
            origins.clear();
            long suppressed = failureLog.tryAcquire();
            if (suppressed >= 0) {
                LOG.warn("Drone {} session {}: visual odometry failed at frame {}; it restarts with the next frame"
                        + " ({} similar messages suppressed)", droneId, sessionId, sequence, suppressed, e);
            }
            return Optional.empty();
        }
    }

    /**
     * Returns the Avro pose of the drone's estimate, with the WGS84 origin of its local frame when
     * the estimate is georeferenced.
     */
    FramePose poseRecord(PoseEstimate estimate, BgrImage image) throws IOException {
        return FramePoses.toAvro(estimate, cameraFor(image.width(), image.height()), origins.value());
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

    /**
     * Returns the odometry telemetry of a frame, setting the drone's origin at its first fix.
     * Returns {@link Telemetry#NONE} without telemetry or when the sample is stale.
     */
    private Telemetry telemetryOf(FlightTelemetry telemetry, long captureTimeMicros) throws IOException {
        if (telemetry == null) {
            return Telemetry.NONE;
        }
        long sampleMicros = ChronoUnit.MICROS.between(Instant.EPOCH, telemetry.getSampleTimeMicros());
        if (captureTimeMicros - sampleMicros > MAX_TELEMETRY_AGE_MICROS) {
            staleTelemetry.inc();
            return Telemetry.NONE;
        }
        double[] origin = origins.value();
        if (origin == null) {
            origin = OdometryTelemetry.originOf(telemetry);
            if (origin != null) {
                origins.update(origin);
            }
        }
        return OdometryTelemetry.toOdometry(telemetry, origin);
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
        } else {
            // A fresh odometry builds a new local frame, so the origin of the old one goes.
            origins.clear();
            if (current != null) {
                LOG.info("Drone {}: new session {}, visual odometry starts afresh", droneId, sessionId);
            }
        }
        live.put(droneId, new Live(sessionId, odometry));
        return odometry;
    }
}
