package io.uavstream.analytics;

import io.uavstream.analytics.event.ClassCountsEvent;
import io.uavstream.analytics.state.AnalyticsState;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** The open tumbling window of class counts; mutable, owned by one {@link TrackAnalytics}. */
final class ClassCountWindow {

    private final String droneId;
    private final long lengthMicros;
    private long startMicros;
    private final SortedMap<String, SortedSet<Long>> tracksByClass = new TreeMap<>();

    ClassCountWindow(String droneId, long lengthMicros, long startMicros, SortedMap<String, SortedSet<Long>> tracksByClass) {
        this.droneId = droneId;
        this.lengthMicros = lengthMicros;
        this.startMicros = startMicros;
        tracksByClass.forEach((className, ids) -> this.tracksByClass.put(className, new TreeSet<>(ids)));
    }

    /**
     * Moves the window to the one containing the capture time, and returns the counts of the
     * previous window when the time is at or past its end. Windows without frames emit nothing.
     */
    Optional<ClassCountsEvent> advanceTo(long captureTimeMicros) {
        long start = Math.floorDiv(captureTimeMicros, lengthMicros) * lengthMicros;
        if (startMicros == start) {
            return Optional.empty();
        }
        Optional<ClassCountsEvent> closed = Optional.empty();
        if (startMicros != AnalyticsState.NO_TIME) {
            SortedMap<String, Integer> counts = new TreeMap<>();
            tracksByClass.forEach((className, ids) -> counts.put(className, ids.size()));
            closed = Optional.of(new ClassCountsEvent(droneId, startMicros, startMicros + lengthMicros, counts));
        }
        startMicros = start;
        tracksByClass.clear();
        return closed;
    }

    void add(String className, long trackId) {
        tracksByClass.computeIfAbsent(className, name -> new TreeSet<>()).add(trackId);
    }

    long startMicros() {
        return startMicros;
    }

    SortedMap<String, SortedSet<Long>> tracksByClass() {
        return tracksByClass;
    }
}
