package io.uavstream.tracking.testing;

import io.uavstream.tracking.MultiObjectTracker;
import io.uavstream.tracking.Track;
import io.uavstream.tracking.TrackerDetection;
import io.uavstream.tracking.geometry.Homography;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Feeds labeled detections to a tracker and records, through each CONFIRMED track's detection
 * index, which track IDs every ground-truth object got.
 */
public final class IdentityRecorder {

    private final MultiObjectTracker tracker;
    private final Map<Integer, Set<Long>> trackIdsByObject = new TreeMap<>();
    private final Map<Long, Set<Integer>> objectsByTrackId = new TreeMap<>();
    private final Map<Integer, Long> latestTrackIdByObject = new TreeMap<>();
    private final Map<Integer, Long> latestFrameTrackIdByObject = new TreeMap<>();
    private final List<List<Track>> outputs = new ArrayList<>();

    public IdentityRecorder(MultiObjectTracker tracker) {
        this.tracker = tracker;
    }

    /** Runs one update, records its CONFIRMED tracks and returns the tracker's output. */
    public List<Track> frame(long captureTimeMicros, List<LabeledDetection> detections, Optional<Homography> motion) {
        List<TrackerDetection> input = new ArrayList<>();
        for (LabeledDetection detection : detections) {
            input.add(detection.detection());
        }
        List<Track> tracks = tracker.update(captureTimeMicros, input, motion);
        latestFrameTrackIdByObject.clear();
        for (Track track : tracks) {
            if (track.isConfirmed() && track.detectionIndex() != Track.NO_DETECTION) {
                int objectId = detections.get(track.detectionIndex()).objectId();
                trackIdsByObject.computeIfAbsent(objectId, id -> new TreeSet<>()).add(track.trackId());
                objectsByTrackId.computeIfAbsent(track.trackId(), id -> new TreeSet<>()).add(objectId);
                latestTrackIdByObject.put(objectId, track.trackId());
                latestFrameTrackIdByObject.put(objectId, track.trackId());
            }
        }
        outputs.add(tracks);
        return tracks;
    }

    /** Returns the IDs of the CONFIRMED tracks matched to the object's detections so far. */
    public Set<Long> trackIdsOf(int objectId) {
        return trackIdsByObject.getOrDefault(objectId, Set.of());
    }

    /** Returns the objects whose detections the track was matched to while CONFIRMED. */
    public Set<Integer> objectsOf(long trackId) {
        return objectsByTrackId.getOrDefault(trackId, Set.of());
    }

    /** Returns every track ID that was CONFIRMED and matched at least once. */
    public Set<Long> confirmedTrackIds() {
        return objectsByTrackId.keySet();
    }

    /** Returns the ID of the CONFIRMED track last matched to the object, if any. */
    public Optional<Long> latestTrackIdOf(int objectId) {
        return Optional.ofNullable(latestTrackIdByObject.get(objectId));
    }

    /** Returns the ID of the CONFIRMED track matched to the object in the latest frame, if any. */
    public Optional<Long> latestFrameTrackIdOf(int objectId) {
        return Optional.ofNullable(latestFrameTrackIdByObject.get(objectId));
    }

    /** Returns the tracker output of every frame so far. */
    public List<List<Track>> outputs() {
        return outputs;
    }

    public MultiObjectTracker tracker() {
        return tracker;
    }
}
