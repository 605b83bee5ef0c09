package io.uavstream.analytics.definition;

import io.uavstream.analytics.geometry.Point2;
import io.uavstream.analytics.geometry.Polygon;
import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * Zone of one drone: a polygon in pixels or WGS84 degrees, and the classes it applies to.
 *
 * @param id ID, unique among the zones of a {@link DefinitionSet}
 * @param name display name, may be empty
 * @param droneId drone whose tracks the zone applies to
 * @param space coordinates of {@code polygon}
 * @param polygon zone area; for WGS84, x is longitude and y latitude in degrees
 * @param classes class names the zone applies to; empty means every class
 */
public record ZoneDefinition(
        String id, String name, String droneId, CoordinateSpace space, Polygon polygon, Set<String> classes)
        implements Serializable {

    public ZoneDefinition {
        Definitions.requireId(id, "Zone ID");
        name = name == null ? "" : name;
        Definitions.requireId(droneId, "Drone ID of zone " + id);
        if (space == null || polygon == null) {
            throw new IllegalArgumentException("Zone " + id + " needs a coordinate space and a polygon");
        }
        for (List<Point2> ring : polygon.holes()) {
            ring.forEach(point -> Definitions.requireInSpace(point, space, "Zone " + id + " hole vertex"));
        }
        for (Point2 point : polygon.exterior()) {
            Definitions.requireInSpace(point, space, "Zone " + id + " vertex");
        }
        classes = Definitions.copyClasses(classes);
    }

    /** Returns whether the zone applies to tracks of the class. */
    public boolean appliesTo(String className) {
        return classes.isEmpty() || classes.contains(className);
    }
}
