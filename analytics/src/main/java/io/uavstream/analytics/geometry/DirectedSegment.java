package io.uavstream.analytics.geometry;

import java.io.Serializable;
import java.util.Optional;

/**
 * Line segment directed from {@code start} to {@code end}, used as a counting line.
 *
 * <p>Side tests use the sign of the cross product (end - start) x (point - start). A point exactly
 * on the infinite line counts as {@link Side#LEFT}, so the two sides are half-planes that do not
 * overlap, and a path that stops on the line and goes on is counted once. The price is that a
 * path that touches the line from the right counts as a crossing to the left and one back.
 */
public record DirectedSegment(Point2 start, Point2 end) implements Serializable {

    public DirectedSegment {
        if (start == null || end == null) {
            throw new IllegalArgumentException("Segment start and end must not be null");
        }
        if (start.equals(end)) {
            throw new IllegalArgumentException("Segment start and end must differ, both are " + start);
        }
    }

    /** Returns the cross product (end - start) x (point - start), in squared coordinate units. */
    public double cross(Point2 point) {
        double dx = end.x() - start.x();
        double dy = end.y() - start.y();
        return dx * (point.y() - start.y()) - dy * (point.x() - start.x());
    }

    /** Returns the side of the directed line on which the point lies; points on the line are LEFT. */
    public Side side(Point2 point, AxisOrientation orientation) {
        double cross = cross(point);
        if (cross == 0) {
            return Side.LEFT;
        }
        // With y up a positive cross product is a counter-clockwise turn, that is, left; a
        // y-down image mirrors the picture.
        boolean positiveIsLeft = orientation == AxisOrientation.Y_UP;
        return (cross > 0) == positiveIsLeft ? Side.LEFT : Side.RIGHT;
    }

    /**
     * Returns the side the path {@code from -> to} moves to when it passes this segment, or empty
     * when it stays on one side or passes the infinite line outside the segment. A position
     * exactly on the line is on the left, as the class documentation explains.
     */
    public Optional<Side> crossing(Point2 from, Point2 to, AxisOrientation orientation) {
        Side fromSide = side(from, orientation);
        Side toSide = side(to, orientation);
        if (fromSide == toSide) {
            return Optional.empty();
        }
        double crossFrom = cross(from);
        double crossTo = cross(to);
        // Sides differ, so crossFrom != crossTo and t is the path parameter of the intersection.
        double t = crossFrom / (crossFrom - crossTo);
        double x = from.x() + t * (to.x() - from.x());
        double y = from.y() + t * (to.y() - from.y());
        double dx = end.x() - start.x();
        double dy = end.y() - start.y();
        double along = ((x - start.x()) * dx + (y - start.y()) * dy) / (dx * dx + dy * dy);
        if (along < 0 || along > 1) {
            return Optional.empty();
        }
        return Optional.of(toSide);
    }
}
