package io.uavstream.analytics;

/** Result of testing a track against a zone in one frame. */
enum Presence {
    INSIDE,
    OUTSIDE,
    /** The zone is in WGS84 and the track has no world position. */
    UNKNOWN
}
