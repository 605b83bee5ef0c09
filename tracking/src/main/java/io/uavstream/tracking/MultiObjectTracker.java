package io.uavstream.tracking;

import io.uavstream.tracking.geometry.Homography;
import java.util.List;
import java.util.Optional;

/**
 * Multi-object tracker for the frames of one camera (one drone). Implementations are created by
 * {@link Trackers}, are deterministic (the same config, state and input give the same output)
 * and are not thread-safe.
 */
public interface MultiObjectTracker {

    /**
     * Advances the tracker to a frame and associates its detections with the tracks.
     *
     * @param captureTimeMicros capture time of the frame in microseconds, not before that of the
     *     previous update; the time step between updates drives the motion model
     * @param detections the frame's detections in pixels; the tracks' detection indexes refer to
     *     this list
     * @param cameraMotion homography from the pixel coordinates of the previous update's frame to
     *     those of this frame, if known; ignored when camera-motion compensation is off
     * @return the live tracks (TENTATIVE, CONFIRMED, LOST), and the tracks removed in this update
     *     (REMOVED, reported once), in ascending track ID order
     * @throws IllegalArgumentException if the capture time is before the previous update's, or an
     *     argument is null
     */
    List<Track> update(long captureTimeMicros, List<TrackerDetection> detections, Optional<Homography> cameraMotion);

    /** Returns the whole state, from which {@link Trackers#restore} builds an equal tracker. */
    TrackerState snapshot();
}
