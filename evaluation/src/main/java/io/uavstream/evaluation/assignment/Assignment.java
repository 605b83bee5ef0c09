package io.uavstream.evaluation.assignment;

import java.util.Arrays;

/**
 * Result of a {@link LinearAssignment}: which column each row of the matrix is assigned to, and
 * the reverse. A row or column without a partner maps to {@link #UNASSIGNED}.
 */
public final class Assignment {

    /** Index returned for a row or column that has no partner. */
    public static final int UNASSIGNED = -1;

    private final int[] columnByRow;
    private final int[] rowByColumn;
    private final int pairCount;
    private final double totalValue;

    Assignment(int[] columnByRow, int columnCount, double[][] matrix) {
        this.columnByRow = columnByRow.clone();
        this.rowByColumn = new int[columnCount];
        Arrays.fill(rowByColumn, UNASSIGNED);
        int pairs = 0;
        double total = 0;
        for (int row = 0; row < columnByRow.length; row++) {
            int column = columnByRow[row];
            if (column != UNASSIGNED) {
                rowByColumn[column] = row;
                pairs++;
                total += matrix[row][column];
            }
        }
        this.pairCount = pairs;
        this.totalValue = total;
    }

    /** Returns the column assigned to {@code row}, or {@link #UNASSIGNED}. */
    public int columnOf(int row) {
        return columnByRow[row];
    }

    /** Returns the row assigned to {@code column}, or {@link #UNASSIGNED}. */
    public int rowOf(int column) {
        return rowByColumn[column];
    }

    public int rowCount() {
        return columnByRow.length;
    }

    public int columnCount() {
        return rowByColumn.length;
    }

    /** Number of assigned (row, column) pairs. */
    public int pairCount() {
        return pairCount;
    }

    /** Sum of the matrix entries of the assigned pairs: the total cost or the total weight. */
    public double totalValue() {
        return totalValue;
    }

    @Override
    public String toString() {
        return "Assignment{columnByRow=" + Arrays.toString(columnByRow) + ", total=" + totalValue + "}";
    }
}
