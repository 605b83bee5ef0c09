package io.uavstream.evaluation.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Optimal assignment of the rows of a rectangular matrix to its columns, each row and each column
 * used at most once. Two objectives are offered:
 *
 * <ul>
 *   <li>{@link #minimizeCost}: the rectangular linear assignment problem. It assigns as many pairs
 *       as the allowed (finite) entries permit, and among those assignments returns one of least
 *       total cost. {@code +Infinity} marks a forbidden pair.
 *   <li>{@link #maximizeWeight}: maximum-weight bipartite matching. Pairs are optional, so a pair
 *       is assigned only where it raises the total weight. Entries of 0 or less (including
 *       {@code -Infinity}) are never assigned.
 * </ul>
 *
 * <p>The allowed pairs are first split into connected components, and each component is solved
 * on its own by {@link ShortestAugmentingPath}, so sparse matrices (few overlapping boxes) cost
 * far less than the dense bound of O(n<sup>2</sup> m).
 *
 * <p>Ties are broken deterministically: the same matrix always yields the same assignment.
 */
public final class LinearAssignment {

    private LinearAssignment() {
    }

    /**
     * Returns an assignment with the most pairs over finite entries, and among those the least
     * total cost. {@code +Infinity} forbids a pair.
     *
     * @throws IllegalArgumentException if the matrix is ragged, contains NaN or {@code -Infinity}, or
     *     if its finite costs span so wide a range (near {@code Double.MAX_VALUE}) that the number of
     *     pairs can no longer be ranked before the cost
     */
    public static Assignment minimizeCost(double[][] cost) {
        int columnCount = validate(cost, "cost");
        for (double[] row : cost) {
            for (double value : row) {
                if (value == Double.NEGATIVE_INFINITY) {
                    throw new IllegalArgumentException(
                            "cost matrix contains -Infinity. Forbid a pair with +Infinity instead");
                }
            }
        }
        int[] columnByRow = solve(cost, columnCount, true);
        return new Assignment(columnByRow, columnCount, cost);
    }

    /**
     * Returns an assignment of greatest total weight. Pairs with a weight of 0 or less are never
     * assigned, so {@code -Infinity} or 0 forbids a pair.
     *
     * @throws IllegalArgumentException if the matrix is ragged or contains NaN or {@code +Infinity}
     */
    public static Assignment maximizeWeight(double[][] weight) {
        int columnCount = validate(weight, "weight");
        double[][] cost = new double[weight.length][columnCount];
        for (int row = 0; row < weight.length; row++) {
            for (int column = 0; column < columnCount; column++) {
                double value = weight[row][column];
                if (value == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException("weight matrix contains +Infinity at (" + row + ", "
                            + column + "). Weights must be finite, or -Infinity to forbid a pair");
                }
                cost[row][column] = value > 0 ? -value : Double.POSITIVE_INFINITY;
            }
        }
        int[] columnByRow = solve(cost, columnCount, false);
        return new Assignment(columnByRow, columnCount, weight);
    }

    /** Returns the column count after checking that the matrix is rectangular and free of NaN. */
    private static int validate(double[][] matrix, String name) {
        if (matrix == null) {
            throw new IllegalArgumentException(name + " matrix must not be null");
        }
        int columnCount = matrix.length == 0 ? 0 : matrix[0].length;
        for (int row = 0; row < matrix.length; row++) {
            if (matrix[row] == null || matrix[row].length != columnCount) {
                throw new IllegalArgumentException(name + " matrix is ragged: row " + row + " has "
                        + (matrix[row] == null ? "no" : matrix[row].length) + " columns, row 0 has " + columnCount);
            }
            for (int column = 0; column < columnCount; column++) {
                if (Double.isNaN(matrix[row][column])) {
                    throw new IllegalArgumentException(name + " matrix contains NaN at (" + row + ", " + column + ")");
                }
            }
        }
        return columnCount;
    }

    /**
     * Solves each connected component of the finite entries of {@code cost} and returns the
     * column of each row. With {@code maxCardinality} the number of pairs comes first, otherwise
     * a row stays unassigned at no cost.
     */
    private static int[] solve(double[][] cost, int columnCount, boolean maxCardinality) {
        int[] columnByRow = new int[cost.length];
        Arrays.fill(columnByRow, Assignment.UNASSIGNED);
        for (Component component : Component.split(cost, columnCount)) {
            double[][] sub = component.extract(cost);
            boolean transposed = sub.length > sub[0].length;
            if (transposed) {
                sub = transpose(sub);
            }
            int[] subColumnByRow = ShortestAugmentingPath.solve(sub, maxCardinality);
            component.store(subColumnByRow, transposed, columnByRow);
        }
        return columnByRow;
    }

    private static double[][] transpose(double[][] matrix) {
        double[][] result = new double[matrix[0].length][matrix.length];
        for (int row = 0; row < matrix.length; row++) {
            for (int column = 0; column < matrix[0].length; column++) {
                result[column][row] = matrix[row][column];
            }
        }
        return result;
    }

    /** Rows and columns joined by finite entries, found with a union-find over both. */
    private static final class Component {
        private final List<Integer> rows = new ArrayList<>();
        private final List<Integer> columns = new ArrayList<>();

        static List<Component> split(double[][] cost, int columnCount) {
            int rowCount = cost.length;
            int[] parent = new int[rowCount + columnCount];
            for (int node = 0; node < parent.length; node++) {
                parent[node] = node;
            }
            boolean[] linked = new boolean[parent.length];
            for (int row = 0; row < rowCount; row++) {
                for (int column = 0; column < columnCount; column++) {
                    if (cost[row][column] != Double.POSITIVE_INFINITY) {
                        union(parent, row, rowCount + column);
                        linked[row] = true;
                        linked[rowCount + column] = true;
                    }
                }
            }
            Component[] byRoot = new Component[parent.length];
            List<Component> components = new ArrayList<>();
            for (int node = 0; node < parent.length; node++) {
                if (!linked[node]) {
                    continue;
                }
                int root = find(parent, node);
                if (byRoot[root] == null) {
                    byRoot[root] = new Component();
                    components.add(byRoot[root]);
                }
                if (node < rowCount) {
                    byRoot[root].rows.add(node);
                } else {
                    byRoot[root].columns.add(node - rowCount);
                }
            }
            return components;
        }

        double[][] extract(double[][] cost) {
            double[][] sub = new double[rows.size()][columns.size()];
            for (int i = 0; i < rows.size(); i++) {
                for (int j = 0; j < columns.size(); j++) {
                    sub[i][j] = cost[rows.get(i)][columns.get(j)];
                }
            }
            return sub;
        }

        void store(int[] subColumnByRow, boolean transposed, int[] columnByRow) {
            for (int i = 0; i < subColumnByRow.length; i++) {
                int j = subColumnByRow[i];
                if (j == Assignment.UNASSIGNED) {
                    continue;
                }
                if (transposed) {
                    columnByRow[rows.get(j)] = columns.get(i);
                } else {
                    columnByRow[rows.get(i)] = columns.get(j);
                }
            }
        }

        private static int find(int[] parent, int node) {
            while (parent[node] != node) {
                parent[node] = parent[parent[node]];
                node = parent[node];
            }
            return node;
        }

        private static void union(int[] parent, int a, int b) {
            int rootA = find(parent, a);
            int rootB = find(parent, b);
            if (rootA != rootB) {
                parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
            }
        }
    }
}
