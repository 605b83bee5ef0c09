package io.uavstream.tracking.geometry;

/** Image point in pixels. */
public record Point(double x, double y) {
}
