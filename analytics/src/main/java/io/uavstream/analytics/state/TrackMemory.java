package io.uavstream.analytics.state;

import io.uavstream.analytics.geo.GeodeticPoint;
import io.uavstream.analytics.geometry.Point2;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * State of one live track between frames.
 *
 * @param trackId the track's ID
 * @param className class name in the latest frame
 * @param lastSeenMicros capture time of the latest frame with the track
 * @param lastPixel reference point in pixels in the latest frame
 * @param lastWorld latest known WGS84 position, or null when none was ever given
 * @param zones stays in zones, by zone ID
 */
public record TrackMemory(
        long trackId,
        String className,
        long lastSeenMicros,
        Point2 lastPixel,
        GeodeticPoint lastWorld,
        SortedMap<String, ZoneOccupancy> zones) {

    public TrackMemory {
        if (className == null || lastPixel == null || zones == null) {
            throw new IllegalArgumentException("Track " + trackId + " memory needs a class name, a pixel point and zones");
        }
        zones = Collections.unmodifiableSortedMap(new TreeMap<>(zones));
    }
}
