package io.uavstream.cli.bench;

import io.uavstream.tracking.Track;
import io.uavstream.tracking.TrackState;
import io.uavstream.tracking.geometry.Box;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Statistics of the confirmed tracks of one video, for a video without ground truth.
 *
 * <p>A <em>probable identity break</em> is a track whose first confirmed box lies near the last
 * confirmed box of another track that was last matched within {@value #BREAK_WINDOW_SECONDS} s
 * before: the box centres are at most one old box height apart. Most likely it is the same
 * object under a new ID.
 * It counts breaks of the kind that MOT's ID switches count, but without ground truth it
 * can neither see two tracks that swap objects nor tell two people passing the same spot apart.
 */
final class TrackStatistics {

    static final double BREAK_WINDOW_SECONDS = 2.0;

    /** First and last sighting of one confirmed track. */
    private static final class Span {
        long firstMicros;
        long lastMicros;
        Box lastBox;
        int frames;
    }

    private final Map<Long, Span> spans = new HashMap<>();
    private int probableBreaks;
    private int frames;

    /** Takes the tracks that one update returned for the frame captured at {@code captureMicros}. */
    void accept(long captureMicros, List<Track> tracks) {
        frames++;
        for (Track track : tracks) {
            if (track.state() != TrackState.CONFIRMED) {
                continue;
            }
            Span span = spans.get(track.trackId());
            if (span == null) {
                span = new Span();
                span.firstMicros = captureMicros;
                if (continuesEndedTrack(captureMicros, track.box())) {
                    probableBreaks++;
                }
                spans.put(track.trackId(), span);
            }
            span.lastMicros = captureMicros;
            span.lastBox = track.box();
            span.frames++;
        }
    }

    private boolean continuesEndedTrack(long captureMicros, Box firstBox) {
        long window = Math.round(BREAK_WINDOW_SECONDS * 1e6);
        for (Span other : spans.values()) {
            boolean endedRecently = other.lastMicros < captureMicros && captureMicros - other.lastMicros <= window;
            double distance = Math.hypot(other.lastBox.centerX() - firstBox.centerX(),
                    other.lastBox.centerY() - firstBox.centerY());
            if (endedRecently && distance <= other.lastBox.height()) {
                return true;
            }
        }
        return false;
    }

    int frames() {
        return frames;
    }

    /** Number of confirmed tracks, that is, of distinct track IDs reported. */
    int trackCount() {
        return spans.size();
    }

    /** Number of confirmed tracks that lasted at least {@code seconds}. */
    int tracksLastingAtLeast(double seconds) {
        return (int) spans.values().stream().filter(span -> (span.lastMicros - span.firstMicros) / 1e6 >= seconds).count();
    }

    /** Median duration of the confirmed tracks, first to last confirmed frame, in seconds. */
    double medianDurationSeconds() {
        List<Double> durations = new ArrayList<>();
        spans.values().forEach(span -> durations.add((span.lastMicros - span.firstMicros) / 1e6));
        if (durations.isEmpty()) {
            return 0;
        }
        Collections.sort(durations);
        return durations.get(durations.size() / 2);
    }

    int probableBreaks() {
        return probableBreaks;
    }
}
