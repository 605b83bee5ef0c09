package io.uavstream.analytics.definition;

import io.uavstream.analytics.geometry.DirectedSegment;
import java.io.Serializable;
import java.util.Set;

/**
 * Counting line of one drone: a directed segment in pixels or WGS84 degrees, and the classes it
 * applies to. Crossings are reported as left-to-right or right-to-left of the segment's direction.
 *
 * @param id ID, unique among the lines of a {@link DefinitionSet}
 * @param name display name, may be empty
 * @param droneId drone whose tracks the line applies to
 * @param space coordinates of {@code segment}
 * @param segment the line from its start to its end; for WGS84, x is longitude and y latitude
 * @param classes class names the line applies to; empty means every class
 */
public record LineDefinition(
        String id, String name, String droneId, CoordinateSpace space, DirectedSegment segment, Set<String> classes)
        implements Serializable {

    public LineDefinition {
        Definitions.requireId(id, "Line ID");
        name = name == null ? "" : name;
        Definitions.requireId(droneId, "Drone ID of line " + id);
        if (space == null || segment == null) {
            throw new IllegalArgumentException("Line " + id + " needs a coordinate space and a segment");
        }
        Definitions.requireInSpace(segment.start(), space, "Line " + id + " start");
        Definitions.requireInSpace(segment.end(), space, "Line " + id + " end");
        classes = Definitions.copyClasses(classes);
    }

    /** Returns whether the line applies to tracks of the class. */
    public boolean appliesTo(String className) {
        return classes.isEmpty() || classes.contains(className);
    }
}
