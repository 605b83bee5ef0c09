package io.uavstream.evaluation.mot;

import io.uavstream.evaluation.geometry.BoundingBox;
import java.util.Objects;

/**
 * One row of a MOTChallenge file: an object box in one frame, for ground truth or predictions.
 *
 * @param frame frame number, as in the file (MOTChallenge counts from 1)
 * @param trackId object identity, constant along a trajectory
 * @param box box in pixels
 * @param confidence the detection score of a prediction, or the "consider" flag of a ground-truth
 *     row, where 0 marks a row that is not scored (see {@link MotConfig})
 * @param classId object class, or {@link #NOT_GIVEN}
 * @param visibility visible fraction of the object in [0, 1], or {@link #NOT_GIVEN} (any negative
 *     value means not given)
 */
public record MotRecord(int frame, int trackId, BoundingBox box, double confidence, int classId, double visibility) {

    /** Value of {@link #classId} and {@link #visibility} when the file does not give one. */
    public static final int NOT_GIVEN = -1;

    public MotRecord {
        Objects.requireNonNull(box, "box");
        if (Double.isNaN(confidence) || Double.isNaN(visibility)) {
            throw new IllegalArgumentException("confidence and visibility must not be NaN (frame " + frame
                    + ", track " + trackId + ")");
        }
    }

    /** Creates a record with confidence 1 and no class or visibility, as a plain tracker writes it. */
    public static MotRecord of(int frame, int trackId, BoundingBox box) {
        return new MotRecord(frame, trackId, box, 1.0, NOT_GIVEN, NOT_GIVEN);
    }

    /** Creates a ground-truth record of a class that is scored (flag 1, fully visible). */
    public static MotRecord groundTruth(int frame, int trackId, BoundingBox box, int classId) {
        return new MotRecord(frame, trackId, box, 1.0, classId, 1.0);
    }
}
