package io.uavstream.evaluation.detection;

import io.uavstream.evaluation.mot.MotRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The detection boxes of one sequence of images, ground truth or detector output, grouped by
 * image.
 */
public final class DetectionSet {

    private final NavigableMap<Integer, List<DetectionRecord>> recordsByImage;
    private final int size;

    private DetectionSet(NavigableMap<Integer, List<DetectionRecord>> recordsByImage, int size) {
        this.recordsByImage = Collections.unmodifiableNavigableMap(recordsByImage);
        this.size = size;
    }

    public static DetectionSet of(Collection<DetectionRecord> records) {
        NavigableMap<Integer, List<DetectionRecord>> byImage = new TreeMap<>();
        for (DetectionRecord record : records) {
            byImage.computeIfAbsent(record.image(), image -> new ArrayList<>()).add(record);
        }
        byImage.replaceAll((image, list) -> List.copyOf(list));
        return new DetectionSet(byImage, records.size());
    }

    public static DetectionSet empty() {
        return of(List.of());
    }

    /**
     * Converts MOTChallenge ground-truth rows: the frame is the image, and a row whose flag
     * (column 7) is 0 becomes a crowd region. The track ID and visibility are not used.
     */
    public static DetectionSet fromGroundTruthRows(Collection<MotRecord> rows) {
        List<DetectionRecord> records = new ArrayList<>(rows.size());
        for (MotRecord row : rows) {
            records.add(new DetectionRecord(row.frame(), row.classId(), row.box(), 1.0, row.confidence() == 0));
        }
        return of(records);
    }

    /**
     * Converts MOTChallenge-layout detector output: the frame is the image and column 7 is the
     * score. The track ID (usually -1) and visibility are not used.
     */
    public static DetectionSet fromPredictionRows(Collection<MotRecord> rows) {
        List<DetectionRecord> records = new ArrayList<>(rows.size());
        for (MotRecord row : rows) {
            records.add(DetectionRecord.detection(row.frame(), row.classId(), row.box(), row.confidence()));
        }
        return of(records);
    }

    /** Returns the records of each image that has any, in ascending image order. */
    public NavigableMap<Integer, List<DetectionRecord>> recordsByImage() {
        return recordsByImage;
    }

    public int size() {
        return size;
    }
}
