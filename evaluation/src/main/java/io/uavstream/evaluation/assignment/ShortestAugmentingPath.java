package io.uavstream.evaluation.assignment;

import java.util.Arrays;

/**
 * The Hungarian method in its shortest-augmenting-path form with row and column potentials
 * (H. W. Kuhn, "The Hungarian method for the assignment problem", Naval Research Logistics
 * Quarterly, 1955, and R. Jonker and A. Volgenant, "A shortest augmenting path algorithm for dense
 * and sparse linear assignment problems", Computing, 1987). It runs in O(n<sup>2</sup> m) for n
 * rows and m columns, n &le; m.
 *
 * <p>Rows may stay unassigned: the matrix is widened by n dummy columns, one of which a row takes
 * to stay unassigned. For the maximum-cardinality objective the costs are shifted to start at 0
 * and a dummy costs {@code n * range + 1}, more than any assignment can save on the real
 * columns, so every extra pair wins over any cost difference. Otherwise a dummy costs 0.
 * {@code +Infinity} entries are never relaxed, and every row can always reach a free dummy column,
 * so each search ends with a finite path.
 */
final class ShortestAugmentingPath {

    private ShortestAugmentingPath() {
    }

    /**
     * Returns the column of each row, or {@link Assignment#UNASSIGNED}, for a matrix with at
     * least one row and no more rows than columns.
     */
    static int[] solve(double[][] cost, boolean maxCardinality) {
        int rowCount = cost.length;
        int columnCount = cost[0].length;
        double[][] widened = widen(cost, maxCardinality);
        int[] columnOfRow = assign(widened, rowCount, columnCount + rowCount);
        for (int row = 0; row < rowCount; row++) {
            if (columnOfRow[row] >= columnCount) {
                columnOfRow[row] = Assignment.UNASSIGNED;
            }
        }
        return columnOfRow;
    }

    private static double[][] widen(double[][] cost, boolean maxCardinality) {
        int rowCount = cost.length;
        int columnCount = cost[0].length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : cost) {
            for (double value : row) {
                if (value != Double.POSITIVE_INFINITY) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
        }
        double shift = maxCardinality ? min : 0;
        double dummyCost = maxCardinality ? rowCount * (max - min) + 1 : 0;
        if (!Double.isFinite(dummyCost)) {
            throw new IllegalArgumentException("Finite costs range from " + min + " to " + max
                    + ", too wide to rank assignments by their number of pairs. Rescale the costs");
        }
        double[][] widened = new double[rowCount][columnCount + rowCount];
        for (int row = 0; row < rowCount; row++) {
            for (int column = 0; column < columnCount; column++) {
                widened[row][column] = cost[row][column] - shift;
            }
            Arrays.fill(widened[row], columnCount, columnCount + rowCount, dummyCost);
        }
        return widened;
    }

    /**
     * Assigns every row of an n x m matrix at least total cost. It needs n &le; m and a finite
     * path from every row to a free column. Arrays are 1-based, with column 0 the virtual start.
     */
    private static int[] assign(double[][] cost, int rowCount, int columnCount) {
        double[] rowPotential = new double[rowCount + 1];
        double[] columnPotential = new double[columnCount + 1];
        int[] rowOfColumn = new int[columnCount + 1];
        int[] previousColumn = new int[columnCount + 1];
        double[] minSlack = new double[columnCount + 1];
        boolean[] visited = new boolean[columnCount + 1];

        for (int row = 1; row <= rowCount; row++) {
            rowOfColumn[0] = row;
            int column = 0;
            Arrays.fill(minSlack, Double.POSITIVE_INFINITY);
            Arrays.fill(visited, false);
            // Grow a tree of tight edges from the row until it reaches a free column.
            do {
                visited[column] = true;
                int treeRow = rowOfColumn[column];
                double delta = Double.POSITIVE_INFINITY;
                int nextColumn = -1;
                for (int j = 1; j <= columnCount; j++) {
                    if (visited[j]) {
                        continue;
                    }
                    double entry = cost[treeRow - 1][j - 1];
                    if (entry != Double.POSITIVE_INFINITY) {
                        double slack = entry - rowPotential[treeRow] - columnPotential[j];
                        if (slack < minSlack[j]) {
                            minSlack[j] = slack;
                            previousColumn[j] = column;
                        }
                    }
                    if (minSlack[j] < delta) {
                        delta = minSlack[j];
                        nextColumn = j;
                    }
                }
                if (nextColumn < 0) {
                    throw new IllegalStateException("No augmenting path from row " + (row - 1)
                            + ". The widened matrix must give every row a free column");
                }
                for (int j = 0; j <= columnCount; j++) {
                    if (visited[j]) {
                        rowPotential[rowOfColumn[j]] += delta;
                        columnPotential[j] -= delta;
                    } else {
                        minSlack[j] -= delta;
                    }
                }
                column = nextColumn;
            } while (rowOfColumn[column] != 0);
            // Flip the matched and unmatched edges along the path back to the start column.
            do {
                int previous = previousColumn[column];
                rowOfColumn[column] = rowOfColumn[previous];
                column = previous;
            } while (column != 0);
        }

        int[] columnOfRow = new int[rowCount];
        for (int j = 1; j <= columnCount; j++) {
            if (rowOfColumn[j] != 0) {
                columnOfRow[rowOfColumn[j] - 1] = j - 1;
            }
        }
        return columnOfRow;
    }
}
