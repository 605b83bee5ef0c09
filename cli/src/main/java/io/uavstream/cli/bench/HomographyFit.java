package io.uavstream.cli.bench;

import io.uavstream.tracking.geometry.Homography;

/**
 * Least-squares homography through point pairs, by the direct linear transform with h33 = 1 on
 * coordinates normalized after Hartley (each point set moved to its centroid and scaled to a mean
 * distance of sqrt 2), so that the 8x8 normal equations stay well conditioned.
 */
final class HomographyFit {

    private static final int UNKNOWNS = 8;

    private HomographyFit() {
    }

    /**
     * Fits the homography that maps each {@code source} point closest to its {@code target}
     * point, in the algebraic sense of the direct linear transform.
     *
     * @param source points as x0, y0, x1, y1, ... in pixels, at least four in general position
     * @param target their images, in the same layout
     * @throws IllegalArgumentException if the arrays differ in length, hold fewer than four points,
     *     or the points are degenerate (for example collinear)
     */
    static Homography fit(double[] source, double[] target) {
        if (source.length != target.length || source.length % 2 != 0 || source.length < 8) {
            throw new IllegalArgumentException("A homography fit needs at least 4 point pairs as x, y arrays of equal"
                    + " length, got " + source.length + " and " + target.length + " coordinates");
        }
        double[] from = normalization(source);
        double[] to = normalization(target);
        double[] normal = new double[UNKNOWNS * UNKNOWNS];
        double[] right = new double[UNKNOWNS];
        for (int i = 0; i < source.length; i += 2) {
            double x = (source[i] - from[0]) * from[2];
            double y = (source[i + 1] - from[1]) * from[2];
            double u = (target[i] - to[0]) * to[2];
            double v = (target[i + 1] - to[1]) * to[2];
            accumulate(normal, right, new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y}, u);
            accumulate(normal, right, new double[] {0, 0, 0, x, y, 1, -v * x, -v * y}, v);
        }
        double[] h = solve(normal, right);
        // H = T_to^-1 H' T_from, with T = [[s, 0, -s cx], [0, s, -s cy], [0, 0, 1]].
        double[] scaled = {h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 1};
        double[] fromMatrix = {from[2], 0, -from[2] * from[0], 0, from[2], -from[2] * from[1], 0, 0, 1};
        double[] toInverse = {1 / to[2], 0, to[0], 0, 1 / to[2], to[1], 0, 0, 1};
        return Homography.of(multiply(toInverse, multiply(scaled, fromMatrix)));
    }

    /** Returns the centroid x, y and the scale that brings the mean distance from it to sqrt 2. */
    private static double[] normalization(double[] points) {
        int count = points.length / 2;
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < points.length; i += 2) {
            meanX += points[i] / count;
            meanY += points[i + 1] / count;
        }
        double meanDistance = 0;
        for (int i = 0; i < points.length; i += 2) {
            meanDistance += Math.hypot(points[i] - meanX, points[i + 1] - meanY) / count;
        }
        if (!(meanDistance > 0)) {
            throw new IllegalArgumentException("Homography fit needs distinct points, got all at (" + meanX + ", "
                    + meanY + ")");
        }
        return new double[] {meanX, meanY, Math.sqrt(2) / meanDistance};
    }

    private static void accumulate(double[] normal, double[] right, double[] row, double value) {
        for (int i = 0; i < UNKNOWNS; i++) {
            for (int j = 0; j < UNKNOWNS; j++) {
                normal[i * UNKNOWNS + j] += row[i] * row[j];
            }
            right[i] += row[i] * value;
        }
    }

    /** Solves the square system by Gaussian elimination with partial pivoting. */
    private static double[] solve(double[] matrix, double[] right) {
        int n = right.length;
        for (int column = 0; column < n; column++) {
            int pivot = column;
            for (int row = column + 1; row < n; row++) {
                if (Math.abs(matrix[row * n + column]) > Math.abs(matrix[pivot * n + column])) {
                    pivot = row;
                }
            }
            if (!(Math.abs(matrix[pivot * n + column]) > 1e-12)) {
                throw new IllegalArgumentException("Homography fit is degenerate: the points do not fix unknown "
                        + column + "; they may be collinear");
            }
            swapRows(matrix, right, n, column, pivot);
            for (int row = column + 1; row < n; row++) {
                double factor = matrix[row * n + column] / matrix[column * n + column];
                for (int k = column; k < n; k++) {
                    matrix[row * n + k] -= factor * matrix[column * n + k];
                }
                right[row] -= factor * right[column];
            }
        }
        double[] solution = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double value = right[row];
            for (int k = row + 1; k < n; k++) {
                value -= matrix[row * n + k] * solution[k];
            }
            solution[row] = value / matrix[row * n + row];
        }
        return solution;
    }

    private static void swapRows(double[] matrix, double[] right, int n, int a, int b) {
        if (a == b) {
            return;
        }
        for (int k = 0; k < n; k++) {
            double swap = matrix[a * n + k];
            matrix[a * n + k] = matrix[b * n + k];
            matrix[b * n + k] = swap;
        }
        double swap = right[a];
        right[a] = right[b];
        right[b] = swap;
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] product = new double[9];
        for (int row = 0; row < 3; row++) {
            for (int column = 0; column < 3; column++) {
                for (int k = 0; k < 3; k++) {
                    product[row * 3 + column] += a[row * 3 + k] * b[k * 3 + column];
                }
            }
        }
        return product;
    }
}
