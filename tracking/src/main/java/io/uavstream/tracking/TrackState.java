package io.uavstream.tracking;

/**
 * Life-cycle state of a track: TENTATIVE, then CONFIRMED, LOST while unmatched, and finally
 * REMOVED. A track that is LOST returns to CONFIRMED when it is matched again.
 */
public enum TrackState {
    /** Started from a detection and matched in every frame since, but younger than the confirm time. */
    TENTATIVE,
    /** Confirmed and matched to a detection in the latest update. */
    CONFIRMED,
    /** Confirmed earlier but not matched in the latest update; its box is the motion prediction. */
    LOST,
    /** Ended in the latest update and reported once; the tracker keeps no state for it. */
    REMOVED
}
