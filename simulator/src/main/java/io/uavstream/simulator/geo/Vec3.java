package io.uavstream.simulator.geo;

/**
 * A point or direction in a right-handed Cartesian frame, in metres when it is a point. In the
 * simulator's world frame, x is east, y is north and z is up (local ENU).
 */
public record Vec3(double x, double y, double z) {

    public static final Vec3 ZERO = new Vec3(0, 0, 0);
    public static final Vec3 UP = new Vec3(0, 0, 1);

    public Vec3 plus(Vec3 other) {
        return new Vec3(x + other.x, y + other.y, z + other.z);
    }

    public Vec3 minus(Vec3 other) {
        return new Vec3(x - other.x, y - other.y, z - other.z);
    }

    public Vec3 times(double factor) {
        return new Vec3(x * factor, y * factor, z * factor);
    }

    public double dot(Vec3 other) {
        return x * other.x + y * other.y + z * other.z;
    }

    public Vec3 cross(Vec3 other) {
        return new Vec3(y * other.z - z * other.y, z * other.x - x * other.z, x * other.y - y * other.x);
    }

    public double norm() {
        return Math.sqrt(dot(this));
    }

    /** Returns this vector scaled to length 1. */
    public Vec3 normalized() {
        double norm = norm();
        if (norm == 0) {
            throw new ArithmeticException("Cannot normalize the zero vector");
        }
        return times(1 / norm);
    }

    /** Returns the horizontal distance to {@code other}, ignoring z. */
    public double horizontalDistance(Vec3 other) {
        return Math.hypot(x - other.x, y - other.y);
    }
}
