package io.uavstream.analytics;

import io.uavstream.analytics.geo.GeodeticPoint;
import io.uavstream.analytics.geometry.Point2;
import io.uavstream.analytics.geometry.ReferencePoint;
import java.util.Optional;

/**
 * One track in one frame, as {@link TrackAnalytics#update} takes it.
 *
 * @param trackId tracker's track ID, unique per drone and never reused
 * @param className detector class name of the track, such as "person"
 * @param x1 left edge of the box in pixels
 * @param y1 top edge of the box in pixels
 * @param x2 right edge of the box in pixels
 * @param y2 bottom edge of the box in pixels
 * @param worldPosition the object's WGS84 ground position, or null when the camera pose is
 *     unknown; WGS84 zones and lines ignore a track without one
 */
public record TrackObservation(
        long trackId, String className, double x1, double y1, double x2, double y2, GeodeticPoint worldPosition) {

    public TrackObservation {
        if (className == null || className.isBlank()) {
            throw new IllegalArgumentException("Track " + trackId + " needs a non-blank class name");
        }
        if (!Double.isFinite(x1) || !Double.isFinite(y1) || !Double.isFinite(x2) || !Double.isFinite(y2)
                || x2 < x1 || y2 < y1) {
            throw new IllegalArgumentException("Track " + trackId + " box must have finite corners with x1 <= x2 and "
                    + "y1 <= y2, got (" + x1 + ", " + y1 + ", " + x2 + ", " + y2 + ")");
        }
    }

    /** Creates an observation without a world position. */
    public static TrackObservation of(long trackId, String className, double x1, double y1, double x2, double y2) {
        return new TrackObservation(trackId, className, x1, y1, x2, y2, null);
    }

    /** Returns a copy with the given WGS84 ground position. */
    public TrackObservation withWorldPosition(GeodeticPoint position) {
        return new TrackObservation(trackId, className, x1, y1, x2, y2, position);
    }

    public Optional<GeodeticPoint> world() {
        return Optional.ofNullable(worldPosition);
    }

    /** Returns the box's reference point in pixels. */
    public Point2 referencePoint(ReferencePoint reference) {
        return reference.of(x1, y1, x2, y2);
    }
}
