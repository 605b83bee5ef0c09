package io.uavstream.operators;

import io.uavstream.analytics.TrackAnalyticsConfig;
import io.uavstream.motion.MotionEstimatorConfig;
import io.uavstream.odometry.CameraModel;
import io.uavstream.odometry.OdometryConfig;
import io.uavstream.tracking.TrackerConfig;
import io.uavstream.video.PacketDecoder;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/** Settings of the per-drone analysis, checked when built. Immutable. */
public final class AnalysisConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Default maximum age of a frame in live mode. */
    public static final Duration DEFAULT_MAX_FRAME_AGE = Duration.ofSeconds(5);

    /** Default time after which the decoder of a silent drone is freed. */
    public static final Duration DEFAULT_DECODER_IDLE_TIMEOUT = Duration.ofMinutes(2);

    /**
     * Default maximum of access units retained per drone to rebuild its decoder: a GOP of 10 s at
     * 60 frames per second, or of 20 s at 30.
     */
    public static final int DEFAULT_MAX_RETAINED_GOP_ACCESS_UNITS = 600;

    /** Default maximum of bytes retained per drone to rebuild its decoder: 10 s of video at 25 Mbit/s. */
    public static final long DEFAULT_MAX_RETAINED_GOP_BYTES = 32L * 1024 * 1024;

    /** Default length of the tumbling event-time windows of class counts. */
    public static final Duration DEFAULT_COUNT_WINDOW = Duration.ofSeconds(60);

    /** Default capture time a track must stay outside a zone before it exits. */
    public static final Duration DEFAULT_ZONE_EXIT_DELAY = Duration.ofSeconds(1);

    /** Default minimum capture time between two UPDATED events of one track. */
    public static final Duration DEFAULT_TRACK_UPDATE_INTERVAL = Duration.ofSeconds(1);

    /** Default maximum of detectors open at once per subtask when drones switch models. */
    public static final int DEFAULT_MAX_OPEN_MODELS = 4;

    private final String modelPath;
    private final int intraOpThreads;
    private final boolean modelControl;
    private final int maxOpenModels;
    private final boolean analytics;
    private final double maxAnalysedFps;
    private final boolean liveMode;
    private final Duration maxFrameAge;
    private final int maxFrameWidth;
    private final int maxFrameHeight;
    private final Duration decoderIdleTimeout;
    private final boolean artefactCheck;
    private final int maxRetainedGopAccessUnits;
    private final long maxRetainedGopBytes;
    private final boolean tracking;
    private final TrackerConfig trackerConfig;
    private final Duration trackUpdateInterval;
    private final MotionEstimatorConfig motionEstimator;
    private final TrackAnalyticsConfig analyticsConfig;
    private final CameraModel odometryCamera;
    private final OdometryConfig odometryConfig;

    private AnalysisConfig(Builder builder) {
        this.modelPath = builder.modelPath;
        this.intraOpThreads = builder.intraOpThreads;
        this.modelControl = builder.modelControl;
        this.maxOpenModels = builder.maxOpenModels;
        this.analytics = builder.analytics;
        this.maxAnalysedFps = builder.maxAnalysedFps;
        this.liveMode = builder.liveMode;
        this.maxFrameAge = builder.maxFrameAge;
        this.maxFrameWidth = builder.maxFrameWidth;
        this.maxFrameHeight = builder.maxFrameHeight;
        this.decoderIdleTimeout = builder.decoderIdleTimeout;
        this.artefactCheck = builder.artefactCheck;
        this.maxRetainedGopAccessUnits = builder.maxRetainedGopAccessUnits;
        this.maxRetainedGopBytes = builder.maxRetainedGopBytes;
        this.tracking = builder.tracking;
        this.trackerConfig = builder.cameraMotionCompensation == null
                ? builder.trackerConfig
                : builder.trackerConfig.toBuilder().cameraMotionCompensation(builder.cameraMotionCompensation).build();
        this.trackUpdateInterval = builder.trackUpdateInterval;
        this.motionEstimator = builder.motionEstimator;
        this.odometryCamera = builder.odometryCamera;
        this.odometryConfig = builder.odometryConfig;
        this.analyticsConfig = TrackAnalyticsConfig.builder()
                .countWindow(builder.countWindow)
                .exitDelay(builder.zoneExitDelay)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the job's model: the path of a descriptor ({@code .json}) or {@code .onnx} file as the
     * TaskManagers see it, or the ID of a model bundled in the job jar
     * ({@code io.uavstream.models.ModelReference} text form).
     */
    public String modelPath() {
        return modelPath;
    }

    /**
     * Returns whether model records of the control topic select each drone's model. Off in jobs
     * that pin their model, such as replays, which then ignore those records.
     */
    public boolean modelControl() {
        return modelControl;
    }

    /** Returns the maximum number of detectors open at once per subtask when drones switch models. */
    public int maxOpenModels() {
        return maxOpenModels;
    }

    /**
     * Returns whether zone, line and count analytics run on the zones of the control records; they
     * also need tracking. With it off, the control records only switch models.
     */
    public boolean analytics() {
        return analytics;
    }

    /** Returns the ONNX Runtime intra-op threads of each detector; one detector runs per task slot. */
    public int intraOpThreads() {
        return intraOpThreads;
    }

    /** Returns the maximum analysed frames per second per drone, by capture time; 0 for no limit. */
    public double maxAnalysedFps() {
        return maxAnalysedFps;
    }

    /** Returns whether frames older than {@link #maxFrameAge()} are skipped, to keep up with live video. */
    public boolean liveMode() {
        return liveMode;
    }

    /** Returns the age, from capture to analysis, beyond which live mode skips a frame. */
    public Duration maxFrameAge() {
        return maxFrameAge;
    }

    /** Returns the largest frame width in pixels the decoder accepts. */
    public int maxFrameWidth() {
        return maxFrameWidth;
    }

    /** Returns the largest frame height in pixels the decoder accepts. */
    public int maxFrameHeight() {
        return maxFrameHeight;
    }

    /** Returns how long a drone may send nothing before its decoder is freed. */
    public Duration decoderIdleTimeout() {
        return decoderIdleTimeout;
    }

    /** Returns whether decoded frames are checked for damage that FFmpeg cannot report. */
    public boolean artefactCheck() {
        return artefactCheck;
    }

    /**
     * Returns the maximum number of access units kept in state per drone to rebuild its decoder
     * after a restore or an idle timeout. The limit covers the current GOP and the units of the
     * previous GOP whose frames are still inside the decoder.
     */
    public int maxRetainedGopAccessUnits() {
        return maxRetainedGopAccessUnits;
    }

    /** Returns the maximum size in bytes of the access units kept per drone to rebuild its decoder. */
    public long maxRetainedGopBytes() {
        return maxRetainedGopBytes;
    }

    /** Returns whether each drone's detections are tracked, giving track IDs and track events. */
    public boolean tracking() {
        return tracking;
    }

    /** Returns the settings of each drone's multi-object tracker. */
    public TrackerConfig trackerConfig() {
        return trackerConfig;
    }

    /**
     * Returns whether the camera motion between analysed frames is estimated from the decoded
     * frames and passed to the tracker: only with tracking on and compensation on in the tracker config.
     */
    public boolean cameraMotionCompensation() {
        return tracking && trackerConfig.cameraMotionCompensation();
    }

    /** Returns the minimum capture time between two UPDATED events of one track; zero for one per matched frame. */
    public Duration trackUpdateInterval() {
        return trackUpdateInterval;
    }

    /** Returns the settings of the camera-motion estimator. */
    public MotionEstimatorConfig motionEstimator() {
        return motionEstimator;
    }

    /**
     * Returns the camera model of the drones' decoded frames for the visual odometry, or null when
     * the odometry is off. With it, every analysed frame gets a pose, and the odometry's
     * frame-to-frame homography replaces the camera-motion estimator for the tracker.
     */
    public CameraModel odometryCamera() {
        return odometryCamera;
    }

    /** Returns the visual odometry settings, used when {@link #odometryCamera()} is set. */
    public OdometryConfig odometryConfig() {
        return odometryConfig;
    }

    /**
     * Returns the settings of the zone, line and count analytics: the count window and the zone
     * exit delay, both in capture time, and the bottom centre of each box as its reference point.
     */
    public TrackAnalyticsConfig analyticsConfig() {
        return analyticsConfig;
    }

    @Override
    public String toString() {
        return "AnalysisConfig{modelPath=" + modelPath + ", intraOpThreads=" + intraOpThreads
                + ", modelControl=" + modelControl + ", maxOpenModels=" + maxOpenModels + ", analytics=" + analytics
                + ", maxAnalysedFps=" + maxAnalysedFps + ", liveMode=" + liveMode + ", maxFrameAge=" + maxFrameAge
                + ", maxFrameSize=" + maxFrameWidth + "x" + maxFrameHeight + ", decoderIdleTimeout=" + decoderIdleTimeout
                + ", artefactCheck=" + artefactCheck + ", maxRetainedGopAccessUnits=" + maxRetainedGopAccessUnits
                + ", maxRetainedGopBytes=" + maxRetainedGopBytes + ", tracking=" + tracking
                + ", trackerConfig=" + trackerConfig + ", trackUpdateInterval=" + trackUpdateInterval
                + ", motionEstimator=" + motionEstimator + ", analyticsConfig=" + analyticsConfig
                + ", odometryCamera=" + odometryCamera + ", odometryConfig=" + odometryConfig + "}";
    }

    /** Builder of {@link AnalysisConfig}; {@link #build()} checks all values. */
    public static final class Builder {
        private String modelPath;
        private int intraOpThreads = 1;
        private boolean modelControl = true;
        private int maxOpenModels = DEFAULT_MAX_OPEN_MODELS;
        private boolean analytics = true;
        private double maxAnalysedFps;
        private boolean liveMode;
        private Duration maxFrameAge = DEFAULT_MAX_FRAME_AGE;
        private int maxFrameWidth = PacketDecoder.DEFAULT_MAX_FRAME_WIDTH;
        private int maxFrameHeight = PacketDecoder.DEFAULT_MAX_FRAME_HEIGHT;
        private Duration decoderIdleTimeout = DEFAULT_DECODER_IDLE_TIMEOUT;
        private boolean artefactCheck = true;
        private int maxRetainedGopAccessUnits = DEFAULT_MAX_RETAINED_GOP_ACCESS_UNITS;
        private long maxRetainedGopBytes = DEFAULT_MAX_RETAINED_GOP_BYTES;
        private boolean tracking = true;
        private TrackerConfig trackerConfig = TrackerConfig.defaults();
        private Boolean cameraMotionCompensation;
        private Duration trackUpdateInterval = DEFAULT_TRACK_UPDATE_INTERVAL;
        private MotionEstimatorConfig motionEstimator = MotionEstimatorConfig.defaults();
        private CameraModel odometryCamera;
        private OdometryConfig odometryConfig = OdometryConfig.defaults();
        private Duration countWindow = DEFAULT_COUNT_WINDOW;
        private Duration zoneExitDelay = DEFAULT_ZONE_EXIT_DELAY;

        private Builder() {}

        /**
         * Sets the job's model, a path as the TaskManagers see it or the ID of a bundled model;
         * required.
         */
        public Builder modelPath(String modelPath) {
            this.modelPath = modelPath;
            return this;
        }

        /** Sets the ONNX Runtime intra-op threads per detector; at least 1, default 1. */
        public Builder intraOpThreads(int intraOpThreads) {
            this.intraOpThreads = intraOpThreads;
            return this;
        }

        /**
         * Sets whether model records of the control topic select each drone's model; on by default.
         * They take effect only when {@code DroneAnalysis.apply} is given the control records.
         */
        public Builder modelControl(boolean modelControl) {
            this.modelControl = modelControl;
            return this;
        }

        /**
         * Sets the maximum number of detectors open at once per subtask when drones switch models;
         * at least 1, default {@value AnalysisConfig#DEFAULT_MAX_OPEN_MODELS}. Beyond it, the least
         * recently used detector is closed and opened again when a frame needs it.
         */
        public Builder maxOpenModels(int maxOpenModels) {
            this.maxOpenModels = maxOpenModels;
            return this;
        }

        /**
         * Sets whether zone, line and count analytics run when control records are given; on by
         * default. They also need tracking.
         */
        public Builder analytics(boolean analytics) {
            this.analytics = analytics;
            return this;
        }

        /** Sets the maximum analysed frames per second per drone; 0 (the default) for no limit. */
        public Builder maxAnalysedFps(double maxAnalysedFps) {
            this.maxAnalysedFps = maxAnalysedFps;
            return this;
        }

        /** Sets whether frames older than the maximum frame age are skipped; off by default. */
        public Builder liveMode(boolean liveMode) {
            this.liveMode = liveMode;
            return this;
        }

        /** Sets the maximum frame age in live mode; positive, default 5 s. */
        public Builder maxFrameAge(Duration maxFrameAge) {
            this.maxFrameAge = maxFrameAge;
            return this;
        }

        /** Sets the largest frame width in pixels; positive, default 7680. */
        public Builder maxFrameWidth(int maxFrameWidth) {
            this.maxFrameWidth = maxFrameWidth;
            return this;
        }

        /** Sets the largest frame height in pixels; positive, default 4320. */
        public Builder maxFrameHeight(int maxFrameHeight) {
            this.maxFrameHeight = maxFrameHeight;
            return this;
        }

        /** Sets how long a silent drone keeps its decoder; positive, default 2 min. */
        public Builder decoderIdleTimeout(Duration decoderIdleTimeout) {
            this.decoderIdleTimeout = decoderIdleTimeout;
            return this;
        }

        /**
         * Sets whether frames are checked for damage that FFmpeg cannot report; on by default. The
         * check delays every frame by one frame.
         */
        public Builder artefactCheck(boolean artefactCheck) {
            this.artefactCheck = artefactCheck;
            return this;
        }

        /**
         * Sets the maximum number of access units retained per drone to rebuild its decoder; at
         * least 1, default {@value AnalysisConfig#DEFAULT_MAX_RETAINED_GOP_ACCESS_UNITS}. A longer GOP
         * is not retained, and a restore inside it drops access units until the next keyframe.
         */
        public Builder maxRetainedGopAccessUnits(int maxRetainedGopAccessUnits) {
            this.maxRetainedGopAccessUnits = maxRetainedGopAccessUnits;
            return this;
        }

        /**
         * Sets the maximum size in bytes of the access units retained per drone; at least 1, default
         * 32 MiB. A larger GOP is not retained, as for {@link #maxRetainedGopAccessUnits(int)}.
         */
        public Builder maxRetainedGopBytes(long maxRetainedGopBytes) {
            this.maxRetainedGopBytes = maxRetainedGopBytes;
            return this;
        }

        /** Sets whether each drone's detections are tracked; on by default. */
        public Builder tracking(boolean tracking) {
            this.tracking = tracking;
            return this;
        }

        /** Sets the tracker settings; default {@link TrackerConfig#defaults()}. */
        public Builder trackerConfig(TrackerConfig trackerConfig) {
            this.trackerConfig = Objects.requireNonNull(trackerConfig, "trackerConfig");
            return this;
        }

        /**
         * Sets whether the camera motion is estimated and compensated, overriding the tracker
         * config's setting, which is on by default. Turning it off saves the estimate's cost per
         * analysed frame.
         */
        public Builder cameraMotionCompensation(boolean cameraMotionCompensation) {
            this.cameraMotionCompensation = cameraMotionCompensation;
            return this;
        }

        /** Sets the minimum capture time between UPDATED events of one track; non-negative, default 1 s. */
        public Builder trackUpdateInterval(Duration trackUpdateInterval) {
            Objects.requireNonNull(trackUpdateInterval, "trackUpdateInterval");
            if (trackUpdateInterval.isNegative()) {
                throw new IllegalArgumentException("trackUpdateInterval must not be negative, got " + trackUpdateInterval);
            }
            this.trackUpdateInterval = trackUpdateInterval;
            return this;
        }

        /** Sets the camera-motion estimator settings; default {@link MotionEstimatorConfig#defaults()}. */
        public Builder motionEstimator(MotionEstimatorConfig motionEstimator) {
            this.motionEstimator = Objects.requireNonNull(motionEstimator, "motionEstimator");
            return this;
        }

        /**
         * Turns the visual odometry on for drones whose decoded frames this camera model describes
         * (frames of another size use it scaled); off by default.
         */
        public Builder visualOdometry(CameraModel camera, OdometryConfig config) {
            this.odometryCamera = Objects.requireNonNull(camera, "camera");
            this.odometryConfig = Objects.requireNonNull(config, "config");
            return this;
        }

        /** Sets the length of the tumbling windows of class counts, in capture time; positive, default 60 s. */
        public Builder countWindow(Duration countWindow) {
            this.countWindow = countWindow;
            return this;
        }

        /**
         * Sets the capture time a track must stay outside a zone before it exits, against flapping
         * at the edge; zero or positive, default 1 s.
         */
        public Builder zoneExitDelay(Duration zoneExitDelay) {
            this.zoneExitDelay = zoneExitDelay;
            return this;
        }

        /**
         * Returns the configuration.
         *
         * @throws IllegalArgumentException naming the first invalid setting
         */
        public AnalysisConfig build() {
            if (modelPath == null || modelPath.isBlank()) {
                throw new IllegalArgumentException(
                        "modelPath is required: the detector's .json or .onnx file, or the ID of a bundled model");
            }
            if (intraOpThreads < 1) {
                throw new IllegalArgumentException("intraOpThreads must be at least 1, got " + intraOpThreads);
            }
            if (maxOpenModels < 1) {
                throw new IllegalArgumentException("maxOpenModels must be at least 1, got " + maxOpenModels);
            }
            if (!(maxAnalysedFps >= 0) || Double.isInfinite(maxAnalysedFps)) {
                throw new IllegalArgumentException(
                        "maxAnalysedFps must be 0 (no limit) or a positive number, got " + maxAnalysedFps);
            }
            requirePositive("maxFrameAge", maxFrameAge);
            requirePositive("decoderIdleTimeout", decoderIdleTimeout);
            if (maxFrameWidth < 1 || maxFrameHeight < 1) {
                throw new IllegalArgumentException(
                        "maxFrameWidth and maxFrameHeight must be positive, got " + maxFrameWidth + "x" + maxFrameHeight);
            }
            if (maxRetainedGopAccessUnits < 1) {
                throw new IllegalArgumentException(
                        "maxRetainedGopAccessUnits must be at least 1, got " + maxRetainedGopAccessUnits);
            }
            if (maxRetainedGopBytes < 1) {
                throw new IllegalArgumentException(
                        "maxRetainedGopBytes must be at least 1, got " + maxRetainedGopBytes);
            }
            requirePositive("countWindow", countWindow);
            Objects.requireNonNull(zoneExitDelay, "zoneExitDelay");
            if (zoneExitDelay.isNegative()) {
                throw new IllegalArgumentException("zoneExitDelay must not be negative, got " + zoneExitDelay);
            }
            return new AnalysisConfig(this);
        }

        private static void requirePositive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
        }
    }
}
