package io.uavstream.tracking;

import io.uavstream.tracking.geometry.Box;

/**
 * One track as reported by {@link MultiObjectTracker#update}.
 *
 * @param trackId ID, unique per tracker (that is, per drone) and never reused
 * @param classId class ID of the track's detections; with class-agnostic matching, the class of
 *     the latest matched detection
 * @param box Kalman-filtered box in pixels of the current frame; for a LOST or REMOVED track,
 *     the motion prediction
 * @param score confidence of the latest matched detection, in [0, 1]
 * @param state life-cycle state after this update
 * @param ageSeconds capture time in seconds from the track's first detection to this frame
 * @param hits number of detections matched to the track, the first one included
 * @param detectionIndex index into this update's detection list of the detection matched to the
 *     track, or -1 when none was matched in this update
 */
public record Track(
        long trackId,
        int classId,
        Box box,
        double score,
        TrackState state,
        double ageSeconds,
        int hits,
        int detectionIndex) {

    /** Value of {@link #detectionIndex()} for a track not matched in this update. */
    public static final int NO_DETECTION = -1;

    public Track {
        if (box == null || state == null) {
            throw new IllegalArgumentException("Track box and state must not be null");
        }
    }

    /** Returns whether the track is CONFIRMED, that is, confirmed and matched in this update. */
    public boolean isConfirmed() {
        return state == TrackState.CONFIRMED;
    }
}
