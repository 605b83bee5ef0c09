package io.uavstream.tracking;

import java.util.List;
import java.util.OptionalLong;

/**
 * The whole state of a {@link MultiObjectTracker} as an immutable value: enough to restore a
 * tracker that continues exactly as the original would have. A Flink operator keeps it in keyed
 * state per drone and writes it with {@link TrackerStateSerializer}.
 *
 * @param nextTrackId ID that the next new track gets; IDs count up from 1 per tracker
 * @param lastCaptureTimeMicros capture time of the latest update in microseconds, empty before
 *     the first update
 * @param counters running totals of dropped work
 * @param tracks live tracks in ascending track ID order
 */
public record TrackerState(
        long nextTrackId, OptionalLong lastCaptureTimeMicros, TrackerCounters counters, List<TrackSnapshot> tracks) {

    private static final TrackerState INITIAL = new TrackerState(1, OptionalLong.empty(), TrackerCounters.ZERO, List.of());

    public TrackerState {
        if (lastCaptureTimeMicros == null || counters == null || tracks == null) {
            throw new IllegalArgumentException("TrackerState fields must not be null");
        }
        if (nextTrackId < 1) {
            throw new IllegalArgumentException("nextTrackId must be at least 1, got " + nextTrackId);
        }
        tracks = List.copyOf(tracks);
        long previousId = 0;
        for (TrackSnapshot track : tracks) {
            if (track.trackId() <= previousId) {
                throw new IllegalArgumentException("Tracks must be in strictly ascending ID order, but track "
                        + track.trackId() + " follows track " + previousId);
            }
            if (track.trackId() >= nextTrackId) {
                throw new IllegalArgumentException(
                        "Track ID " + track.trackId() + " must be below nextTrackId " + nextTrackId);
            }
            if (lastCaptureTimeMicros.isEmpty() || track.lastMatchedMicros() > lastCaptureTimeMicros.getAsLong()) {
                throw new IllegalArgumentException("Track " + track.trackId() + " was last matched at "
                        + track.lastMatchedMicros() + " us, after the latest update at " + lastCaptureTimeMicros);
            }
            previousId = track.trackId();
        }
    }

    /** Returns the state of a tracker that has seen no frame yet. */
    public static TrackerState initial() {
        return INITIAL;
    }
}
