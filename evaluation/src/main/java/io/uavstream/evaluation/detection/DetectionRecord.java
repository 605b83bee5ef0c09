package io.uavstream.evaluation.detection;

import io.uavstream.evaluation.geometry.BoundingBox;
import java.util.Objects;

/**
 * One box of a detection list: a ground-truth object or a detector output, in one image.
 *
 * @param image image key within its sequence (the frame number in MOTChallenge layout)
 * @param classId object class
 * @param box box in pixels
 * @param score detection score (higher is more confident), ignored for ground truth
 * @param crowd for ground truth, whether the box is a crowd region that any number of detections
 *     may fall into without counting as true or false positives. Always false for detections
 */
public record DetectionRecord(int image, int classId, BoundingBox box, double score, boolean crowd) {

    public DetectionRecord {
        Objects.requireNonNull(box, "box");
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite, got " + score + " (image " + image + ")");
        }
    }

    /** Creates a ground-truth object that is not a crowd region. */
    public static DetectionRecord object(int image, int classId, BoundingBox box) {
        return new DetectionRecord(image, classId, box, 1.0, false);
    }

    /** Creates a ground-truth crowd region. */
    public static DetectionRecord crowdRegion(int image, int classId, BoundingBox box) {
        return new DetectionRecord(image, classId, box, 1.0, true);
    }

    /** Creates a detector output. */
    public static DetectionRecord detection(int image, int classId, BoundingBox box, double score) {
        return new DetectionRecord(image, classId, box, score, false);
    }
}
