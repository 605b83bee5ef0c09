package io.uavstream.analytics.event;

/** Direction of a line crossing relative to the line's start-to-end direction, as seen on the image or map. */
public enum CrossingDirection {
    LEFT_TO_RIGHT,
    RIGHT_TO_LEFT
}
