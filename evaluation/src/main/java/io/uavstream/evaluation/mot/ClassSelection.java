package io.uavstream.evaluation.mot;

import java.util.Set;

/**
 * The classes scored together in one evaluation pass.
 *
 * @param label label of the result rows: a class ID, or {@link #ALL_CLASSES}
 * @param classes the class IDs. Empty means every class
 */
record ClassSelection(String label, Set<Integer> classes) {

    /** Label of rows that score every selected class together. */
    static final String ALL_CLASSES = "all";

    boolean containsClass(int classId) {
        return classes.isEmpty() || classes.contains(classId);
    }

    /** Returns whether a prediction takes part, which it does when its class is selected or not given. */
    boolean acceptsPrediction(MotRecord prediction) {
        return prediction.classId() == MotRecord.NOT_GIVEN || containsClass(prediction.classId());
    }
}
