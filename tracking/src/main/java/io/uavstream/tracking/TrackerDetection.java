package io.uavstream.tracking;

import io.uavstream.tracking.geometry.Box;

/**
 * Detector output for one object in one frame: the tracker's input.
 *
 * @param classId detector class ID, non-negative
 * @param score detection confidence in [0, 1]
 * @param box box in pixels of the frame, with positive width and height
 */
public record TrackerDetection(int classId, double score, Box box) {

    public TrackerDetection {
        if (classId < 0) {
            throw new IllegalArgumentException("Detection class ID must be non-negative, got " + classId);
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("Detection score must be in [0, 1], got " + score);
        }
        if (box == null) {
            throw new IllegalArgumentException("Detection box must not be null");
        }
        if (!(box.width() > 0) || !(box.height() > 0)) {
            throw new IllegalArgumentException(
                    "Detection box must have positive width and height, got " + box.width() + " x " + box.height());
        }
    }
}
