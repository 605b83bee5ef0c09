package io.uavstream.odometry;

import java.util.Arrays;

/**
 * Small 3x3 rotation and vector helpers on row-major {@code double[9]} and {@code double[3]}
 * arrays, kept allocation-light for the per-frame path.
 */
final class Rotations {

    static final double[] IDENTITY = {1, 0, 0, 0, 1, 0, 0, 0, 1};

    private Rotations() {
    }

    static double[] multiply(double[] a, double[] b) {
        double[] c = new double[9];
        for (int row = 0; row < 3; row++) {
            for (int column = 0; column < 3; column++) {
                c[row * 3 + column] = a[row * 3] * b[column] + a[row * 3 + 1] * b[3 + column] + a[row * 3 + 2] * b[6 + column];
            }
        }
        return c;
    }

    static double[] transpose(double[] a) {
        return new double[] {a[0], a[3], a[6], a[1], a[4], a[7], a[2], a[5], a[8]};
    }

    static double[] apply(double[] r, double x, double y, double z) {
        return new double[] {
            r[0] * x + r[1] * y + r[2] * z,
            r[3] * x + r[4] * y + r[5] * z,
            r[6] * x + r[7] * y + r[8] * z
        };
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double norm(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }

    static double[] scale(double[] v, double factor) {
        return new double[] {v[0] * factor, v[1] * factor, v[2] * factor};
    }

    /** Returns the rotation whose columns are the given axes, which must be orthonormal. */
    static double[] fromColumns(double[] x, double[] y, double[] z) {
        return new double[] {x[0], y[0], z[0], x[1], y[1], z[1], x[2], y[2], z[2]};
    }

    /**
     * Returns the rotation nearest to {@code m} by Gram-Schmidt on its first two columns; accurate
     * enough for matrices that are rotations up to noise.
     */
    static double[] orthonormalize(double[] m) {
        double[] c0 = {m[0], m[3], m[6]};
        double[] c1 = {m[1], m[4], m[7]};
        double n0 = norm(c0);
        c0 = scale(c0, 1 / n0);
        double dot = c0[0] * c1[0] + c0[1] * c1[1] + c0[2] * c1[2];
        c1 = new double[] {c1[0] - dot * c0[0], c1[1] - dot * c0[1], c1[2] - dot * c0[2]};
        c1 = scale(c1, 1 / norm(c1));
        return fromColumns(c0, c1, cross(c0, c1));
    }

    static double[] normalizeQuaternion(double[] q) {
        if (q.length != 4) {
            throw new IllegalArgumentException("A quaternion has 4 components (w, x, y, z), got " + Arrays.toString(q));
        }
        double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        if (!(n > 1e-9) || !Double.isFinite(n)) {
            throw new IllegalArgumentException("A rotation quaternion must have a finite, non-zero norm, got " + Arrays.toString(q));
        }
        double sign = q[0] < 0 ? -1 : 1;
        return new double[] {sign * q[0] / n, sign * q[1] / n, sign * q[2] / n, sign * q[3] / n};
    }

    /** Converts a unit quaternion (w, x, y, z) to a row-major rotation matrix. */
    static double[] fromQuaternion(double[] q) {
        double w = q[0];
        double x = q[1];
        double y = q[2];
        double z = q[3];
        return new double[] {
            1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
            2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
            2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)
        };
    }

    /** Converts a rotation matrix to a unit quaternion (w, x, y, z) with w >= 0. */
    static double[] toQuaternion(double[] r) {
        double trace = r[0] + r[4] + r[8];
        double w;
        double x;
        double y;
        double z;
        if (trace > 0) {
            double s = Math.sqrt(trace + 1) * 2;
            w = s / 4;
            x = (r[7] - r[5]) / s;
            y = (r[2] - r[6]) / s;
            z = (r[3] - r[1]) / s;
        } else if (r[0] > r[4] && r[0] > r[8]) {
            double s = Math.sqrt(1 + r[0] - r[4] - r[8]) * 2;
            w = (r[7] - r[5]) / s;
            x = s / 4;
            y = (r[1] + r[3]) / s;
            z = (r[2] + r[6]) / s;
        } else if (r[4] > r[8]) {
            double s = Math.sqrt(1 + r[4] - r[0] - r[8]) * 2;
            w = (r[2] - r[6]) / s;
            x = (r[1] + r[3]) / s;
            y = s / 4;
            z = (r[5] + r[7]) / s;
        } else {
            double s = Math.sqrt(1 + r[8] - r[0] - r[4]) * 2;
            w = (r[3] - r[1]) / s;
            x = (r[2] + r[6]) / s;
            y = (r[5] + r[7]) / s;
            z = s / 4;
        }
        return normalizeQuaternion(new double[] {w, x, y, z});
    }

    /** Returns the angle of the rotation {@code a^T b} in radians. */
    static double angleBetween(double[] a, double[] b) {
        double[] d = multiply(transpose(a), b);
        double cos = (d[0] + d[4] + d[8] - 1) / 2;
        return Math.acos(Math.max(-1, Math.min(1, cos)));
    }
}
