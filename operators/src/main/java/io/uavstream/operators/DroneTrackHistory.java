package io.uavstream.operators;

import java.util.Map;
import java.util.TreeMap;

/**
 * Keyed state of {@link TrackFunction} beside the tracker's own state: the session of the drone's
 * latest tracked frame and a {@link TrackHistory} per live track, in track ID order. Written by
 * {@link DroneTrackHistorySerializer}.
 */
final class DroneTrackHistory {

    /** Session of the latest tracked frame, or null before the first. */
    String sessionId;

    final TreeMap<Long, TrackHistory> tracks = new TreeMap<>();

    DroneTrackHistory copy() {
        DroneTrackHistory copy = new DroneTrackHistory();
        copy.sessionId = sessionId;
        for (Map.Entry<Long, TrackHistory> entry : tracks.entrySet()) {
            copy.tracks.put(entry.getKey(), entry.getValue().copy());
        }
        return copy;
    }
}
