package io.uavstream.analytics.event;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Number of distinct tracks per class seen in one tumbling window [start, end) of capture time.
 * A track whose class changed inside the window counts once under each class.
 */
public record ClassCountsEvent(String droneId, long windowStartMicros, long windowEndMicros, SortedMap<String, Integer> counts)
        implements AnalyticsEvent {

    public ClassCountsEvent {
        counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
    }

    @Override
    public AnalyticsEventType type() {
        return AnalyticsEventType.CLASS_COUNTS;
    }

    /** Returns the window end, the time the counts are complete. */
    @Override
    public long captureTimeMicros() {
        return windowEndMicros;
    }
}
