package io.uavstream.simulator.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small JSON documents (maps and records) pretty-printed, with a final line break. */
public final class JsonFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFiles() {}

    public static void write(Path file, Object document) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, MAPPER.writeValueAsString(document) + "\n");
    }

    /** Returns the shared mapper, configured for pretty output. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
