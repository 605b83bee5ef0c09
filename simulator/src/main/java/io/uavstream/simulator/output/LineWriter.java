package io.uavstream.simulator.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A UTF-8 text file written line by line with '\n' endings, whatever the platform. */
class LineWriter implements AutoCloseable {

    private final Path file;
    private final BufferedWriter writer;

    LineWriter(Path file) throws IOException {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    /** Writes one line; raises {@link UncheckedIOException} naming the file if that fails. */
    void line(String text) {
        try {
            writer.write(text);
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to write " + file, e);
        }
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
