package io.uavstream.analytics;

import io.uavstream.analytics.definition.CoordinateSpace;
import io.uavstream.analytics.definition.LineDefinition;
import io.uavstream.analytics.event.CrossingDirection;
import io.uavstream.analytics.geo.GeodeticPoint;
import io.uavstream.analytics.geo.LocalTangentPlane;
import io.uavstream.analytics.geo.Vector3;
import io.uavstream.analytics.geometry.AxisOrientation;
import io.uavstream.analytics.geometry.DirectedSegment;
import io.uavstream.analytics.geometry.Point2;
import io.uavstream.analytics.geometry.Side;
import java.util.Optional;

/** A counting line ready for tests; a WGS84 line works in east-north metres at its start. */
final class CompiledLine {

    private final LineDefinition definition;
    private final LocalTangentPlane plane;
    private final DirectedSegment segment;

    CompiledLine(LineDefinition definition) {
        this.definition = definition;
        if (definition.space() == CoordinateSpace.WGS84) {
            Point2 start = definition.segment().start();
            this.plane = new LocalTangentPlane(GeodeticPoint.of(start.y(), start.x()));
            this.segment = new DirectedSegment(toPlane(start), toPlane(definition.segment().end()));
        } else {
            this.plane = null;
            this.segment = definition.segment();
        }
    }

    LineDefinition definition() {
        return definition;
    }

    /** Returns the direction in which the path from the previous to the current position crosses the line, if it does. */
    Optional<CrossingDirection> crossing(Point2 previousPixel, Point2 pixel, GeodeticPoint previousWorld, GeodeticPoint world) {
        Optional<Side> side;
        if (plane == null) {
            side = segment.crossing(previousPixel, pixel, AxisOrientation.Y_DOWN);
        } else if (previousWorld == null || world == null) {
            return Optional.empty();
        } else {
            side = segment.crossing(toPlane(previousWorld), toPlane(world), AxisOrientation.Y_UP);
        }
        return side.map(to -> to == Side.RIGHT ? CrossingDirection.LEFT_TO_RIGHT : CrossingDirection.RIGHT_TO_LEFT);
    }

    private Point2 toPlane(Point2 lonLat) {
        return toPlane(GeodeticPoint.of(lonLat.y(), lonLat.x()));
    }

    private Point2 toPlane(GeodeticPoint point) {
        Vector3 enu = plane.toEnu(point);
        return new Point2(enu.x(), enu.y());
    }
}
