package io.uavstream.analytics.geometry;

import java.io.Serializable;
import java.util.List;

/**
 * Simple polygon with optional holes, each ring given by its vertices in order (either winding,
 * without repeating the first vertex at the end).
 *
 * <p>{@link #contains} is a closed-set test: a point on an edge or vertex of the outer ring is
 * inside, and so is a point on the edge of a hole, because a hole's boundary belongs to the
 * polygon. "On" is decided exactly in double arithmetic, which is exact for integer pixel
 * coordinates. Away from the boundary the test counts ray crossings (even-odd rule), which is
 * correct for concave rings. A self-intersecting ring is read by the even-odd rule as well.
 */
public record Polygon(List<Point2> exterior, List<List<Point2>> holes) implements Serializable {

    public Polygon {
        exterior = validRing(exterior, "exterior ring");
        if (holes == null) {
            throw new IllegalArgumentException("Polygon holes must not be null; pass an empty list");
        }
        holes = holes.stream().map(hole -> validRing(hole, "hole")).toList();
    }

    /** Creates a polygon without holes. */
    public static Polygon of(List<Point2> exterior) {
        return new Polygon(exterior, List.of());
    }

    /** Returns whether the point lies inside or on the boundary, as the class documentation defines. */
    public boolean contains(Point2 point) {
        if (!ringContainsClosed(exterior, point)) {
            return false;
        }
        for (List<Point2> hole : holes) {
            if (ringContainsClosed(hole, point) && !onBoundary(hole, point)) {
                return false;
            }
        }
        return true;
    }

    private static boolean ringContainsClosed(List<Point2> ring, Point2 point) {
        return onBoundary(ring, point) || crossingsOdd(ring, point);
    }

    private static boolean onBoundary(List<Point2> ring, Point2 point) {
        int n = ring.size();
        for (int i = 0; i < n; i++) {
            if (onSegment(ring.get(i), ring.get((i + 1) % n), point)) {
                return true;
            }
        }
        return false;
    }

    private static boolean onSegment(Point2 a, Point2 b, Point2 p) {
        double cross = (b.x() - a.x()) * (p.y() - a.y()) - (b.y() - a.y()) * (p.x() - a.x());
        return cross == 0
                && p.x() >= Math.min(a.x(), b.x()) && p.x() <= Math.max(a.x(), b.x())
                && p.y() >= Math.min(a.y(), b.y()) && p.y() <= Math.max(a.y(), b.y());
    }

    /**
     * Counts crossings of a ray from the point towards +x. An edge counts when one end is strictly
     * above the point and the other is not (half-open rule), so a ray through a vertex counts once.
     */
    private static boolean crossingsOdd(List<Point2> ring, Point2 p) {
        boolean inside = false;
        int n = ring.size();
        for (int i = 0, j = n - 1; i < n; j = i++) {
            Point2 a = ring.get(i);
            Point2 b = ring.get(j);
            if ((a.y() > p.y()) != (b.y() > p.y())) {
                double xAtY = a.x() + (p.y() - a.y()) * (b.x() - a.x()) / (b.y() - a.y());
                if (p.x() < xAtY) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    private static List<Point2> validRing(List<Point2> ring, String what) {
        if (ring == null) {
            throw new IllegalArgumentException("Polygon " + what + " must not be null");
        }
        List<Point2> vertices = List.copyOf(ring);
        if (vertices.size() < 3) {
            throw new IllegalArgumentException(
                    "Polygon " + what + " needs at least 3 vertices, got " + vertices.size());
        }
        if (signedDoubleArea(vertices) == 0) {
            throw new IllegalArgumentException("Polygon " + what + " has zero area: " + vertices);
        }
        return vertices;
    }

    private static double signedDoubleArea(List<Point2> ring) {
        double sum = 0;
        int n = ring.size();
        for (int i = 0; i < n; i++) {
            Point2 a = ring.get(i);
            Point2 b = ring.get((i + 1) % n);
            sum += a.x() * b.y() - b.x() * a.y();
        }
        return sum;
    }
}
