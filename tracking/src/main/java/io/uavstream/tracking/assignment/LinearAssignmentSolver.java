package io.uavstream.tracking.assignment;

import java.util.Arrays;

/**
 * Optimal solver of the rectangular linear assignment problem with a cost limit, the matching
 * step of SORT-family trackers (rows are tracks, columns are detections, costs are 1 - IoU).
 *
 * <p>Each row is assigned at most one column and each column at most one row. A pair is allowed
 * only when its cost is strictly below {@code costLimit}. Among all such assignments the solver
 * returns one that minimizes the sum over assigned pairs of (cost - costLimit). Equivalently,
 * every row or column left unassigned costs {@code costLimit / 2}, as with the
 * {@code cost_limit} option of {@code lap.lapjv}, which ByteTrack's matching uses.
 *
 * <p>The problem is reduced to a complete one: rows and columns without an allowed pair are
 * dropped, and each remaining row gets a private dummy column of cost {@code costLimit}. That
 * r x (c + r) matrix is solved by the Hungarian method in its shortest-augmenting-path form
 * with row and column potentials, in O(r^2 (c + r)) time. The search visits rows and columns in
 * index order, so equal input always gives equal output.
 */
public final class LinearAssignmentSolver {

    private LinearAssignmentSolver() {
    }

    /**
     * Solves the problem for a rows x columns cost matrix.
     *
     * @param cost cost of each (row, column) pair; {@code +Infinity} forbids the pair
     * @param costLimit finite limit: pairs costing this much or more are never assigned
     * @throws IllegalArgumentException if the matrix is ragged or contains NaN or
     *     {@code -Infinity}, or the limit is not finite
     */
    public static Assignment solve(double[][] cost, double costLimit) {
        int columnCount = validate(cost, costLimit);
        int[] rows = allowedRows(cost, costLimit);
        int[] columns = allowedColumns(cost, columnCount, costLimit);
        int[] columnByRow = new int[cost.length];
        Arrays.fill(columnByRow, Assignment.UNASSIGNED);
        if (rows.length > 0) {
            double[][] reduced = reduce(cost, rows, columns, costLimit);
            int[] reducedColumnByRow = hungarian(reduced);
            for (int i = 0; i < rows.length; i++) {
                int j = reducedColumnByRow[i];
                if (j < columns.length) {
                    columnByRow[rows[i]] = columns[j];
                }
            }
        }
        return new Assignment(columnByRow, columnCount);
    }

    /** Returns the column count after checking the matrix and the limit. */
    private static int validate(double[][] cost, double costLimit) {
        if (cost == null) {
            throw new IllegalArgumentException("Cost matrix must not be null");
        }
        if (!Double.isFinite(costLimit)) {
            throw new IllegalArgumentException("Cost limit must be finite, got " + costLimit);
        }
        int columnCount = cost.length == 0 ? 0 : cost[0].length;
        for (int row = 0; row < cost.length; row++) {
            if (cost[row] == null || cost[row].length != columnCount) {
                throw new IllegalArgumentException("Cost matrix is ragged: row " + row + " has "
                        + (cost[row] == null ? "no" : cost[row].length) + " columns, row 0 has " + columnCount);
            }
            for (int column = 0; column < columnCount; column++) {
                double value = cost[row][column];
                if (Double.isNaN(value) || value == Double.NEGATIVE_INFINITY) {
                    throw new IllegalArgumentException("Cost matrix contains " + value + " at (" + row + ", " + column
                            + "); costs must be finite, or +Infinity to forbid a pair");
                }
            }
        }
        return columnCount;
    }

    private static int[] allowedRows(double[][] cost, double costLimit) {
        int[] rows = new int[cost.length];
        int count = 0;
        for (int row = 0; row < cost.length; row++) {
            for (double value : cost[row]) {
                if (value < costLimit) {
                    rows[count++] = row;
                    break;
                }
            }
        }
        return Arrays.copyOf(rows, count);
    }

    private static int[] allowedColumns(double[][] cost, int columnCount, double costLimit) {
        int[] columns = new int[columnCount];
        int count = 0;
        for (int column = 0; column < columnCount; column++) {
            for (double[] row : cost) {
                if (row[column] < costLimit) {
                    columns[count++] = column;
                    break;
                }
            }
        }
        return Arrays.copyOf(columns, count);
    }

    /**
     * Builds the r x (c + r) matrix of allowed rows and columns, where pairs at or above the limit
     * are forbidden and row i may also take dummy column c + i at the limit's cost.
     */
    private static double[][] reduce(double[][] cost, int[] rows, int[] columns, double costLimit) {
        int width = columns.length + rows.length;
        double[][] reduced = new double[rows.length][width];
        for (int i = 0; i < rows.length; i++) {
            double[] source = cost[rows[i]];
            double[] target = reduced[i];
            Arrays.fill(target, Double.POSITIVE_INFINITY);
            for (int j = 0; j < columns.length; j++) {
                double value = source[columns[j]];
                if (value < costLimit) {
                    target[j] = value;
                }
            }
            target[columns.length + i] = costLimit;
        }
        return reduced;
    }

    /**
     * Returns the column of each row in a least-cost assignment of every row of an n x m matrix
     * with n <= m. Every row must have a finite entry in a column that no other row can take,
     * which the dummy columns of {@link #reduce} guarantee, so each search ends at a free column
     * with a finite path cost.
     */
    private static int[] hungarian(double[][] cost) {
        int n = cost.length;
        int m = cost[0].length;
        // Index 0 is a virtual column that starts each search, so rows and columns count from 1.
        double[] rowPotential = new double[n + 1];
        double[] columnPotential = new double[m + 1];
        int[] rowOfColumn = new int[m + 1];
        int[] previousColumn = new int[m + 1];
        double[] minSlack = new double[m + 1];
        boolean[] visited = new boolean[m + 1];

        for (int row = 1; row <= n; row++) {
            rowOfColumn[0] = row;
            int column = 0;
            Arrays.fill(minSlack, Double.POSITIVE_INFINITY);
            Arrays.fill(visited, false);
            do {
                visited[column] = true;
                int currentRow = rowOfColumn[column];
                double delta = Double.POSITIVE_INFINITY;
                int nextColumn = -1;
                for (int j = 1; j <= m; j++) {
                    if (visited[j]) {
                        continue;
                    }
                    double slack = cost[currentRow - 1][j - 1] - rowPotential[currentRow] - columnPotential[j];
                    if (slack < minSlack[j]) {
                        minSlack[j] = slack;
                        previousColumn[j] = column;
                    }
                    if (minSlack[j] < delta) {
                        delta = minSlack[j];
                        nextColumn = j;
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (visited[j]) {
                        rowPotential[rowOfColumn[j]] += delta;
                        columnPotential[j] -= delta;
                    } else {
                        minSlack[j] -= delta;
                    }
                }
                column = nextColumn;
            } while (rowOfColumn[column] != 0);
            // Augment along the shortest path back to the virtual column.
            do {
                int previous = previousColumn[column];
                rowOfColumn[column] = rowOfColumn[previous];
                column = previous;
            } while (column != 0);
        }

        int[] columnByRow = new int[n];
        for (int j = 1; j <= m; j++) {
            if (rowOfColumn[j] != 0) {
                columnByRow[rowOfColumn[j] - 1] = j - 1;
            }
        }
        return columnByRow;
    }
}
