package io.uavstream.evaluation.io;

import io.uavstream.evaluation.mot.MotRecord;
import io.uavstream.evaluation.mot.Sequence;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes MOTChallenge text files in the 9-column layout that {@link MotChallengeReader} reads:
 * {@code frame,id,left,top,width,height,conf,class,visibility}. Whole numbers are written without
 * a decimal point, other numbers in Java's shortest round-trip form.
 */
public final class MotChallengeWriter {

    private MotChallengeWriter() {
    }

    /** Writes the sequence in frame order, replacing the file. */
    public static void write(Path file, Sequence sequence) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (List<MotRecord> frame : sequence.recordsByFrame().values()) {
                write(writer, frame);
            }
        }
    }

    /** Writes the records in the given order, one line each. */
    public static void write(Writer writer, List<MotRecord> records) throws IOException {
        StringBuilder line = new StringBuilder(96);
        for (MotRecord record : records) {
            line.setLength(0);
            line.append(record.frame()).append(',').append(record.trackId());
            appendNumber(line, record.box().left());
            appendNumber(line, record.box().top());
            appendNumber(line, record.box().width());
            appendNumber(line, record.box().height());
            appendNumber(line, record.confidence());
            line.append(',').append(record.classId());
            appendNumber(line, record.visibility());
            writer.write(line.append('\n').toString());
        }
    }

    private static void appendNumber(StringBuilder line, double value) {
        line.append(',');
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            line.append((long) value);
        } else {
            line.append(value);
        }
    }
}
