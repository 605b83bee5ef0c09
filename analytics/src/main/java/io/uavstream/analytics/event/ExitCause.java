package io.uavstream.analytics.event;

/** Reason for a {@link ZoneExitedEvent}. */
public enum ExitCause {
    /** The reference point stayed outside the zone for the exit delay. */
    LEFT_ZONE,
    /** The track was missing from a frame, so it ended. */
    TRACK_ENDED,
    /** The zone was removed, or its class filter no longer covers the track's class. */
    ZONE_REMOVED
}
