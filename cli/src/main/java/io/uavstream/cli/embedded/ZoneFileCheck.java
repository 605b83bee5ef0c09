package io.uavstream.cli.embedded;

import io.uavstream.analytics.definition.DefinitionSet;
import io.uavstream.analytics.definition.LineDefinition;
import io.uavstream.analytics.definition.ZoneDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Checks the zones and lines of {@code --zones} against what the run can match: the class names
 * of the model and the drone IDs of the input. The parser cannot do this, because a definition
 * that names another model's classes or another drone is valid on its own. A zone or line that
 * fails this check never produces events in this run, so the run warns before ingest.
 */
final class ZoneFileCheck {

    private final List<String> modelClasses;
    private final SortedSet<String> runDrones;
    private final String modelId;

    /**
     * @param modelId ID of the model, for the messages
     * @param modelClasses class names that the model detects
     * @param runDrones drone IDs whose video this run ingests
     */
    ZoneFileCheck(String modelId, Collection<String> modelClasses, Collection<String> runDrones) {
        this.modelId = modelId;
        this.modelClasses = List.copyOf(modelClasses);
        this.runDrones = new TreeSet<>(runDrones);
    }

    /** Returns one message per unknown class name or drone ID, in the order of the definitions; empty when all match. */
    List<String> problems(DefinitionSet definitions) {
        List<String> problems = new ArrayList<>();
        for (ZoneDefinition zone : definitions.zones()) {
            check("Zone", zone.id(), zone.droneId(), zone.classes(), problems);
        }
        for (LineDefinition line : definitions.lines()) {
            check("Line", line.id(), line.droneId(), line.classes(), problems);
        }
        return problems;
    }

    private void check(String kind, String id, String droneId, Set<String> classes, List<String> problems) {
        if (!runDrones.contains(droneId)) {
            problems.add(kind + " \"" + id + "\" belongs to drone \"" + droneId + "\", which is not in this run,"
                    + " so it produces no events; the run's drones are " + String.join(", ", runDrones));
        }
        for (String className : new TreeSet<>(classes)) {
            if (!modelClasses.contains(className)) {
                problems.add(kind + " \"" + id + "\" filters on class \"" + className + "\", which model " + modelId
                        + " does not detect; its classes are " + String.join(", ", modelClasses));
            }
        }
    }
}
