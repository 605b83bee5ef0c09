package io.uavstream.sinks;

import io.uavstream.schemas.AnalyticsEvent;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.TrackEvent;
import java.io.File;
import java.net.URI;
import java.util.Objects;
import org.apache.flink.api.common.serialization.Encoder;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

/**
 * Builds a Flink {@link FileSink} that writes {@link FrameDetections}, {@link TrackEvent}s or
 * {@link AnalyticsEvent}s as JSON lines, one object per line in the format of
 * {@link FrameDetectionsJsonEncoder}, {@link TrackEventJsonEncoder} or {@link AnalyticsEventJsonEncoder}.
 *
 * <p>Layout: {@code <outputDirectory>/<drone>/<prefix>-<uuid>-<subtask>-<n>.jsonl}, with the drone
 * directory named by {@link DroneIdBucketAssigner}. The default prefixes differ by record type,
 * so detections and events can share one output directory. Part files roll on every checkpoint and
 * become visible under that name only when the checkpoint completes. Until then they are hidden
 * in-progress files whose names start with {@code .}, which readers must skip. Without
 * checkpointing, no file is ever committed.
 */
public final class JsonLinesFileSink<T> {

    /** Default part file prefix of detections. */
    public static final String DEFAULT_PART_PREFIX = "detections";

    /** Default part file prefix of track events. */
    public static final String TRACK_EVENTS_PART_PREFIX = "track-events";

    /** Default part file prefix of analytics events. */
    public static final String ANALYTICS_EVENTS_PART_PREFIX = "analytics-events";

    /** Part file suffix. */
    public static final String PART_SUFFIX = ".jsonl";

    private final Path outputDirectory;
    private final Encoder<T> encoder;
    private final DroneIdBucketAssigner<T> bucketAssigner;
    private String partPrefix;

    private JsonLinesFileSink(Path outputDirectory, Encoder<T> encoder, DroneIdBucketAssigner<T> bucketAssigner,
            String partPrefix) {
        this.outputDirectory = outputDirectory;
        this.encoder = encoder;
        this.bucketAssigner = bucketAssigner;
        this.partPrefix = partPrefix;
    }

    /**
     * Starts a sink writing under {@code outputDirectory}, a local path or a URI of a file system
     * that Flink supports, such as {@code s3://bucket/detections}.
     *
     * @throws IllegalArgumentException if the directory is blank or names an existing local file
     *     that is not a directory
     */
    public static JsonLinesFileSink<FrameDetections> forDetections(String outputDirectory) {
        return new JsonLinesFileSink<>(validDirectory(outputDirectory), new FrameDetectionsJsonEncoder(),
                DroneIdBucketAssigner.forDetections(), DEFAULT_PART_PREFIX);
    }

    /**
     * Starts a sink of track events under {@code outputDirectory}, with part files named
     * {@value #TRACK_EVENTS_PART_PREFIX}-*, as {@link #forDetections} does for detections.
     *
     * @throws IllegalArgumentException if the directory is blank or names an existing local file
     *     that is not a directory
     */
    public static JsonLinesFileSink<TrackEvent> forTrackEvents(String outputDirectory) {
        return new JsonLinesFileSink<>(validDirectory(outputDirectory), new TrackEventJsonEncoder(),
                DroneIdBucketAssigner.forTrackEvents(), TRACK_EVENTS_PART_PREFIX);
    }

    /**
     * Starts a sink of analytics events under {@code outputDirectory}, with part files named
     * {@value #ANALYTICS_EVENTS_PART_PREFIX}-*, as {@link #forDetections} does for detections.
     *
     * @throws IllegalArgumentException if the directory is blank or names an existing local file
     *     that is not a directory
     */
    public static JsonLinesFileSink<AnalyticsEvent> forAnalyticsEvents(String outputDirectory) {
        return new JsonLinesFileSink<>(validDirectory(outputDirectory), new AnalyticsEventJsonEncoder(),
                DroneIdBucketAssigner.forAnalyticsEvents(), ANALYTICS_EVENTS_PART_PREFIX);
    }

    /**
     * Sets the part file name prefix, by default {@value #DEFAULT_PART_PREFIX} for detections and
     * {@value #TRACK_EVENTS_PART_PREFIX} for track events. It must not be blank, start with
     * {@code .} or contain a path separator.
     */
    public JsonLinesFileSink<T> setPartPrefix(String partPrefix) {
        Objects.requireNonNull(partPrefix, "partPrefix");
        if (partPrefix.isBlank() || partPrefix.startsWith(".")
                || partPrefix.contains("/") || partPrefix.contains("\\")) {
            throw new IllegalArgumentException("partPrefix must be a non-blank file name that does"
                    + " not start with '.', got '" + partPrefix + "'");
        }
        this.partPrefix = partPrefix;
        return this;
    }

    /** Builds the sink. */
    public FileSink<T> build() {
        OutputFileConfig fileNames = OutputFileConfig.builder()
                .withPartPrefix(partPrefix)
                .withPartSuffix(PART_SUFFIX)
                .build();
        return FileSink.forRowFormat(outputDirectory, encoder)
                .withBucketAssigner(bucketAssigner)
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(fileNames)
                .build();
    }

    private static Path validDirectory(String outputDirectory) {
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        if (outputDirectory.isBlank()) {
            throw new IllegalArgumentException("outputDirectory must not be blank");
        }
        Path path = new Path(outputDirectory);
        rejectLocalNonDirectory(path);
        return path;
    }

    private static void rejectLocalNonDirectory(Path path) {
        URI uri = path.toUri();
        if (uri.getScheme() != null && !uri.getScheme().equals("file")) {
            return;
        }
        File local = new File(uri.getPath());
        if (local.exists() && !local.isDirectory()) {
            throw new IllegalArgumentException(
                    "outputDirectory " + local + " exists and is not a directory");
        }
    }
}
