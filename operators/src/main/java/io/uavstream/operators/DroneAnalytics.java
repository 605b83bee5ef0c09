package io.uavstream.operators;

import io.uavstream.analytics.state.AnalyticsState;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Keyed state of {@link AnalyticsFunction} for one drone: the {@link AnalyticsState} of its
 * track analytics, the session of its latest analysed frame, and the capture time at which each
 * live track was last matched to a detection. Immutable.
 *
 * @param sessionId ingest session of the latest analysed frame, or the empty string before the first
 * @param analytics state of the drone's {@code TrackAnalytics}
 * @param lastMatchedMicros capture time in microseconds of each live track's latest matched box, by track ID
 */
record DroneAnalytics(String sessionId, AnalyticsState analytics, SortedMap<Long, Long> lastMatchedMicros) {

    static final DroneAnalytics INITIAL = new DroneAnalytics("", AnalyticsState.EMPTY, new TreeMap<>());

    DroneAnalytics {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(analytics, "analytics");
        lastMatchedMicros = Collections.unmodifiableSortedMap(new TreeMap<>(lastMatchedMicros));
    }
}
