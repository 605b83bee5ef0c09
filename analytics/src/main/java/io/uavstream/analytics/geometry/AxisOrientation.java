package io.uavstream.analytics.geometry;

/**
 * Direction of the y axis relative to the x axis, which decides what "left" means for a directed
 * line: images have y pointing down, maps (east-north, longitude-latitude) have y pointing up.
 */
public enum AxisOrientation {
    /** Image pixels: x right, y down. */
    Y_DOWN,
    /** Map coordinates: x east, y north. */
    Y_UP
}
