package io.uavstream.evaluation.geometry;

/** Vector in 3D space. In trajectories it is a position in metres (or the estimate's own unit). */
public record Vector3(double x, double y, double z) {

    public static final Vector3 ZERO = new Vector3(0, 0, 0);

    public Vector3 plus(Vector3 other) {
        return new Vector3(x + other.x, y + other.y, z + other.z);
    }

    public Vector3 minus(Vector3 other) {
        return new Vector3(x - other.x, y - other.y, z - other.z);
    }

    public Vector3 times(double factor) {
        return new Vector3(x * factor, y * factor, z * factor);
    }

    public double dot(Vector3 other) {
        return x * other.x + y * other.y + z * other.z;
    }

    public Vector3 cross(Vector3 other) {
        return new Vector3(y * other.z - z * other.y, z * other.x - x * other.z, x * other.y - y * other.x);
    }

    public double squaredNorm() {
        return dot(this);
    }

    public double norm() {
        return Math.sqrt(squaredNorm());
    }

    /** Returns the outer product {@code this * other^T}. */
    public Matrix3 outer(Vector3 other) {
        return new Matrix3(
                x * other.x, x * other.y, x * other.z,
                y * other.x, y * other.y, y * other.z,
                z * other.x, z * other.y, z * other.z);
    }
}
