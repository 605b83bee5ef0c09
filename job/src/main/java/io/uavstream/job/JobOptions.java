package io.uavstream.job;

import io.uavstream.models.ModelReference;
import io.uavstream.operators.AnalysisConfig;
import io.uavstream.schemas.Topics;
import io.uavstream.video.PacketDecoder;
import io.uavstream.sinks.AvroKafkaSinkBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.flink.util.TimeUtils;

/**
 * Settings of one uavstream job: where it reads video and writes detections, which model it runs,
 * and how it checkpoints. Build with {@link #builder()} or parse command-line arguments with
 * {@link #fromArgs(String[])}. Every setter validates its argument at once, and error messages
 * name the command-line option, for example {@code --checkpoint-interval}.
 */
public final class JobOptions {

    /** Default consumer group, also the default transactional ID prefix. */
    public static final String DEFAULT_GROUP_ID = "uavstream";
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_MAX_OUT_OF_ORDERNESS = Duration.ofSeconds(1);
    public static final Duration DEFAULT_IDLENESS = Duration.ofSeconds(30);
    public static final String DEFAULT_JOB_NAME = "uavstream";
    public static final Duration DEFAULT_CONTROL_IDLENESS = Duration.ofSeconds(1);

    private final String bootstrapServers;
    private final String videoTopic;
    private final String detectionsTopic;
    private final String deadLetterTopic;
    private final String trackEventsTopic;
    private final String analyticsEventsTopic;
    private final String controlTopic;
    private final String groupId;
    private final StartingOffsets startingOffsets;
    private final boolean bounded;
    private final ModelReference model;
    private final boolean modelControl;
    private final String outputDirectory;
    private final double maxAnalysedFps;
    private final boolean liveMode;
    private final Duration maxFrameAge;
    private final FrameSize maxFrameSize;
    private final Duration decoderIdleTimeout;
    private final boolean artefactCheck;
    private final boolean tracking;
    private final boolean cameraMotionCompensation;
    private final Path cameraIntrinsics;
    private final Duration trackUpdateInterval;
    private final boolean analytics;
    private final Duration countWindow;
    private final Duration zoneExitDelay;
    private final Duration controlIdleness;
    private final Duration checkpointInterval;
    private final Integer parallelism;
    private final Integer intraOpThreads;
    private final Duration maxOutOfOrderness;
    private final Duration idleness;
    private final String transactionalIdPrefix;
    private final Duration transactionTimeout;
    private final String jobName;

    private JobOptions(Builder builder) {
        this.bootstrapServers = builder.bootstrapServers;
        this.videoTopic = builder.videoTopic;
        this.detectionsTopic = builder.detectionsTopic;
        this.deadLetterTopic = builder.deadLetterTopic;
        this.trackEventsTopic = builder.trackEventsTopic;
        this.analyticsEventsTopic = builder.analyticsEventsTopic;
        this.controlTopic = builder.controlTopic;
        this.groupId = builder.groupId;
        this.startingOffsets = builder.startingOffsets;
        this.bounded = builder.bounded;
        this.model = builder.model;
        this.modelControl = builder.modelControl;
        this.outputDirectory = builder.outputDirectory;
        this.maxAnalysedFps = builder.maxAnalysedFps;
        this.liveMode = builder.liveMode;
        this.maxFrameAge = builder.maxFrameAge;
        this.maxFrameSize = builder.maxFrameSize;
        this.decoderIdleTimeout = builder.decoderIdleTimeout;
        this.artefactCheck = builder.artefactCheck;
        this.tracking = builder.tracking;
        this.cameraMotionCompensation = builder.cameraMotionCompensation;
        this.cameraIntrinsics = builder.cameraIntrinsics;
        this.trackUpdateInterval = builder.trackUpdateInterval;
        this.analytics = builder.analytics;
        this.countWindow = builder.countWindow;
        this.zoneExitDelay = builder.zoneExitDelay;
        this.controlIdleness = builder.controlIdleness;
        this.checkpointInterval = builder.checkpointInterval;
        this.parallelism = builder.parallelism;
        this.intraOpThreads = builder.intraOpThreads;
        this.maxOutOfOrderness = builder.maxOutOfOrderness;
        this.idleness = builder.idleness;
        this.transactionalIdPrefix = builder.transactionalIdPrefix == null ? builder.groupId : builder.transactionalIdPrefix;
        this.transactionTimeout = builder.transactionTimeout;
        this.jobName = builder.jobName;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses command-line arguments of the form {@code --option value}, as listed by {@link #usage()}.
     *
     * @throws IllegalArgumentException naming the option, if an option is unknown, lacks a value,
     *     has an invalid value, or a required option is missing
     */
    public static JobOptions fromArgs(String[] args) {
        return JobOptionsParser.parse(args);
    }

    /** Returns the help text that lists every option with its unit and default. */
    public static String usage() {
        return JobOptionsParser.usage();
    }

    /**
     * Returns the default ONNX Runtime intra-op thread count: the cores per task slot, at least 1,
     * so that the slots of one TaskManager together use about as many threads as it has cores.
     */
    public static int defaultIntraOpThreads(int cores, int slotsPerTaskManager) {
        if (cores < 1 || slotsPerTaskManager < 1) {
            throw new IllegalArgumentException("cores and slotsPerTaskManager must be at least 1, got "
                    + cores + " and " + slotsPerTaskManager);
        }
        return Math.max(1, cores / slotsPerTaskManager);
    }

    /** Kafka {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String videoTopic() {
        return videoTopic;
    }

    public String detectionsTopic() {
        return detectionsTopic;
    }

    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    /** Topic of track events, written only with {@link #tracking()} on. */
    public String trackEventsTopic() {
        return trackEventsTopic;
    }

    /** Topic of zone, line and class-count events, written only when {@link #analyticsEnabled()}. */
    public String analyticsEventsTopic() {
        return analyticsEventsTopic;
    }

    /**
     * Topic of zone and line definitions, JSON documents keyed by drone ID, and of model records,
     * keyed {@code model:<drone ID>} or {@code model:*}. The job reads it from the earliest offset
     * when {@link #readsControlTopic()}.
     */
    public String controlTopic() {
        return controlTopic;
    }

    /** Kafka consumer group of the video source, which commits its offsets on each checkpoint. */
    public String groupId() {
        return groupId;
    }

    public StartingOffsets startingOffsets() {
        return startingOffsets;
    }

    /** Returns whether the job stops at the latest offsets of the video topic seen at start. */
    public boolean bounded() {
        return bounded;
    }

    /**
     * Returns the job's model: a model descriptor ({@code .json}) or ONNX file at a path that exists on
     * every TaskManager, or the ID of a model bundled in the job jar, which each TaskManager
     * extracts from its class path. Default: the bundled default model.
     */
    public ModelReference model() {
        return model;
    }

    /**
     * Returns whether model records of {@link #controlTopic()} switch drones to other models while the
     * job runs (default true).
     */
    public boolean modelControl() {
        return modelControl;
    }

    /** Returns whether the job reads {@link #controlTopic()}: for analytics or for model switching. */
    public boolean readsControlTopic() {
        return analyticsEnabled() || modelControl;
    }

    /** Directory or file-system URI for JSON-lines output, empty when the job writes none. */
    public Optional<String> outputDirectory() {
        return Optional.ofNullable(outputDirectory);
    }

    /** Maximum analysed frames per second per drone, 0 for every decoded frame. */
    public double maxAnalysedFps() {
        return maxAnalysedFps;
    }

    /** Returns whether frames older than {@link #maxFrameAge()} are skipped to keep up with live video. */
    public boolean liveMode() {
        return liveMode;
    }

    /** Maximum frame age in live mode, empty for {@link AnalysisConfig#DEFAULT_MAX_FRAME_AGE}. */
    public Optional<Duration> maxFrameAge() {
        return Optional.ofNullable(maxFrameAge);
    }

    /**
     * Largest frame the decoder accepts, empty for the decoder default of
     * {@link PacketDecoder#DEFAULT_MAX_FRAME_WIDTH} by {@link PacketDecoder#DEFAULT_MAX_FRAME_HEIGHT}.
     */
    public Optional<FrameSize> maxFrameSize() {
        return Optional.ofNullable(maxFrameSize);
    }

    /**
     * Time without packets after which a drone's decoder is closed, empty for
     * {@link AnalysisConfig#DEFAULT_DECODER_IDLE_TIMEOUT}.
     */
    public Optional<Duration> decoderIdleTimeout() {
        return Optional.ofNullable(decoderIdleTimeout);
    }

    /** Returns whether decoded frames are checked for damage that FFmpeg does not report (default true). */
    public boolean artefactCheck() {
        return artefactCheck;
    }

    /** Returns whether each drone's objects are tracked, giving track IDs and track events (default true). */
    public boolean tracking() {
        return tracking;
    }

    /**
     * Returns whether the camera motion between analysed frames is estimated and compensated in
     * tracking (default true); it has no effect with tracking off.
     */
    public boolean cameraMotionCompensation() {
        return cameraMotionCompensation;
    }

    /**
     * Camera model file (JSON with width, height, fx, fy, cx, cy and optional k1, k2) that turns
     * the visual odometry on. The job reads it when it is built. Empty when the odometry is off.
     */
    public Optional<Path> cameraIntrinsics() {
        return Optional.ofNullable(cameraIntrinsics);
    }

    /**
     * Minimum capture time between two UPDATED events of one track, empty for
     * {@link AnalysisConfig#DEFAULT_TRACK_UPDATE_INTERVAL}; zero emits one per matched frame.
     */
    public Optional<Duration> trackUpdateInterval() {
        return Optional.ofNullable(trackUpdateInterval);
    }

    /** Returns whether zone, line and count analytics are on, as set (default true); see {@link #analyticsEnabled()}. */
    public boolean analytics() {
        return analytics;
    }

    /** Returns whether the job runs zone, line and count analytics: with analytics and tracking both on. */
    public boolean analyticsEnabled() {
        return analytics && tracking;
    }

    /** Length of the tumbling windows of class counts, empty for {@link AnalysisConfig#DEFAULT_COUNT_WINDOW}. */
    public Optional<Duration> countWindow() {
        return Optional.ofNullable(countWindow);
    }

    /**
     * Capture time a track must stay outside a zone before it exits, empty for
     * {@link AnalysisConfig#DEFAULT_ZONE_EXIT_DELAY}.
     */
    public Optional<Duration> zoneExitDelay() {
        return Optional.ofNullable(zoneExitDelay);
    }

    /**
     * Time without control records after which the control source stops holding back the
     * watermark, and so the longest that frames wait after the control records before them.
     */
    public Duration controlIdleness() {
        return controlIdleness;
    }

    public Duration checkpointInterval() {
        return checkpointInterval;
    }

    /** Job parallelism, empty for the cluster default. */
    public OptionalInt parallelism() {
        return parallelism == null ? OptionalInt.empty() : OptionalInt.of(parallelism);
    }

    /** ONNX Runtime intra-op threads per subtask, empty for {@link #defaultIntraOpThreads}. */
    public OptionalInt intraOpThreads() {
        return intraOpThreads == null ? OptionalInt.empty() : OptionalInt.of(intraOpThreads);
    }

    /** Watermark bound on how late a packet may arrive compared with the latest one. */
    public Duration maxOutOfOrderness() {
        return maxOutOfOrderness;
    }

    /** Time without records after which a source split stops holding back the watermark. */
    public Duration idleness() {
        return idleness;
    }

    /** Prefix of the Kafka transactional IDs of all Kafka sinks, by default the consumer group. */
    public String transactionalIdPrefix() {
        return transactionalIdPrefix;
    }

    public Duration transactionTimeout() {
        return transactionTimeout;
    }

    public String jobName() {
        return jobName;
    }

    @Override
    public String toString() {
        return "JobOptions{bootstrapServers=" + bootstrapServers + ", videoTopic=" + videoTopic
                + ", detectionsTopic=" + detectionsTopic + ", deadLetterTopic=" + deadLetterTopic
                + ", trackEventsTopic=" + trackEventsTopic + ", analyticsEventsTopic=" + analyticsEventsTopic
                + ", controlTopic=" + controlTopic
                + ", groupId=" + groupId + ", startingOffsets=" + startingOffsets + ", bounded=" + bounded
                + ", model=" + model + ", modelControl=" + modelControl + ", outputDirectory=" + outputDirectory
                + ", maxAnalysedFps=" + maxAnalysedFps + ", liveMode=" + liveMode + ", maxFrameAge=" + maxFrameAge
                + ", maxFrameSize=" + maxFrameSize + ", decoderIdleTimeout=" + decoderIdleTimeout
                + ", artefactCheck=" + artefactCheck + ", tracking=" + tracking
                + ", cameraMotionCompensation=" + cameraMotionCompensation + ", cameraIntrinsics=" + cameraIntrinsics
                + ", trackUpdateInterval=" + trackUpdateInterval + ", analytics=" + analytics
                + ", countWindow=" + countWindow + ", zoneExitDelay=" + zoneExitDelay
                + ", controlIdleness=" + controlIdleness
                + ", checkpointInterval=" + checkpointInterval + ", parallelism=" + parallelism
                + ", intraOpThreads=" + intraOpThreads + ", maxOutOfOrderness=" + maxOutOfOrderness
                + ", idleness=" + idleness + ", transactionalIdPrefix=" + transactionalIdPrefix
                + ", transactionTimeout=" + transactionTimeout + ", jobName=" + jobName + "}";
    }

    private static String format(Duration duration) {
        return TimeUtils.formatWithHighestUnit(duration);
    }

    /** Maximum decoded frame size in pixels. */
    public record FrameSize(int width, int height) {
        public FrameSize {
            if (width < 1 || height < 1) {
                throw new IllegalArgumentException(
                        "--max-frame-size must be positive, got " + width + "x" + height);
            }
        }

        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    /** Builder of {@link JobOptions}. {@link #bootstrapServers} and {@link #modelPath} are required. */
    public static final class Builder {
        private String bootstrapServers;
        private String videoTopic = Topics.VIDEO;
        private String detectionsTopic = Topics.DETECTIONS;
        private String deadLetterTopic = Topics.DEAD_LETTERS;
        private String trackEventsTopic = Topics.TRACK_EVENTS;
        private String analyticsEventsTopic = Topics.ANALYTICS_EVENTS;
        private String controlTopic = Topics.ANALYTICS_CONTROL;
        private String groupId = DEFAULT_GROUP_ID;
        private StartingOffsets startingOffsets = StartingOffsets.COMMITTED;
        private boolean bounded;
        private ModelReference model;
        private boolean modelControl = true;
        private String outputDirectory;
        private double maxAnalysedFps;
        private boolean liveMode;
        private Duration maxFrameAge;
        private FrameSize maxFrameSize;
        private Duration decoderIdleTimeout;
        private boolean artefactCheck = true;
        private boolean tracking = true;
        private boolean cameraMotionCompensation = true;
        private Path cameraIntrinsics;
        private Duration trackUpdateInterval;
        private boolean analytics = true;
        private Duration countWindow;
        private Duration zoneExitDelay;
        private Duration controlIdleness = DEFAULT_CONTROL_IDLENESS;
        private Duration checkpointInterval = DEFAULT_CHECKPOINT_INTERVAL;
        private Integer parallelism;
        private Integer intraOpThreads;
        private Duration maxOutOfOrderness = DEFAULT_MAX_OUT_OF_ORDERNESS;
        private Duration idleness = DEFAULT_IDLENESS;
        private String transactionalIdPrefix;
        private Duration transactionTimeout = AvroKafkaSinkBuilder.DEFAULT_TRANSACTION_TIMEOUT;
        private String jobName = DEFAULT_JOB_NAME;

        private Builder() {}

        public Builder bootstrapServers(String bootstrapServers) {
            this.bootstrapServers = requireNonBlank(bootstrapServers, "--bootstrap-servers");
            return this;
        }

        public Builder videoTopic(String videoTopic) {
            this.videoTopic = requireNonBlank(videoTopic, "--video-topic");
            return this;
        }

        public Builder detectionsTopic(String detectionsTopic) {
            this.detectionsTopic = requireNonBlank(detectionsTopic, "--detections-topic");
            return this;
        }

        public Builder deadLetterTopic(String deadLetterTopic) {
            this.deadLetterTopic = requireNonBlank(deadLetterTopic, "--dead-letter-topic");
            return this;
        }

        public Builder trackEventsTopic(String trackEventsTopic) {
            this.trackEventsTopic = requireNonBlank(trackEventsTopic, "--track-events-topic");
            return this;
        }

        public Builder analyticsEventsTopic(String analyticsEventsTopic) {
            this.analyticsEventsTopic = requireNonBlank(analyticsEventsTopic, "--analytics-events-topic");
            return this;
        }

        public Builder controlTopic(String controlTopic) {
            this.controlTopic = requireNonBlank(controlTopic, "--control-topic");
            return this;
        }

        public Builder groupId(String groupId) {
            this.groupId = requireNonBlank(groupId, "--group-id");
            return this;
        }

        public Builder startingOffsets(StartingOffsets startingOffsets) {
            this.startingOffsets = Objects.requireNonNull(startingOffsets, "--starting-offsets");
            return this;
        }

        public Builder bounded(boolean bounded) {
            this.bounded = bounded;
            return this;
        }

        /**
         * Sets the model file, made absolute against this process's working directory.
         *
         * @throws io.uavstream.models.InvalidModelException if the name does not end in .json or .onnx
         */
        public Builder modelPath(Path modelPath) {
            Objects.requireNonNull(modelPath, "--model");
            this.model = ModelReference.file(modelPath.toAbsolutePath().normalize());
            return this;
        }

        /** Sets the model: a bundled model ID, or a file as {@link #modelPath(Path)} sets it. */
        public Builder model(ModelReference model) {
            Objects.requireNonNull(model, "--model");
            if (model.isBundled()) {
                this.model = model;
                return this;
            }
            return modelPath(Path.of(model.toString()));
        }

        /** Sets whether model records of the control topic switch drones to other models; on by default. */
        public Builder modelControl(boolean modelControl) {
            this.modelControl = modelControl;
            return this;
        }

        public Builder outputDirectory(String outputDirectory) {
            this.outputDirectory = requireNonBlank(outputDirectory, "--output-dir");
            return this;
        }

        /** Sets the maximum analysed frames per second per drone, or 0 to analyse every decoded frame. */
        public Builder maxAnalysedFps(double maxAnalysedFps) {
            if (!(maxAnalysedFps >= 0) || Double.isInfinite(maxAnalysedFps)) {
                throw new IllegalArgumentException(
                        "--max-analysed-fps must be 0 (unlimited) or a positive number, got " + maxAnalysedFps);
            }
            this.maxAnalysedFps = maxAnalysedFps;
            return this;
        }

        public Builder liveMode(boolean liveMode) {
            this.liveMode = liveMode;
            return this;
        }

        public Builder maxFrameAge(Duration maxFrameAge) {
            this.maxFrameAge = requirePositive(maxFrameAge, "--max-frame-age");
            return this;
        }

        public Builder maxFrameSize(int width, int height) {
            this.maxFrameSize = new FrameSize(width, height);
            return this;
        }

        public Builder decoderIdleTimeout(Duration decoderIdleTimeout) {
            this.decoderIdleTimeout = requirePositive(decoderIdleTimeout, "--decoder-idle-timeout");
            return this;
        }

        public Builder artefactCheck(boolean artefactCheck) {
            this.artefactCheck = artefactCheck;
            return this;
        }

        public Builder tracking(boolean tracking) {
            this.tracking = tracking;
            return this;
        }

        public Builder cameraMotionCompensation(boolean cameraMotionCompensation) {
            this.cameraMotionCompensation = cameraMotionCompensation;
            return this;
        }

        public Builder cameraIntrinsics(Path cameraIntrinsics) {
            this.cameraIntrinsics = Objects.requireNonNull(cameraIntrinsics, "--camera-intrinsics").toAbsolutePath().normalize();
            return this;
        }

        /** Sets the minimum capture time between UPDATED events of one track; zero for every matched frame. */
        public Builder trackUpdateInterval(Duration trackUpdateInterval) {
            Objects.requireNonNull(trackUpdateInterval, "--track-update-interval");
            if (trackUpdateInterval.isNegative()) {
                throw new IllegalArgumentException(
                        "--track-update-interval must not be negative, got " + format(trackUpdateInterval));
            }
            this.trackUpdateInterval = trackUpdateInterval;
            return this;
        }

        /** Sets whether zone, line and count analytics run; they also need tracking. */
        public Builder analytics(boolean analytics) {
            this.analytics = analytics;
            return this;
        }

        public Builder countWindow(Duration countWindow) {
            this.countWindow = requirePositive(countWindow, "--count-window");
            return this;
        }

        /** Sets the capture time a track must stay outside a zone before it exits; zero exits at once. */
        public Builder zoneExitDelay(Duration zoneExitDelay) {
            Objects.requireNonNull(zoneExitDelay, "--zone-exit-delay");
            if (zoneExitDelay.isNegative()) {
                throw new IllegalArgumentException("--zone-exit-delay must not be negative, got " + format(zoneExitDelay));
            }
            this.zoneExitDelay = zoneExitDelay;
            return this;
        }

        public Builder controlIdleness(Duration controlIdleness) {
            this.controlIdleness = requirePositive(controlIdleness, "--control-idleness");
            return this;
        }

        public Builder checkpointInterval(Duration checkpointInterval) {
            this.checkpointInterval = requirePositive(checkpointInterval, "--checkpoint-interval");
            return this;
        }

        public Builder parallelism(int parallelism) {
            this.parallelism = requirePositive(parallelism, "--parallelism");
            return this;
        }

        public Builder intraOpThreads(int intraOpThreads) {
            this.intraOpThreads = requirePositive(intraOpThreads, "--intra-op-threads");
            return this;
        }

        public Builder maxOutOfOrderness(Duration maxOutOfOrderness) {
            Objects.requireNonNull(maxOutOfOrderness, "--max-out-of-orderness");
            if (maxOutOfOrderness.isNegative()) {
                throw new IllegalArgumentException(
                        "--max-out-of-orderness must not be negative, got " + format(maxOutOfOrderness));
            }
            this.maxOutOfOrderness = maxOutOfOrderness;
            return this;
        }

        public Builder idleness(Duration idleness) {
            this.idleness = requirePositive(idleness, "--idleness");
            return this;
        }

        public Builder transactionalIdPrefix(String transactionalIdPrefix) {
            this.transactionalIdPrefix = requireNonBlank(transactionalIdPrefix, "--transactional-id-prefix");
            return this;
        }

        /** Sets the Kafka transaction timeout, at most {@link AvroKafkaSinkBuilder#MAX_TRANSACTION_TIMEOUT}. */
        public Builder transactionTimeout(Duration transactionTimeout) {
            requirePositive(transactionTimeout, "--transaction-timeout");
            if (transactionTimeout.compareTo(AvroKafkaSinkBuilder.MAX_TRANSACTION_TIMEOUT) > 0) {
                throw new IllegalArgumentException("--transaction-timeout " + format(transactionTimeout)
                        + " exceeds " + format(AvroKafkaSinkBuilder.MAX_TRANSACTION_TIMEOUT)
                        + ", the default transaction.max.timeout.ms of Kafka brokers");
            }
            this.transactionTimeout = transactionTimeout;
            return this;
        }

        public Builder jobName(String jobName) {
            this.jobName = requireNonBlank(jobName, "--job-name");
            return this;
        }

        /**
         * Builds the options.
         *
         * @throws IllegalArgumentException if a required option is missing or the checkpoint
         *     interval is not shorter than the transaction timeout
         */
        public JobOptions build() {
            if (bootstrapServers == null) {
                throw new IllegalArgumentException("--bootstrap-servers is missing: pass the Kafka HOST:PORT list");
            }
            if (model == null) {
                model = ModelReference.defaultModel();
            }
            if (checkpointInterval.compareTo(transactionTimeout) >= 0) {
                throw new IllegalArgumentException("--checkpoint-interval " + format(checkpointInterval)
                        + " must be shorter than --transaction-timeout " + format(transactionTimeout)
                        + ", or Kafka aborts every transaction before its checkpoint completes");
            }
            return new JobOptions(this);
        }

        private static String requireNonBlank(String value, String option) {
            Objects.requireNonNull(value, option);
            if (value.isBlank()) {
                throw new IllegalArgumentException(option + " must not be blank");
            }
            return value;
        }

        private static Duration requirePositive(Duration value, String option) {
            Objects.requireNonNull(value, option);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(option + " must be positive, got " + format(value));
            }
            return value;
        }

        private static int requirePositive(int value, String option) {
            if (value < 1) {
                throw new IllegalArgumentException(option + " must be at least 1, got " + value);
            }
            return value;
        }
    }
}
