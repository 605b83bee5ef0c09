package io.uavstream.cli.embedded;

import io.uavstream.analytics.definition.DefinitionParser;
import io.uavstream.analytics.definition.DefinitionSet;
import io.uavstream.analytics.definition.InvalidDefinitionException;
import io.uavstream.ingest.IngestOptions;
import io.uavstream.models.DefaultModel;
import io.uavstream.simulator.SimulationConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.util.TimeUtils;

/** Settings of one {@link EmbeddedRun}, validated when built. */
public final class RunSettings {

    /** Drones of the simulated fleet that runs when no video is given. */
    public static final int DEFAULT_FLEET_DRONES = 2;

    /** Flight duration, in seconds, of the simulated fleet that runs when no video is given. */
    public static final double DEFAULT_FLEET_SECONDS = 20;

    private final Path video;
    private final String droneId;
    private final Path model;
    private final String bootstrapServers;
    private final Path outputDirectory;
    private final boolean realtime;
    private final boolean live;
    private final double maxAnalysedFps;
    private final int intraOpThreads;
    private final int parallelism;
    private final SimulationConfig fleet;
    private final Path zonesFile;
    private final DefinitionSet zones;
    private final Duration countWindow;
    private final Duration zoneExitDelay;
    private final Duration controlIdleness;

    private RunSettings(Builder builder) {
        this.video = builder.video;
        this.droneId = builder.droneId;
        this.model = builder.model;
        this.bootstrapServers = builder.bootstrapServers;
        this.outputDirectory = builder.outputDirectory;
        this.realtime = builder.realtime;
        this.live = builder.live;
        this.maxAnalysedFps = builder.maxAnalysedFps;
        this.intraOpThreads = builder.intraOpThreads;
        this.parallelism = builder.parallelism;
        this.fleet = builder.fleet.build();
        this.zonesFile = builder.zonesFile;
        this.zones = builder.zones;
        this.countWindow = builder.countWindow;
        this.zoneExitDelay = builder.zoneExitDelay;
        this.controlIdleness = builder.controlIdleness;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Video file to ingest; empty to publish the simulated {@link #fleet()}. */
    public Optional<Path> video() {
        return Optional.ofNullable(video);
    }

    public String droneId() {
        return droneId;
    }

    public Path model() {
        return model;
    }

    /** Existing Kafka cluster; empty to start an embedded broker. */
    public Optional<String> bootstrapServers() {
        return Optional.ofNullable(bootstrapServers);
    }

    public Path outputDirectory() {
        return outputDirectory;
    }

    public boolean realtime() {
        return realtime;
    }

    /** Returns true when the job skips frames too old to analyse, to keep up with live video. */
    public boolean live() {
        return live;
    }

    /** Maximum analysed frames per second per drone; 0 for every frame. */
    public double maxAnalysedFps() {
        return maxAnalysedFps;
    }

    /** ONNX Runtime intra-op threads per slot; 0 for the job's default. */
    public int intraOpThreads() {
        return intraOpThreads;
    }

    public int parallelism() {
        return parallelism;
    }

    /** File of zones and lines given with {@code --zones}; empty when none was given. */
    public Optional<Path> zonesFile() {
        return Optional.ofNullable(zonesFile);
    }

    /** Zones and lines read from {@link #zonesFile()}, empty when none was given. */
    public DefinitionSet zones() {
        return zones;
    }

    /** Length of the class-count windows, in capture time; empty for the job's default. */
    public Optional<Duration> countWindow() {
        return Optional.ofNullable(countWindow);
    }

    /** Capture time a track stays outside a zone before it exits; empty for the job's default. */
    public Optional<Duration> zoneExitDelay() {
        return Optional.ofNullable(zoneExitDelay);
    }

    /** Time without control records after which frames stop waiting for definitions; empty for the job's default. */
    public Optional<Duration> controlIdleness() {
        return Optional.ofNullable(controlIdleness);
    }

    /** Simulated fleet published when no video file is given. */
    public SimulationConfig fleet() {
        return fleet;
    }

    /** Builder of {@link RunSettings}. */
    public static final class Builder {
        private Path video;
        private String droneId = "drone-1";
        private Path model;
        private String bootstrapServers;
        private Path outputDirectory = Path.of("uavstream-output");
        private boolean realtime;
        private boolean live;
        private double maxAnalysedFps;
        private int intraOpThreads;
        private int parallelism = 1;
        private Path zonesFile;
        private DefinitionSet zones = DefinitionSet.EMPTY;
        private Duration countWindow;
        private Duration zoneExitDelay;
        private Duration controlIdleness;
        private final SimulationConfig.Builder fleet =
                SimulationConfig.builder().drones(DEFAULT_FLEET_DRONES).durationSeconds(DEFAULT_FLEET_SECONDS);

        private Builder() {}

        public Builder video(Path video) {
            this.video = video;
            return this;
        }

        public Builder droneId(String droneId) {
            this.droneId = droneId;
            return this;
        }

        public Builder model(Path model) {
            this.model = model;
            return this;
        }

        public Builder bootstrapServers(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
            return this;
        }

        public Builder outputDirectory(Path outputDirectory) {
            this.outputDirectory = outputDirectory;
            return this;
        }

        /** Sets the file of zones and lines to publish before ingest; null for none. */
        public Builder zones(Path zonesFile) {
            this.zonesFile = zonesFile;
            return this;
        }

        /** Sets the length of the class-count windows, in capture time; null for the job's default. */
        public Builder countWindow(Duration countWindow) {
            this.countWindow = countWindow;
            return this;
        }

        /** Sets the capture time a track must stay outside a zone before it exits; null for the job's default. */
        public Builder zoneExitDelay(Duration zoneExitDelay) {
            this.zoneExitDelay = zoneExitDelay;
            return this;
        }

        /** Sets the time without control records after which the control topic stops holding frames back. */
        public Builder controlIdleness(Duration controlIdleness) {
            this.controlIdleness = controlIdleness;
            return this;
        }

        public Builder realtime(boolean realtime) {
            this.realtime = realtime;
            return this;
        }

        public Builder live(boolean live) {
            this.live = live;
            return this;
        }

        public Builder maxAnalysedFps(double maxAnalysedFps) {
            this.maxAnalysedFps = maxAnalysedFps;
            return this;
        }

        public Builder intraOpThreads(int intraOpThreads) {
            this.intraOpThreads = intraOpThreads;
            return this;
        }

        /** Sets the simulated fleet's size, flight duration in seconds and seed. */
        public Builder fleet(int drones, double durationSeconds, long seed) {
            fleet.drones(drones).durationSeconds(durationSeconds).seed(seed);
            return this;
        }

        public Builder parallelism(int parallelism) {
            this.parallelism = parallelism;
            return this;
        }

        /**
         * Validates and builds the settings.
         *
         * @throws IllegalArgumentException naming the invalid setting
         */
        public RunSettings build() {
            if (model == null) {
                model = DefaultModel.extract();
            }
            if (droneId == null || !IngestOptions.DRONE_ID_PATTERN.matcher(droneId).matches()) {
                throw new IllegalArgumentException("--drone must be 1-64 characters of [A-Za-z0-9._-], got '" + droneId + "'");
            }
            if (video != null && !Files.isRegularFile(video)) {
                throw new IllegalArgumentException("Video file not found: " + video.toAbsolutePath());
            }
            if (maxAnalysedFps < 0 || Double.isNaN(maxAnalysedFps)) {
                throw new IllegalArgumentException("--max-fps must be 0 or positive, got " + maxAnalysedFps);
            }
            if (intraOpThreads < 0) {
                throw new IllegalArgumentException("--intra-op-threads must be 0 or positive, got " + intraOpThreads);
            }
            if (parallelism < 1) {
                throw new IllegalArgumentException("--parallelism must be at least 1, got " + parallelism);
            }
            if (bootstrapServers != null && bootstrapServers.isBlank()) {
                throw new IllegalArgumentException("--bootstrap must not be empty");
            }
            requirePositive(countWindow, "--count-window");
            requirePositive(controlIdleness, "--control-idleness");
            if (zoneExitDelay != null && zoneExitDelay.isNegative()) {
                throw new IllegalArgumentException("--zone-exit-delay must be 0 or positive, got " + zoneExitDelay.toMillis() + " ms");
            }
            if (zonesFile != null) {
                zones = readZones(zonesFile, droneId);
            }
            return new RunSettings(this);
        }

        private static void requirePositive(Duration duration, String option) {
            if (duration != null && (duration.isZero() || duration.isNegative())) {
                throw new IllegalArgumentException(option + " must be positive, got " + TimeUtils.formatWithHighestUnit(duration));
            }
        }

        private static DefinitionSet readZones(Path file, String fallbackDrone) {
            String json;
            try {
                json = Files.readString(file);
            } catch (IOException e) {
                throw new IllegalArgumentException("--zones: cannot read " + file.toAbsolutePath() + ": " + e, e);
            }
            try {
                return DefinitionParser.parse(json, fallbackDrone);
            } catch (InvalidDefinitionException e) {
                throw new IllegalArgumentException("--zones: invalid zones and lines in " + file.toAbsolutePath()
                        + ": " + e.getMessage(), e);
            }
        }
    }
}
