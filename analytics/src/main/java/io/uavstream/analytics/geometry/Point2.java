package io.uavstream.analytics.geometry;

import java.io.Serializable;

/**
 * Point in a plane: pixels (x right, y down) in an image, metres (x east, y north) in a local
 * east-north-up frame, or degrees (x longitude, y latitude) for WGS84 definitions.
 */
public record Point2(double x, double y) implements Serializable {

    public Point2 {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("Point coordinates must be finite, got (" + x + ", " + y + ")");
        }
    }
}
