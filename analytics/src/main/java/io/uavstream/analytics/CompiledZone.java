package io.uavstream.analytics;

import io.uavstream.analytics.definition.CoordinateSpace;
import io.uavstream.analytics.definition.ZoneDefinition;
import io.uavstream.analytics.geo.GeodeticPoint;
import io.uavstream.analytics.geo.LocalTangentPlane;
import io.uavstream.analytics.geo.Vector3;
import io.uavstream.analytics.geometry.Point2;
import io.uavstream.analytics.geometry.Polygon;
import java.util.List;

/**
 * A zone ready for tests. A WGS84 zone is converted once to east-north metres in a tangent plane
 * at its first vertex, and track positions are converted into the same plane.
 */
final class CompiledZone {

    private final ZoneDefinition definition;
    private final LocalTangentPlane plane;
    private final Polygon polygon;

    CompiledZone(ZoneDefinition definition) {
        this.definition = definition;
        if (definition.space() == CoordinateSpace.WGS84) {
            Point2 first = definition.polygon().exterior().get(0);
            this.plane = new LocalTangentPlane(GeodeticPoint.of(first.y(), first.x()));
            this.polygon = new Polygon(
                    toPlane(definition.polygon().exterior()),
                    definition.polygon().holes().stream().map(this::toPlane).toList());
        } else {
            this.plane = null;
            this.polygon = definition.polygon();
        }
    }

    ZoneDefinition definition() {
        return definition;
    }

    String id() {
        return definition.id();
    }

    Presence test(Point2 pixel, GeodeticPoint world) {
        if (plane == null) {
            return polygon.contains(pixel) ? Presence.INSIDE : Presence.OUTSIDE;
        }
        if (world == null) {
            return Presence.UNKNOWN;
        }
        Vector3 enu = plane.toEnu(world);
        return polygon.contains(new Point2(enu.x(), enu.y())) ? Presence.INSIDE : Presence.OUTSIDE;
    }

    private List<Point2> toPlane(List<Point2> lonLatRing) {
        return lonLatRing.stream().map(lonLat -> {
            Vector3 enu = plane.toEnu(GeodeticPoint.of(lonLat.y(), lonLat.x()));
            return new Point2(enu.x(), enu.y());
        }).toList();
    }
}
