package io.uavstream.operators;

import java.util.HashMap;
import java.util.Map;

/**
 * The model selection of each drone, handed from {@link ModelSelectFunction} to
 * {@link DetectFunction} within one Flink task. The two run chained in the task's thread:
 * the select function records a drone's selection before it forwards the drone's packet, and the
 * decoder and detector process that packet's frames in the same call. So the selection is
 * thread-local and needs no locking.
 *
 * <p>NOTE: this relies on the select function, decoder and detector being chained in one task,
 * which {@link DroneAnalysis} arranges. Without the select function in the task, the detector finds
 * no selections and uses the job's model.
 */
final class TaskModelSelections {

    private static final ThreadLocal<Map<String, ModelSelection>> SELECTIONS = ThreadLocal.withInitial(HashMap::new);

    private TaskModelSelections() {}

    /** Records the drone's selection, or its absence ({@code selection} null), for the frames of its next packet. */
    static void record(String droneId, ModelSelection selection) {
        if (selection == null) {
            SELECTIONS.get().remove(droneId);
        } else {
            SELECTIONS.get().put(droneId, selection);
        }
    }

    /** Returns the selection last recorded for the drone in this task, or null for the job's model. */
    static ModelSelection current(String droneId) {
        return SELECTIONS.get().get(droneId);
    }

    /** Forgets every selection of this task, when its select function closes. */
    static void clear() {
        SELECTIONS.remove();
    }
}
