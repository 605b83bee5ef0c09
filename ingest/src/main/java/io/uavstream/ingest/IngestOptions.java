package io.uavstream.ingest;

import io.uavstream.schemas.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Settings of one {@link Ingestor} run. Built with {@link #builder()}; every setter validates its
 * argument at once and {@link Builder#build()} checks that the required settings are present.
 *
 * <pre>{@code
 * IngestOptions options = IngestOptions.builder()
 *         .droneId("drone-7")
 *         .source("rtsp://127.0.0.1:8554/live")
 *         .bootstrapServers("127.0.0.1:9092")
 *         .build();
 * }</pre>
 */
public final class IngestOptions {

    /** Drone IDs: 1 to 64 letters, digits, dots, underscores or hyphens, so that they are safe in keys, paths and metric names. */
    public static final Pattern DRONE_ID_PATTERN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final String droneId;
    private final VideoSource source;
    private final String bootstrapServers;
    private final String topic;
    private final boolean realtime;
    private final ReconnectBackoff reconnectBackoff;
    private final Duration socketTimeout;
    private final Duration progressLogInterval;
    private final boolean provisionTopic;
    private final Map<String, String> ffmpegOptions;
    private final Map<String, Object> producerOverrides;
    private final Path telemetry;

    private IngestOptions(Builder builder) {
        this.droneId = builder.droneId;
        this.source = builder.source;
        this.bootstrapServers = builder.bootstrapServers;
        this.topic = builder.topic;
        this.realtime = builder.realtime;
        this.reconnectBackoff = builder.reconnectBackoff;
        this.socketTimeout = builder.socketTimeout;
        this.progressLogInterval = builder.progressLogInterval;
        this.provisionTopic = builder.provisionTopic;
        this.ffmpegOptions = Map.copyOf(builder.ffmpegOptions);
        this.producerOverrides = Map.copyOf(builder.producerOverrides);
        this.telemetry = builder.telemetry;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Returns the fleet-unique drone ID, the Kafka key of every record. */
    public String droneId() {
        return droneId;
    }

    public VideoSource source() {
        return source;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Returns the Kafka topic of the video packets, {@link Topics#VIDEO} by default. */
    public String topic() {
        return topic;
    }

    /** Returns whether a file is published at its real frame rate instead of as fast as possible. */
    public boolean realtime() {
        return realtime;
    }

    /** Returns the backoff between reconnection attempts to a network source. */
    public ReconnectBackoff reconnectBackoff() {
        return reconnectBackoff;
    }

    /** Returns the maximum wait for a connection or for data from a network source. */
    public Duration socketTimeout() {
        return socketTimeout;
    }

    /** Returns the interval between progress log lines. */
    public Duration progressLogInterval() {
        return progressLogInterval;
    }

    /** Returns whether the run creates the topic when it is absent (see {@link TopicProvisioner}). */
    public boolean provisionTopic() {
        return provisionTopic;
    }

    /** Returns the extra FFmpeg demuxer and protocol options, for example {@code rtsp_transport=tcp}. */
    public Map<String, String> ffmpegOptions() {
        return ffmpegOptions;
    }

    /** Returns the Kafka producer settings that replace those of {@link VideoPacketPublisher#producerConfig}. */
    public Map<String, Object> producerOverrides() {
        return producerOverrides;
    }

    /** Returns the telemetry CSV file whose samples go with the access units, if one is set. */
    public Optional<Path> telemetry() {
        return Optional.ofNullable(telemetry);
    }

    @Override
    public String toString() {
        return "IngestOptions{droneId=" + droneId + ", source=" + source + ", bootstrapServers=" + bootstrapServers
                + ", topic=" + topic + ", realtime=" + realtime + ", reconnectBackoff=" + reconnectBackoff
                + ", socketTimeout=" + socketTimeout + ", telemetry=" + telemetry + "}";
    }

    /** Builder of {@link IngestOptions}; drone ID, source and bootstrap servers are required. */
    public static final class Builder {
        private String droneId;
        private VideoSource source;
        private String bootstrapServers;
        private String topic = Topics.VIDEO;
        private boolean realtime;
        private ReconnectBackoff reconnectBackoff = ReconnectBackoff.DEFAULT;
        private Duration socketTimeout = StreamDemuxer.DEFAULT_SOCKET_TIMEOUT;
        private Duration progressLogInterval = Duration.ofSeconds(5);
        private boolean provisionTopic = true;
        private final Map<String, String> ffmpegOptions = new LinkedHashMap<>();
        private final Map<String, Object> producerOverrides = new LinkedHashMap<>();
        private Path telemetry;

        private Builder() {}

        /**
         * Sets the drone ID.
         *
         * @throws IllegalArgumentException unless it matches {@link #DRONE_ID_PATTERN}
         */
        public Builder droneId(String droneId) {
            Objects.requireNonNull(droneId, "droneId");
            if (!DRONE_ID_PATTERN.matcher(droneId).matches()) {
                throw new IllegalArgumentException("Invalid drone ID '" + droneId
                        + "': use 1 to 64 letters, digits, '.', '_' or '-'");
            }
            this.droneId = droneId;
            return this;
        }

        /**
         * Sets the source: a file path or a network URL (see {@link VideoSource#parse}).
         *
         * @throws IllegalArgumentException if it is blank or has an unsupported scheme
         */
        public Builder source(String location) {
            this.source = VideoSource.parse(location);
            return this;
        }

        /** Sets a file source. */
        public Builder source(Path file) {
            this.source = VideoSource.ofFile(file);
            return this;
        }

        /** Sets the Kafka {@code bootstrap.servers}, for example {@code 127.0.0.1:9092}. */
        public Builder bootstrapServers(String bootstrapServers) {
            this.bootstrapServers = requireNonBlank(bootstrapServers, "bootstrapServers");
            return this;
        }

        /** Sets the Kafka topic; {@link Topics#VIDEO} by default. */
        public Builder topic(String topic) {
            this.topic = requireNonBlank(topic, "topic");
            return this;
        }

        /** Publishes a file at its real frame rate (by PTS) instead of as fast as possible; ignored for network sources. */
        public Builder realtime(boolean realtime) {
            this.realtime = realtime;
            return this;
        }

        /**
         * Sets the backoff between reconnection attempts to a network source; by default 500 ms
         * doubling up to 30 s, for 10 attempts.
         *
         * @throws IllegalArgumentException see {@link ReconnectBackoff}
         */
        public Builder reconnectBackoff(Duration initial, Duration max, int maxAttempts) {
            this.reconnectBackoff = new ReconnectBackoff(initial, max, maxAttempts);
            return this;
        }

        /** Sets the maximum wait for a connection or for data from a network source; 10 s by default. */
        public Builder socketTimeout(Duration socketTimeout) {
            this.socketTimeout = requirePositive(socketTimeout, "socketTimeout");
            return this;
        }

        /** Sets the interval between progress log lines; 5 s by default. */
        public Builder progressLogInterval(Duration interval) {
            this.progressLogInterval = requirePositive(interval, "progressLogInterval");
            return this;
        }

        /** Sets whether the run creates an absent topic; true by default. */
        public Builder provisionTopic(boolean provisionTopic) {
            this.provisionTopic = provisionTopic;
            return this;
        }

        /** Adds an FFmpeg demuxer or protocol option, for example {@code ("rtsp_transport", "tcp")}. */
        public Builder ffmpegOption(String key, String value) {
            ffmpegOptions.put(requireNonBlank(key, "FFmpeg option key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds a Kafka producer setting that replaces the publisher's default for {@code key}. */
        public Builder producerOverride(String key, Object value) {
            producerOverrides.put(requireNonBlank(key, "producer setting key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets a telemetry CSV file in the simulator's {@code telemetry.csv} layout (see {@link
         * TelemetryTrack#readCsv}). Each access unit then carries the latest sample at or before its
         * capture time, with the file's {@code time_s} counted from each session's first access
         * unit. The file is read when the run starts.
         *
         * @throws IllegalArgumentException if the file does not exist
         */
        public Builder telemetry(Path file) {
            Objects.requireNonNull(file, "telemetry");
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("Telemetry file " + file + " not found");
            }
            this.telemetry = file;
            return this;
        }

        /**
         * Returns the options.
         *
         * @throws IllegalStateException if the drone ID, source or bootstrap servers are missing
         */
        public IngestOptions build() {
            requireSet(droneId, "droneId");
            requireSet(source, "source");
            requireSet(bootstrapServers, "bootstrapServers");
            return new IngestOptions(this);
        }

        private static void requireSet(Object value, String name) {
            if (value == null) {
                throw new IllegalStateException("Missing ingest option " + name);
            }
        }

        private static String requireNonBlank(String value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }

        private static Duration requirePositive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
