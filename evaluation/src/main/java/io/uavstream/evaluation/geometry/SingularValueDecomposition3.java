package io.uavstream.evaluation.geometry;

/**
 * Singular value decomposition {@code A = U * diag(s) * V^T} of a 3x3 matrix, with U and V
 * orthogonal and {@code s0 >= s1 >= s2 >= 0}.
 *
 * <p>It uses one-sided Jacobi rotations (M. R. Hestenes, "Inversion of matrices by
 * biorthogonalization and related results", J. SIAM, 1958): plane rotations applied on the right
 * make the columns of {@code A * V} mutually orthogonal, their norms are the singular values and
 * their directions the columns of U. This avoids forming {@code A^T * A}, which would square the
 * condition number. Columns of U for zero singular values are completed to an orthonormal basis,
 * as the Umeyama alignment needs a full U even for planar or collinear points.
 */
public record SingularValueDecomposition3(Matrix3 u, double s0, double s1, double s2, Matrix3 v) {

    private static final int MAX_SWEEPS = 64;
    private static final double EPSILON = 1e-15;

    /** Decomposes {@code a}. */
    public static SingularValueDecomposition3 of(Matrix3 a) {
        double[][] w = new double[3][3];
        double[][] v = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        for (int row = 0; row < 3; row++) {
            for (int column = 0; column < 3; column++) {
                w[row][column] = a.get(row, column);
            }
        }
        orthogonalizeColumns(w, v);

        double[] norms = new double[3];
        for (int column = 0; column < 3; column++) {
            norms[column] = Math.sqrt(w[0][column] * w[0][column] + w[1][column] * w[1][column]
                    + w[2][column] * w[2][column]);
        }
        int[] order = descendingOrder(norms);
        Vector3[] uColumns = new Vector3[3];
        Vector3[] vColumns = new Vector3[3];
        double largest = norms[order[0]];
        for (int k = 0; k < 3; k++) {
            int column = order[k];
            vColumns[k] = new Vector3(v[0][column], v[1][column], v[2][column]);
            boolean zero = norms[column] <= largest * 1e-12 || norms[column] == 0;
            uColumns[k] = zero ? null : new Vector3(w[0][column], w[1][column], w[2][column]).times(1 / norms[column]);
        }
        completeBasis(uColumns);
        return new SingularValueDecomposition3(
                Matrix3.ofColumns(uColumns[0], uColumns[1], uColumns[2]),
                norms[order[0]], norms[order[1]], norms[order[2]],
                Matrix3.ofColumns(vColumns[0], vColumns[1], vColumns[2]));
    }

    /** Rotates column pairs of {@code w} (and accumulates the rotations in {@code v}) until orthogonal. */
    private static void orthogonalizeColumns(double[][] w, double[][] v) {
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < 2; p++) {
                for (int q = p + 1; q < 3; q++) {
                    double alpha = 0;
                    double beta = 0;
                    double gamma = 0;
                    for (int row = 0; row < 3; row++) {
                        alpha += w[row][p] * w[row][p];
                        beta += w[row][q] * w[row][q];
                        gamma += w[row][p] * w[row][q];
                    }
                    if (Math.abs(gamma) <= EPSILON * Math.sqrt(alpha * beta)) {
                        continue;
                    }
                    rotated = true;
                    // Rotation angle that zeroes the inner product of columns p and q.
                    double zeta = (beta - alpha) / (2 * gamma);
                    double tangent = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    double cosine = 1 / Math.sqrt(1 + tangent * tangent);
                    double sine = cosine * tangent;
                    rotateColumns(w, p, q, cosine, sine);
                    rotateColumns(v, p, q, cosine, sine);
                }
            }
            if (!rotated) {
                return;
            }
        }
    }

    private static void rotateColumns(double[][] matrix, int p, int q, double cosine, double sine) {
        for (int row = 0; row < 3; row++) {
            double first = matrix[row][p];
            double second = matrix[row][q];
            matrix[row][p] = cosine * first - sine * second;
            matrix[row][q] = sine * first + cosine * second;
        }
    }

    private static int[] descendingOrder(double[] values) {
        int[] order = {0, 1, 2};
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2 - i; j++) {
                if (values[order[j]] < values[order[j + 1]]) {
                    int swap = order[j];
                    order[j] = order[j + 1];
                    order[j + 1] = swap;
                }
            }
        }
        return order;
    }

    /** Fills the null columns (those of zero singular values) with unit vectors orthogonal to the rest. */
    private static void completeBasis(Vector3[] columns) {
        if (columns[0] == null) {
            columns[0] = new Vector3(1, 0, 0);
        }
        if (columns[1] == null) {
            columns[1] = anyPerpendicular(columns[0]);
        }
        if (columns[2] == null) {
            columns[2] = columns[0].cross(columns[1]);
            columns[2] = columns[2].times(1 / columns[2].norm());
        }
    }

    private static Vector3 anyPerpendicular(Vector3 unit) {
        Vector3 axis = Math.abs(unit.x()) < 0.9 ? new Vector3(1, 0, 0) : new Vector3(0, 1, 0);
        Vector3 perpendicular = axis.minus(unit.times(unit.dot(axis)));
        return perpendicular.times(1 / perpendicular.norm());
    }

    /** Returns {@code U * diag(s) * V^T}, the matrix that was decomposed (up to rounding). */
    public Matrix3 reconstruct() {
        return u.times(Matrix3.diagonal(s0, s1, s2)).times(v.transpose());
    }
}
