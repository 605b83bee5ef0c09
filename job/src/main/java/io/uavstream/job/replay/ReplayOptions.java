package io.uavstream.job.replay;

import io.uavstream.job.JobOptions;
import io.uavstream.job.StartingOffsets;
import io.uavstream.models.ModelReference;
import io.uavstream.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Settings of one replay of recorded video: where the recording is, which capture-time range and
 * drones to analyse with which model, how fast, and where the events go. Build with
 * {@link #builder()}; every setter validates its argument at once and error messages name the
 * {@code uavstream replay} option.
 */
public final class ReplayOptions {

    /** Speed that reads the recording as fast as the job can analyse it. */
    public static final double MAX_SPEED = Double.POSITIVE_INFINITY;
    public static final String DEFAULT_DETECTIONS_TOPIC = "uavstream.replay.detections";
    public static final String DEFAULT_TRACK_EVENTS_TOPIC = "uavstream.replay.track-events";
    public static final String DEFAULT_DEAD_LETTER_TOPIC = "uavstream.replay.dead-letters";
    public static final String DEFAULT_ANALYTICS_EVENTS_TOPIC = "uavstream.replay.analytics-events";

    /**
     * Default bound on the difference between a video record's Kafka timestamp (its publish time)
     * and its capture time, used to find the range's offsets with {@code offsetsForTimes}.
     */
    public static final Duration DEFAULT_SEEK_MARGIN = Duration.ofMinutes(5);
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(5);

    private final String bootstrapServers;
    private final String videoTopic;
    private final ReplayRange range;
    private final ModelReference model;
    private final double speed;
    private final String detectionsTopic;
    private final String trackEventsTopic;
    private final String deadLetterTopic;
    private final String analyticsEventsTopic;
    private final boolean analytics;
    private final Path zonesFile;
    private final String controlTopic;
    private final Duration countWindow;
    private final Duration zoneExitDelay;
    private final Path outputDirectory;
    private final String replayId;
    private final Duration seekMargin;
    private final int parallelism;
    private final Integer intraOpThreads;
    private final Duration checkpointInterval;

    private ReplayOptions(Builder builder) {
        this.bootstrapServers = builder.bootstrapServers;
        this.videoTopic = builder.videoTopic;
        this.range = builder.range;
        this.model = builder.model;
        this.speed = builder.speed;
        this.detectionsTopic = builder.detectionsTopic;
        this.trackEventsTopic = builder.trackEventsTopic;
        this.deadLetterTopic = builder.deadLetterTopic;
        this.analyticsEventsTopic = builder.analyticsEventsTopic;
        this.analytics = builder.analytics;
        this.zonesFile = builder.zonesFile;
        this.controlTopic = builder.controlTopic;
        this.countWindow = builder.countWindow;
        this.zoneExitDelay = builder.zoneExitDelay;
        this.outputDirectory = builder.outputDirectory;
        this.replayId = builder.replayId;
        this.seekMargin = builder.seekMargin;
        this.parallelism = builder.parallelism;
        this.intraOpThreads = builder.intraOpThreads;
        this.checkpointInterval = builder.checkpointInterval;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder with every setting of this replay, to derive a variant such as another model. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.bootstrapServers = bootstrapServers;
        builder.videoTopic = videoTopic;
        builder.range = range;
        builder.model = model;
        builder.speed = speed;
        builder.detectionsTopic = detectionsTopic;
        builder.trackEventsTopic = trackEventsTopic;
        builder.deadLetterTopic = deadLetterTopic;
        builder.analyticsEventsTopic = analyticsEventsTopic;
        builder.analytics = analytics;
        builder.zonesFile = zonesFile;
        builder.controlTopic = controlTopic;
        builder.countWindow = countWindow;
        builder.zoneExitDelay = zoneExitDelay;
        builder.outputDirectory = outputDirectory;
        builder.replayId = replayId;
        builder.seekMargin = seekMargin;
        builder.parallelism = parallelism;
        builder.intraOpThreads = intraOpThreads;
        builder.checkpointInterval = checkpointInterval;
        return builder;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Topic of the recorded {@code VideoPacket}s. */
    public String videoTopic() {
        return videoTopic;
    }

    public ReplayRange range() {
        return range;
    }

    /** Returns the model: a bundled model ID, or a descriptor ({@code .json}) or ONNX file. */
    public ModelReference model() {
        return model;
    }

    /** Multiple of the recorded pace at which packets are analysed, {@link #MAX_SPEED} for no pacing. */
    public double speed() {
        return speed;
    }

    public boolean paced() {
        return speed != MAX_SPEED;
    }

    public String detectionsTopic() {
        return detectionsTopic;
    }

    public String trackEventsTopic() {
        return trackEventsTopic;
    }

    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    public String analyticsEventsTopic() {
        return analyticsEventsTopic;
    }

    /** Returns whether zone, line and count analytics run; on by default. */
    public boolean analytics() {
        return analytics;
    }

    /**
     * File of zones and lines (control message or GeoJSON) in force for the whole replay; empty to
     * take a snapshot of {@link #controlTopic()} instead.
     */
    public Optional<Path> zonesFile() {
        return Optional.ofNullable(zonesFile);
    }

    /** Analytics control topic whose latest definitions a replay without {@link #zonesFile()} uses. */
    public String controlTopic() {
        return controlTopic;
    }

    /** Length of the tumbling windows of class counts, in capture time; empty for the job's default. */
    public Optional<Duration> countWindow() {
        return Optional.ofNullable(countWindow);
    }

    /** Capture time a track must stay outside a zone before it exits; empty for the job's default. */
    public Optional<Duration> zoneExitDelay() {
        return Optional.ofNullable(zoneExitDelay);
    }

    /** Directory for JSON-lines copies of the events, empty for Kafka only. */
    public Optional<Path> outputDirectory() {
        return Optional.ofNullable(outputDirectory);
    }

    /** Replay ID given by the caller, empty to derive one with {@link ReplayIds#derive}. */
    public Optional<String> replayId() {
        return Optional.ofNullable(replayId);
    }

    /** Bound on |Kafka timestamp - capture time| of the recorded video records. */
    public Duration seekMargin() {
        return seekMargin;
    }

    public int parallelism() {
        return parallelism;
    }

    /** ONNX Runtime intra-op threads per subtask, empty for {@link JobOptions#defaultIntraOpThreads}. */
    public OptionalInt intraOpThreads() {
        return intraOpThreads == null ? OptionalInt.empty() : OptionalInt.of(intraOpThreads);
    }

    public Duration checkpointInterval() {
        return checkpointInterval;
    }

    /**
     * Returns the job options of the analysis and the sinks for this replay: every frame analysed
     * (no live mode, no frame-rate cap), tracking on, and transactional IDs unique to the run.
     */
    JobOptions toJobOptions(String replayIdOfRun, String runId) {
        JobOptions.Builder options = JobOptions.builder()
                .bootstrapServers(bootstrapServers)
                .videoTopic(videoTopic)
                .detectionsTopic(detectionsTopic)
                .trackEventsTopic(trackEventsTopic)
                .deadLetterTopic(deadLetterTopic)
                .analyticsEventsTopic(analyticsEventsTopic)
                .controlTopic(controlTopic)
                .analytics(analytics)
                .groupId("uavstream-replay-" + replayIdOfRun)
                .transactionalIdPrefix("uavstream-replay-" + replayIdOfRun + "-" + runId)
                .startingOffsets(StartingOffsets.EARLIEST)
                .bounded(true)
                .model(model)
                .maxAnalysedFps(0)
                .liveMode(false)
                .checkpointInterval(checkpointInterval)
                .parallelism(parallelism)
                .jobName("uavstream replay " + replayIdOfRun);
        outputDirectory().ifPresent(directory -> options.outputDirectory(directory.toString()));
        intraOpThreads().ifPresent(options::intraOpThreads);
        countWindow().ifPresent(options::countWindow);
        zoneExitDelay().ifPresent(options::zoneExitDelay);
        return options.build();
    }

    @Override
    public String toString() {
        return "ReplayOptions{bootstrapServers=" + bootstrapServers + ", videoTopic=" + videoTopic + ", range=" + range
                + ", model=" + model + ", speed=" + (paced() ? speed : "max")
                + ", detectionsTopic=" + detectionsTopic + ", trackEventsTopic=" + trackEventsTopic
                + ", deadLetterTopic=" + deadLetterTopic + ", analyticsEventsTopic=" + analyticsEventsTopic
                + ", analytics=" + analytics + ", zonesFile=" + zonesFile + ", controlTopic=" + controlTopic
                + ", countWindow=" + countWindow + ", zoneExitDelay=" + zoneExitDelay
                + ", outputDirectory=" + outputDirectory
                + ", replayId=" + replayId + ", seekMargin=" + seekMargin + ", parallelism=" + parallelism
                + ", intraOpThreads=" + intraOpThreads + ", checkpointInterval=" + checkpointInterval + "}";
    }

    /** Builder of {@link ReplayOptions}; bootstrap servers, range and model are required. */
    public static final class Builder {
        private String bootstrapServers;
        private String videoTopic = Topics.VIDEO;
        private ReplayRange range;
        private ModelReference model = ModelReference.defaultModel();
        private double speed = MAX_SPEED;
        private String detectionsTopic = DEFAULT_DETECTIONS_TOPIC;
        private String trackEventsTopic = DEFAULT_TRACK_EVENTS_TOPIC;
        private String deadLetterTopic = DEFAULT_DEAD_LETTER_TOPIC;
        private String analyticsEventsTopic = DEFAULT_ANALYTICS_EVENTS_TOPIC;
        private boolean analytics = true;
        private Path zonesFile;
        private String controlTopic = Topics.ANALYTICS_CONTROL;
        private Duration countWindow;
        private Duration zoneExitDelay;
        private Path outputDirectory;
        private String replayId;
        private Duration seekMargin = DEFAULT_SEEK_MARGIN;
        private int parallelism = 1;
        private Integer intraOpThreads;
        private Duration checkpointInterval = DEFAULT_CHECKPOINT_INTERVAL;

        private Builder() {}

        public Builder bootstrapServers(String bootstrapServers) {
            this.bootstrapServers = requireNonBlank(bootstrapServers, "--bootstrap");
            return this;
        }

        public Builder videoTopic(String videoTopic) {
            this.videoTopic = requireNonBlank(videoTopic, "--video-topic");
            return this;
        }

        public Builder range(ReplayRange range) {
            this.range = Objects.requireNonNull(range, "range");
            return this;
        }

        public Builder modelPath(Path modelPath) {
            return model(ModelReference.file(Objects.requireNonNull(modelPath, "--model").toAbsolutePath().normalize()));
        }

        /** Sets the model; the default is the first bundled model. */
        public Builder model(ModelReference model) {
            this.model = Objects.requireNonNull(model, "--model");
            return this;
        }

        /** Sets the pace as a multiple of the recorded pace (1.0 = as recorded), or {@link #MAX_SPEED}. */
        public Builder speed(double speed) {
            if (!(speed > 0)) {
                throw new IllegalArgumentException("--speed must be a positive number or max, got " + speed);
            }
            this.speed = speed;
            return this;
        }

        public Builder detectionsTopic(String detectionsTopic) {
            this.detectionsTopic = requireNonBlank(detectionsTopic, "--output-topic");
            return this;
        }

        public Builder trackEventsTopic(String trackEventsTopic) {
            this.trackEventsTopic = requireNonBlank(trackEventsTopic, "--track-events-topic");
            return this;
        }

        public Builder deadLetterTopic(String deadLetterTopic) {
            this.deadLetterTopic = requireNonBlank(deadLetterTopic, "--dead-letter-topic");
            return this;
        }

        public Builder analyticsEventsTopic(String analyticsEventsTopic) {
            this.analyticsEventsTopic = requireNonBlank(analyticsEventsTopic, "--analytics-events-topic");
            return this;
        }

        /** Sets whether zone, line and count analytics run; on by default, off with {@code --no-analytics}. */
        public Builder analytics(boolean analytics) {
            this.analytics = analytics;
            return this;
        }

        /** Sets the file of zones and lines for the whole replay; null to use the control topic's latest definitions. */
        public Builder zonesFile(Path zonesFile) {
            this.zonesFile = zonesFile == null ? null : zonesFile.toAbsolutePath().normalize();
            return this;
        }

        public Builder controlTopic(String controlTopic) {
            this.controlTopic = requireNonBlank(controlTopic, "--control-topic");
            return this;
        }

        /** Sets the length of the class-count windows, in capture time; positive, default the job's 60 s. */
        public Builder countWindow(Duration countWindow) {
            Objects.requireNonNull(countWindow, "--count-window");
            if (countWindow.isNegative() || countWindow.isZero()) {
                throw new IllegalArgumentException("--count-window must be positive, got " + countWindow);
            }
            this.countWindow = countWindow;
            return this;
        }

        /** Sets the capture time a track must stay outside a zone before it exits; zero or positive, default the job's 1 s. */
        public Builder zoneExitDelay(Duration zoneExitDelay) {
            Objects.requireNonNull(zoneExitDelay, "--zone-exit-delay");
            if (zoneExitDelay.isNegative()) {
                throw new IllegalArgumentException("--zone-exit-delay must not be negative, got " + zoneExitDelay);
            }
            this.zoneExitDelay = zoneExitDelay;
            return this;
        }

        public Builder outputDirectory(Path outputDirectory) {
            this.outputDirectory = Objects.requireNonNull(outputDirectory, "--output").toAbsolutePath().normalize();
            return this;
        }

        public Builder replayId(String replayId) {
            requireNonBlank(replayId, "--replay-id");
            if (!replayId.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalArgumentException("--replay-id must be 1 to 64 letters, digits, '.', '_' or '-', got '"
                        + replayId + "'");
            }
            this.replayId = replayId;
            return this;
        }

        public Builder seekMargin(Duration seekMargin) {
            Objects.requireNonNull(seekMargin, "--seek-margin");
            if (seekMargin.isNegative()) {
                throw new IllegalArgumentException("--seek-margin must not be negative, got " + seekMargin);
            }
            this.seekMargin = seekMargin;
            return this;
        }

        public Builder parallelism(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("--parallelism must be at least 1, got " + parallelism);
            }
            this.parallelism = parallelism;
            return this;
        }

        public Builder intraOpThreads(int intraOpThreads) {
            if (intraOpThreads < 1) {
                throw new IllegalArgumentException("--intra-op-threads must be at least 1, got " + intraOpThreads);
            }
            this.intraOpThreads = intraOpThreads;
            return this;
        }

        public Builder checkpointInterval(Duration checkpointInterval) {
            Objects.requireNonNull(checkpointInterval, "--checkpoint-interval");
            if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
                throw new IllegalArgumentException("--checkpoint-interval must be positive, got " + checkpointInterval);
            }
            this.checkpointInterval = checkpointInterval;
            return this;
        }

        /**
         * Builds the options.
         *
         * @throws IllegalArgumentException if the bootstrap servers or the range is missing,
         *     or a zones file is given with analytics off
         */
        public ReplayOptions build() {
            if (bootstrapServers == null) {
                throw new IllegalArgumentException("--bootstrap is missing: pass the Kafka HOST:PORT of the recording");
            }
            if (range == null) {
                throw new IllegalArgumentException("--from and --to are missing: pass the capture-time range to replay");
            }
            if (zonesFile != null && !analytics) {
                throw new IllegalArgumentException("--zones " + zonesFile + " has no effect with --no-analytics:"
                        + " drop one of them");
            }
            return new ReplayOptions(this);
        }

        private static String requireNonBlank(String value, String option) {
            Objects.requireNonNull(value, option);
            if (value.isBlank()) {
                throw new IllegalArgumentException(option + " must not be blank");
            }
            return value;
        }
    }
}
