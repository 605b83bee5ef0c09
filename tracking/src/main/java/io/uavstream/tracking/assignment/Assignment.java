package io.uavstream.tracking.assignment;

import java.util.Arrays;

/** Result of {@link LinearAssignmentSolver}: the column of each row and the row of each column. */
public final class Assignment {

    /** Marks a row or column without a partner. */
    public static final int UNASSIGNED = -1;

    private final int[] columnByRow;
    private final int[] rowByColumn;
    private final int pairCount;

    Assignment(int[] columnByRow, int columnCount) {
        this.columnByRow = columnByRow;
        this.rowByColumn = new int[columnCount];
        Arrays.fill(rowByColumn, UNASSIGNED);
        int pairs = 0;
        for (int row = 0; row < columnByRow.length; row++) {
            if (columnByRow[row] != UNASSIGNED) {
                rowByColumn[columnByRow[row]] = row;
                pairs++;
            }
        }
        this.pairCount = pairs;
    }

    public int rowCount() {
        return columnByRow.length;
    }

    public int columnCount() {
        return rowByColumn.length;
    }

    /** Returns the number of assigned (row, column) pairs. */
    public int pairCount() {
        return pairCount;
    }

    /** Returns the column assigned to {@code row}, or {@link #UNASSIGNED}. */
    public int columnOf(int row) {
        return columnByRow[row];
    }

    /** Returns the row assigned to {@code column}, or {@link #UNASSIGNED}. */
    public int rowOf(int column) {
        return rowByColumn[column];
    }

    @Override
    public String toString() {
        return "Assignment" + Arrays.toString(columnByRow);
    }
}
