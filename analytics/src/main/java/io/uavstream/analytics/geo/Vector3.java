package io.uavstream.analytics.geo;

import java.io.Serializable;

/** Three-component vector; in a local east-north-up frame the components are metres east, north and up. */
public record Vector3(double x, double y, double z) implements Serializable {

    public Vector3 {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("Vector components must be finite, got (" + x + ", " + y + ", " + z + ")");
        }
    }

    public Vector3 minus(Vector3 other) {
        return new Vector3(x - other.x, y - other.y, z - other.z);
    }

    public Vector3 cross(Vector3 other) {
        return new Vector3(y * other.z - z * other.y, z * other.x - x * other.z, x * other.y - y * other.x);
    }

    public double dot(Vector3 other) {
        return x * other.x + y * other.y + z * other.z;
    }

    public double norm() {
        return Math.sqrt(dot(this));
    }

    /** Returns this vector scaled to length 1; rejects a zero vector. */
    public Vector3 normalized() {
        double norm = norm();
        if (norm == 0) {
            throw new IllegalArgumentException("Cannot normalize a zero vector");
        }
        return new Vector3(x / norm, y / norm, z / norm);
    }
}
