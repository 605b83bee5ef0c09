package io.uavstream.tracking.bytetrack;

import io.uavstream.tracking.Track;
import io.uavstream.tracking.TrackSnapshot;
import io.uavstream.tracking.TrackState;
import io.uavstream.tracking.TrackerState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Live tracks of a {@link ByteTracker} in ascending ID order, bounded by max tracks, together
 * with the track ID counter and the counts of evicted tracks and skipped new tracks.
 */
final class TrackTable implements Iterable<KalmanTrack> {

    private static final Comparator<KalmanTrack> OLDEST_MATCH_FIRST = Comparator
            .<KalmanTrack>comparingLong(track -> track.lastMatchedMicros)
            .thenComparingLong(track -> track.trackId);

    private final int maxTracks;
    /** New tracks get the highest ID so far and are appended, which keeps the list in ID order. */
    private final List<KalmanTrack> tracks = new ArrayList<>();
    private long nextTrackId;
    private long evictedTracks;
    private long skippedNewTracks;

    /**
     * Restores the tracks of a state. Tracks beyond {@code maxTracks}, left by a lowered limit,
     * are evicted at once: LOST first, then TENTATIVE, then CONFIRMED, each oldest match first.
     */
    TrackTable(int maxTracks, TrackerState state) {
        this.maxTracks = maxTracks;
        this.nextTrackId = state.nextTrackId();
        this.evictedTracks = state.counters().evictedTracks();
        this.skippedNewTracks = state.counters().skippedNewTracks();
        for (TrackSnapshot snapshot : state.tracks()) {
            tracks.add(KalmanTrack.restore(snapshot));
        }
        evictBeyondLimit();
    }

    @Override
    public Iterator<KalmanTrack> iterator() {
        return tracks.iterator();
    }

    /** Returns a new list of the tracks in any of the states, in ID order. */
    List<KalmanTrack> inState(TrackState... states) {
        List<KalmanTrack> selected = new ArrayList<>();
        for (KalmanTrack track : tracks) {
            for (TrackState state : states) {
                if (track.state == state) {
                    selected.add(track);
                    break;
                }
            }
        }
        return selected;
    }

    /** Removes the track and reports it as REMOVED. */
    void remove(KalmanTrack track, long captureTimeMicros, List<Track> removed) {
        tracks.remove(track);
        removed.add(track.toTrack(TrackState.REMOVED, captureTimeMicros));
    }

    /** Removes the LOST tracks not matched for more than {@code maxLostTimeMicros}. */
    void removeExpired(long captureTimeMicros, long maxLostTimeMicros, List<Track> removed) {
        for (KalmanTrack track : inState(TrackState.LOST)) {
            if (captureTimeMicros - track.lastMatchedMicros > maxLostTimeMicros) {
                remove(track, captureTimeMicros, removed);
            }
        }
    }

    /**
     * Makes room for one new track: when the table is full, evicts the LOST track matched longest
     * ago. Returns {@code false}, and counts a skipped new track, when the table is full and has
     * no LOST track.
     */
    boolean makeRoom(long captureTimeMicros, List<Track> removed) {
        if (tracks.size() < maxTracks) {
            return true;
        }
        KalmanTrack victim = null;
        for (KalmanTrack track : tracks) {
            if (track.state == TrackState.LOST && (victim == null || OLDEST_MATCH_FIRST.compare(track, victim) < 0)) {
                victim = track;
            }
        }
        if (victim == null) {
            skippedNewTracks++;
            return false;
        }
        remove(victim, captureTimeMicros, removed);
        evictedTracks++;
        return true;
    }

    /** Returns the next track ID and advances the counter. */
    long takeTrackId() {
        return nextTrackId++;
    }

    /** Appends a track with the ID from the latest {@link #takeTrackId()}, after {@link #makeRoom}. */
    void add(KalmanTrack track) {
        tracks.add(track);
    }

    int size() {
        return tracks.size();
    }

    long nextTrackId() {
        return nextTrackId;
    }

    long evictedTracks() {
        return evictedTracks;
    }

    long skippedNewTracks() {
        return skippedNewTracks;
    }

    List<TrackSnapshot> snapshots() {
        List<TrackSnapshot> snapshots = new ArrayList<>(tracks.size());
        for (KalmanTrack track : tracks) {
            snapshots.add(track.toSnapshot());
        }
        return snapshots;
    }

    private void evictBeyondLimit() {
        int excess = tracks.size() - maxTracks;
        if (excess <= 0) {
            return;
        }
        List<KalmanTrack> order = new ArrayList<>(tracks);
        order.sort(Comparator.<KalmanTrack>comparingInt(track -> evictionRank(track.state))
                .thenComparing(OLDEST_MATCH_FIRST));
        for (int i = 0; i < excess; i++) {
            tracks.remove(order.get(i));
        }
        evictedTracks += excess;
    }

    private static int evictionRank(TrackState state) {
        return switch (state) {
            case LOST -> 0;
            case TENTATIVE -> 1;
            default -> 2;
        };
    }
}
