package io.uavstream.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the committed JSON-lines output of a job, skipping hidden in-progress part files. */
final class JsonLinesFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonLinesFiles() {}

    /** Returns every line of every visible {@code .jsonl} file under {@code directory}, parsed. */
    static List<JsonNode> readAll(Path directory) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return lines;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(JsonLinesFiles::isCommittedPartFile).toList()) {
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
