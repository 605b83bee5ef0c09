package io.uavstream.tracking.kalman;

/** Dense operations on small row-major matrices stored in flat {@code double[]} arrays. */
final class Matrices {

    private Matrices() {
    }

    /** Copies the upper triangle of the square matrix onto its lower triangle. */
    static void mirrorUpperTriangle(double[] matrix, int size) {
        for (int row = 1; row < size; row++) {
            for (int column = 0; column < row; column++) {
                matrix[row * size + column] = matrix[column * size + row];
            }
        }
    }

    /** Writes the transpose of the {@code rows} x {@code columns} matrix into {@code result}. */
    static void transpose(double[] matrix, int rows, int columns, double[] result) {
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                result[column * rows + row] = matrix[row * columns + column];
            }
        }
    }

    /** Writes the product of {@code a} (n x k) and {@code b} (k x m) into {@code result} (n x m). */
    static void multiply(double[] a, double[] b, int n, int k, int m, double[] result) {
        for (int row = 0; row < n; row++) {
            for (int column = 0; column < m; column++) {
                double sum = 0;
                for (int i = 0; i < k; i++) {
                    sum += a[row * k + i] * b[i * m + column];
                }
                result[row * m + column] = sum;
            }
        }
    }

    /**
     * Solves S X = B for X by Cholesky decomposition, where S is a symmetric positive definite
     * {@code size} x {@code size} matrix and B has {@code size} rows and {@code columns} columns.
     * S is overwritten by its Cholesky factor and B by the solution.
     *
     * @throws IllegalStateException if S is not positive definite
     */
    static void choleskySolveInPlace(double[] s, int size, double[] b, int columns) {
        for (int j = 0; j < size; j++) {
            double diagonal = s[j * size + j];
            for (int k = 0; k < j; k++) {
                diagonal -= s[j * size + k] * s[j * size + k];
            }
            if (!(diagonal > 0)) {
                throw new IllegalStateException("Matrix is not positive definite: pivot " + j + " is " + diagonal);
            }
            double pivot = Math.sqrt(diagonal);
            s[j * size + j] = pivot;
            for (int i = j + 1; i < size; i++) {
                double value = s[i * size + j];
                for (int k = 0; k < j; k++) {
                    value -= s[i * size + k] * s[j * size + k];
                }
                s[i * size + j] = value / pivot;
            }
        }
        for (int column = 0; column < columns; column++) {
            // Forward substitution with the lower factor L, then back substitution with L^T.
            for (int i = 0; i < size; i++) {
                double value = b[i * columns + column];
                for (int k = 0; k < i; k++) {
                    value -= s[i * size + k] * b[k * columns + column];
                }
                b[i * columns + column] = value / s[i * size + i];
            }
            for (int i = size - 1; i >= 0; i--) {
                double value = b[i * columns + column];
                for (int k = i + 1; k < size; k++) {
                    value -= s[k * size + i] * b[k * columns + column];
                }
                b[i * columns + column] = value / s[i * size + i];
            }
        }
    }
}
