package io.uavstream.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Replaces one generated section of a Markdown page, between the HTML comments
 * {@code <!-- KEY -->} and {@code <!-- /KEY -->}, or appends the section with its markers when the
 * page has none. The text outside the markers is left as it is.
 */
final class DocSection {

    private DocSection() {
    }

    /** Writes {@code content} between the markers of {@code key} in {@code page}, creating the page if needed. */
    static void write(Path page, String key, String content) throws IOException {
        String begin = "<!-- " + key + " -->";
        String end = "<!-- /" + key + " -->";
        String block = begin + "\n" + content + (content.endsWith("\n") ? "" : "\n") + end;
        String text = Files.isRegularFile(page) ? Files.readString(page, StandardCharsets.UTF_8) : "";
        int start = text.indexOf(begin);
        int stop = start < 0 ? -1 : text.indexOf(end, start);
        String updated;
        if (start >= 0 && stop >= 0) {
            updated = text.substring(0, start) + block + text.substring(stop + end.length());
        } else {
            String separator = text.isEmpty() || text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n";
            updated = text + separator + block + "\n";
        }
        Files.writeString(page, updated, StandardCharsets.UTF_8);
    }
}
