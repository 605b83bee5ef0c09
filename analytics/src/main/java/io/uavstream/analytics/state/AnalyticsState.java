package io.uavstream.analytics.state;

import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Immutable snapshot of one drone's track analytics: everything needed, together with the config
 * and definitions, to continue with the same events as an uninterrupted run.
 *
 * @param lastCaptureTimeMicros capture time of the latest frame, or {@link #NO_TIME}
 * @param tracks live tracks by track ID
 * @param windowStartMicros start of the open count window, or {@link #NO_TIME}
 * @param windowTracks IDs of the tracks seen in the open window, by class name
 */
public record AnalyticsState(
        long lastCaptureTimeMicros,
        SortedMap<Long, TrackMemory> tracks,
        long windowStartMicros,
        SortedMap<String, SortedSet<Long>> windowTracks) {

    public static final long NO_TIME = Long.MIN_VALUE;

    public static final AnalyticsState EMPTY = new AnalyticsState(NO_TIME, new TreeMap<>(), NO_TIME, new TreeMap<>());

    public AnalyticsState {
        tracks = Collections.unmodifiableSortedMap(new TreeMap<>(tracks));
        TreeMap<String, SortedSet<Long>> copy = new TreeMap<>();
        windowTracks.forEach((className, ids) -> copy.put(className, Collections.unmodifiableSortedSet(new TreeSet<>(ids))));
        windowTracks = Collections.unmodifiableSortedMap(copy);
    }
}
