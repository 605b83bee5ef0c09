package io.uavstream.analytics.geometry;

/** Side of a directed line as seen on the image or map when facing from its start to its end. */
public enum Side {
    LEFT,
    RIGHT
}
