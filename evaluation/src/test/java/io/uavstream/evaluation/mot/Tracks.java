package io.uavstream.evaluation.mot;

import io.uavstream.evaluation.geometry.BoundingBox;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds small sequences for hand-worked tests. Boxes are 10 px high at top 0, so the IoU of two
 * boxes of width 10 whose left edges differ by d (d &lt; 10) is (10 - d) / (10 + d).
 */
final class Tracks {

    private final List<MotRecord> records = new ArrayList<>();

    static Tracks sequence() {
        return new Tracks();
    }

    static BoundingBox box(double left) {
        return new BoundingBox(left, 0, 10, 10);
    }

    /** Adds a box of width 10 at {@code left} for track {@code id} in each of the frames. */
    Tracks track(int id, double left, int... frames) {
        for (int frame : frames) {
            records.add(MotRecord.groundTruth(frame, id, box(left), 1));
        }
        return this;
    }

    Tracks add(MotRecord record) {
        records.add(record);
        return this;
    }

    Sequence build() {
        return Sequence.of(records);
    }

    static MotResult evaluate(Sequence groundTruth, Sequence predictions) {
        return MotEvaluator.evaluate("seq", groundTruth, predictions, MotConfig.defaults());
    }

    static MotRow evaluateRow(Sequence groundTruth, Sequence predictions) {
        return evaluate(groundTruth, predictions).row("seq");
    }
}
