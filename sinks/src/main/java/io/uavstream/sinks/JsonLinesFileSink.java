package io.uavstream.sinks;

import io.uavstream.schemas.FrameDetections;
import java.io.File;
import java.net.URI;
import java.util.Objects;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

/**
 * Builds a Flink {@link FileSink} that writes {@link FrameDetections} as JSON lines, one object
 * per line in the format of {@link FrameDetectionsJsonEncoder}.
 *
 * <p>Layout: {@code <outputDirectory>/<drone>/<prefix>-<uuid>-<subtask>-<n>.jsonl}, with the drone
 * directory named by {@link DroneIdBucketAssigner}. Part files roll on every checkpoint and
 * become visible under that name only when the checkpoint completes. Until then they are hidden
 * in-progress files whose names start with {@code .}, which readers must skip. Without
 * checkpointing, no file is ever committed.
 */
public final class JsonLinesFileSink {

    /** Default part file prefix. */
    public static final String DEFAULT_PART_PREFIX = "detections";

    /** Part file suffix. */
    public static final String PART_SUFFIX = ".jsonl";

    private final Path outputDirectory;
    private String partPrefix = DEFAULT_PART_PREFIX;

    private JsonLinesFileSink(Path outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    /**
     * Starts a sink writing under {@code outputDirectory}, a local path or a URI of a file system
     * that Flink supports, such as {@code s3://bucket/detections}.
     *
     * @throws IllegalArgumentException if the directory is blank or names an existing local file
     *     that is not a directory
     */
    public static JsonLinesFileSink forDetections(String outputDirectory) {
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        if (outputDirectory.isBlank()) {
            throw new IllegalArgumentException("outputDirectory must not be blank");
        }
        Path path = new Path(outputDirectory);
        rejectLocalNonDirectory(path);
        return new JsonLinesFileSink(path);
    }

    /**
     * Sets the part file name prefix, by default {@value #DEFAULT_PART_PREFIX}. It must not be blank,
     * start with {@code .} or contain a path separator.
     */
    public JsonLinesFileSink setPartPrefix(String partPrefix) {
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
    public FileSink<FrameDetections> build() {
        OutputFileConfig fileNames = OutputFileConfig.builder()
                .withPartPrefix(partPrefix)
                .withPartSuffix(PART_SUFFIX)
                .build();
        return FileSink.forRowFormat(outputDirectory, new FrameDetectionsJsonEncoder())
                .withBucketAssigner(new DroneIdBucketAssigner())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(fileNames)
                .build();
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
