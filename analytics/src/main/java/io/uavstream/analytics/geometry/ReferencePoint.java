package io.uavstream.analytics.geometry;

/**
 * Point of a track's pixel box that represents the object's position in zone and line tests.
 * Aerial views see the object's ground contact at the bottom of its box, hence the default
 * {@link #BOTTOM_CENTER}.
 */
public enum ReferencePoint {
    BOTTOM_CENTER,
    CENTER,
    TOP_CENTER;

    /** Returns the reference point of the box with corners (x1, y1) top-left and (x2, y2) bottom-right, in pixels. */
    public Point2 of(double x1, double y1, double x2, double y2) {
        double centerX = (x1 + x2) / 2;
        return switch (this) {
            case BOTTOM_CENTER -> new Point2(centerX, y2);
            case CENTER -> new Point2(centerX, (y1 + y2) / 2);
            case TOP_CENTER -> new Point2(centerX, y1);
        };
    }
}
