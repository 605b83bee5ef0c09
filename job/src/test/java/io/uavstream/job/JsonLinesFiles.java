package io.uavstream.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uavstream.sinks.JsonLinesFileSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the committed JSON-lines output of a job, skipping hidden in-progress part files. Detections
 * and track events share the drone directories, so callers pick them by part file prefix.
 */
final class JsonLinesFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonLinesFiles() {}

    /** Returns the parsed lines of the detections' part files under {@code directory}. */
    static List<JsonNode> readDetections(Path directory) throws IOException {
        return readAll(directory, JsonLinesFileSink.DEFAULT_PART_PREFIX);
    }

    /** Returns the parsed lines of the track events' part files under {@code directory}. */
    static List<JsonNode> readTrackEvents(Path directory) throws IOException {
        return readAll(directory, JsonLinesFileSink.TRACK_EVENTS_PART_PREFIX);
    }

    /** Returns the parsed lines of the analytics events' part files under {@code directory}. */
    static List<JsonNode> readAnalyticsEvents(Path directory) throws IOException {
        return readAll(directory, JsonLinesFileSink.ANALYTICS_EVENTS_PART_PREFIX);
    }

    /**
     * Returns every line of every visible {@code .jsonl} file under {@code directory} whose name
     * starts with {@code partPrefix} and a dash, parsed; files in name order.
     */
    static List<JsonNode> readAll(Path directory, String partPrefix) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return lines;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            List<Path> partFiles = files.filter(JsonLinesFiles::isCommittedPartFile)
                    .filter(file -> file.getFileName().toString().startsWith(partPrefix + "-"))
                    .sorted()
                    .toList();
            for (Path file : partFiles) {
                for (String line : Files.readAllLines(file)) {
                    lines.add(parse(line));
                }
            }
        }
        return lines;
    }

    private static boolean isCommittedPartFile(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && !name.startsWith(".") && name.endsWith(".jsonl");
    }

    private static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("Invalid JSON line: " + line, e);
        }
    }
}
