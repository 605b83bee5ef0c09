package io.uavstream.analytics.definition;

/** Coordinates in which a zone or line is given. */
public enum CoordinateSpace {
    /** Image pixels of the drone's video: x right, y down, origin at the top-left corner. */
    PIXEL,
    /**
     * WGS84 degrees: x is longitude, y is latitude (GeoJSON order). Tested against tracks whose
     * world position is known.
     */
    WGS84
}
