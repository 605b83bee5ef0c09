package io.uavstream.evaluation.io;

import io.uavstream.evaluation.detection.DetectionSet;
import io.uavstream.evaluation.geometry.BoundingBox;
import io.uavstream.evaluation.mot.MotRecord;
import io.uavstream.evaluation.mot.Sequence;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads MOTChallenge text files (the {@code gt/gt.txt} of a sequence and tracker output), one
 * box per line:
 *
 * <pre>frame, id, left, top, width, height, conf, class, visibility[, ignored]</pre>
 *
 * <p>Columns 1 to 6 are required: frame (an integer, 0 or more), track ID (an integer, -1 for
 * detections without identity), and the box in pixels (width and height not negative).
 * Columns 7 to 9 are optional and default to 1, {@link MotRecord#NOT_GIVEN} and
 * {@link MotRecord#NOT_GIVEN}:
 *
 * <ul>
 *   <li>7, conf: the score of a prediction, or the flag of a ground-truth row (0 = not scored).
 *   <li>8, class: the class ID of a ground-truth row, or -1 when not given. Tracker output in the
 *       MOT15 layout has -1 here (its world x coordinate), which reads as "no class".
 *   <li>9, visibility: the visible fraction of a ground-truth object. Any negative value means
 *       not given.
 * </ul>
 *
 * <p>A 10th column (MOT15 world z) is ignored, and more columns are an error. Fields are separated by
 * commas, or by whitespace on a line without a comma. Blank lines and lines starting with
 * {@code #} are skipped. How the flag, class and visibility of ground truth are used is set in
 * {@link io.uavstream.evaluation.mot.MotConfig}.
 *
 * <p>The column layout follows A. Milan, L. Leal-Taixé, I. Reid, S. Roth and K. Schindler,
 * "MOT16: A Benchmark for Multi-Object Tracking", arXiv:1603.00831, 2016.
 */
public final class MotChallengeReader {

    private static final int MIN_COLUMNS = 6;
    private static final int MAX_COLUMNS = 10;

    private MotChallengeReader() {
    }

    /** Reads every row of a file, in file order. */
    public static List<MotRecord> read(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        }
    }

    /** Reads every row from {@code reader}, with {@code source} as its name in error messages. */
    public static List<MotRecord> read(BufferedReader reader, String source) throws IOException {
        List<MotRecord> records = new ArrayList<>();
        readNumbered(reader, source, (lineNumber, record) -> records.add(record));
        return records;
    }

    /**
     * Reads a file as one tracking sequence.
     *
     * @throws MalformedFileException also when a track ID appears twice in one frame
     */
    public static Sequence readSequence(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readSequence(reader, file.toString());
        }
    }

    /** Reads one tracking sequence from {@code reader}, with {@code source} as its name in error messages. */
    public static Sequence readSequence(BufferedReader reader, String source) throws IOException {
        List<MotRecord> records = new ArrayList<>();
        Map<Long, Integer> lineByFrameAndId = new HashMap<>();
        readNumbered(reader, source, (lineNumber, record) -> {
            long key = ((long) record.frame() << 32) | (record.trackId() & 0xFFFFFFFFL);
            Integer firstLine = lineByFrameAndId.putIfAbsent(key, lineNumber);
            if (firstLine != null) {
                throw new MalformedFileException(source, lineNumber, "track ID " + record.trackId()
                        + " appears again in frame " + record.frame() + " (first on line " + firstLine + ")");
            }
            records.add(record);
        });
        return Sequence.of(records);
    }

    /** Reads detection ground truth: flag 0 in column 7 marks a crowd region. */
    public static DetectionSet readDetectionGroundTruth(Path file) throws IOException {
        return DetectionSet.fromGroundTruthRows(read(file));
    }

    /** Reads detector output in MOTChallenge layout: column 7 is the score, column 8 the class. */
    public static DetectionSet readDetections(Path file) throws IOException {
        return DetectionSet.fromPredictionRows(read(file));
    }

    private interface RowConsumer {
        void accept(int lineNumber, MotRecord record) throws MalformedFileException;
    }

    private static void readNumbered(BufferedReader reader, String source, RowConsumer consumer) throws IOException {
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            consumer.accept(lineNumber, parse(new NumericLine(source, lineNumber, trimmed)));
        }
    }

    private static MotRecord parse(NumericLine line) throws MalformedFileException {
        int columns = line.fieldCount();
        if (columns < MIN_COLUMNS || columns > MAX_COLUMNS) {
            throw line.error("expected " + MIN_COLUMNS + " to " + MAX_COLUMNS
                    + " columns (frame, id, left, top, width, height, conf, class, visibility), found " + columns);
        }
        int frame = line.integerAt(0, "frame");
        if (frame < 0) {
            throw line.error("column 1 (frame) must not be negative, got " + frame);
        }
        int trackId = line.integerAt(1, "id");
        double left = line.finiteAt(2, "left");
        double top = line.finiteAt(3, "top");
        double width = line.finiteAt(4, "width");
        double height = line.finiteAt(5, "height");
        if (width < 0 || height < 0) {
            throw line.error("box width and height must not be negative, got " + width + " x " + height);
        }
        double confidence = columns > 6 ? line.finiteAt(6, "conf") : 1.0;
        int classId = columns > 7 ? line.integerAt(7, "class") : MotRecord.NOT_GIVEN;
        double visibility = columns > 8 ? line.finiteAt(8, "visibility") : MotRecord.NOT_GIVEN;
        BoundingBox box = new BoundingBox(left, top, width, height);
        return new MotRecord(frame, trackId, box, confidence, classId, visibility);
    }
}
