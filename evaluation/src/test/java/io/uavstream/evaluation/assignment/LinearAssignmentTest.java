package io.uavstream.evaluation.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearAssignmentTest {

    private static final double X = Double.POSITIVE_INFINITY;

    @Test
    void squareMatrixFindsKnownOptimum() {
        // The six permutations, written as the columns of rows 0, 1, 2, cost:
        // (0,1,2) 4+5+2 = 11, (0,2,1) 4+3+6 = 13, (1,0,2) 1+2+2 = 5,
        // (1,2,0) 1+3+3 = 7, (2,0,1) 3+2+6 = 11, (2,1,0) 3+5+3 = 11.
        // The optimum is rows 0, 1, 2 -> columns 1, 0, 2 with cost 5.
        double[][] cost = {
            {4, 1, 3},
            {2, 5, 3},
            {3, 6, 2},
        };

        Assignment assignment = LinearAssignment.minimizeCost(cost);

        assertThat(assignment.columnOf(0)).isEqualTo(1);
        assertThat(assignment.columnOf(1)).isEqualTo(0);
        assertThat(assignment.columnOf(2)).isEqualTo(2);
        assertThat(assignment.totalValue()).isEqualTo(5.0);
        assertThat(assignment.rowOf(1)).isEqualTo(0);
    }

    @Test
    void wideMatrixLeavesCheapestColumnsUsed() {
        // Two rows, three columns: row 0 prefers column 2 (1), row 1 prefers column 2 too (0).
        // Options with both rows assigned: (0->2, 1->0) = 1+4 = 5, (0->2, 1->1) = 1+3 = 4,
        // (0->0, 1->2) = 5+0 = 5, (0->1, 1->2) = 6+0 = 6, (0->0,1->1) = 8, (0->1,1->0) = 10.
        // The optimum is 0->2, 1->1 with cost 4; column 0 stays free.
        double[][] cost = {
            {5, 6, 1},
            {4, 3, 0},
        };

        Assignment assignment = LinearAssignment.minimizeCost(cost);

        assertThat(assignment.columnOf(0)).isEqualTo(2);
        assertThat(assignment.columnOf(1)).isEqualTo(1);
        assertThat(assignment.rowOf(0)).isEqualTo(Assignment.UNASSIGNED);
        assertThat(assignment.totalValue()).isEqualTo(4.0);
    }

    @Test
    void tallMatrixLeavesOneRowUnassigned() {
        // The transpose of the case above: three rows, two columns, row 0 stays free.
        double[][] cost = {
            {5, 4},
            {6, 3},
            {1, 0},
        };

        Assignment assignment = LinearAssignment.minimizeCost(cost);

        assertThat(assignment.columnOf(0)).isEqualTo(Assignment.UNASSIGNED);
        assertThat(assignment.columnOf(1)).isEqualTo(1);
        assertThat(assignment.columnOf(2)).isEqualTo(0);
        assertThat(assignment.pairCount()).isEqualTo(2);
        assertThat(assignment.totalValue()).isEqualTo(4.0);
    }

    @Test
    void forbiddenPairsAreNeverAssigned() {
        // Row 0 may take only column 1 and row 1 only column 1: one of them stays free.
        // Row 0 costs 2 there and row 1 costs 7, so row 0 gets it.
        double[][] cost = {
            {X, 2},
            {X, 7},
        };

        Assignment assignment = LinearAssignment.minimizeCost(cost);

        assertThat(assignment.columnOf(0)).isEqualTo(1);
        assertThat(assignment.columnOf(1)).isEqualTo(Assignment.UNASSIGNED);
        assertThat(assignment.pairCount()).isEqualTo(1);
    }

    @Test
    void allForbiddenGivesEmptyAssignment() {
        double[][] cost = {
            {X, X},
            {X, X},
        };

        Assignment assignment = LinearAssignment.minimizeCost(cost);

        assertThat(assignment.pairCount()).isZero();
        assertThat(assignment.totalValue()).isZero();
    }

    @Test
    void emptyMatrixGivesEmptyAssignment() {
        assertThat(LinearAssignment.minimizeCost(new double[0][0]).pairCount()).isZero();
        assertThat(LinearAssignment.minimizeCost(new double[3][0]).rowCount()).isEqualTo(3);
        assertThat(LinearAssignment.maximizeWeight(new double[0][4]).columnCount()).isZero();
    }

    @Test
    void moreCostlyPairsWinWhenMorePairs() {
        // Alone, 0->0 costs 0. But 0->1 and 1->0 together cost 50 + 50 = 100 and assign two
        // pairs, which minimizeCost prefers to any single pair.
        double[][] cost = {
            {0, 50},
            {50, X},
        };

        Assignment assignment = LinearAssignment.minimizeCost(cost);

        assertThat(assignment.pairCount()).isEqualTo(2);
        assertThat(assignment.columnOf(0)).isEqualTo(1);
        assertThat(assignment.totalValue()).isEqualTo(100.0);
    }

    @Test
    void tiesGiveDeterministicOptimalAssignment() {
        // Every permutation costs 3, so any of them is optimal; repeated runs must agree.
        double[][] cost = {
            {1, 1, 1},
            {1, 1, 1},
            {1, 1, 1},
        };

        Assignment first = LinearAssignment.minimizeCost(cost);
        Assignment second = LinearAssignment.minimizeCost(cost);

        assertThat(first.pairCount()).isEqualTo(3);
        assertThat(first.totalValue()).isEqualTo(3.0);
        for (int row = 0; row < 3; row++) {
            assertThat(second.columnOf(row)).isEqualTo(first.columnOf(row));
        }
    }

    @Test
    void tiesWithForbiddenPairsStayOptimal() {
        // Rows 0 and 1 tie for column 0 (cost 1 each), but row 1 may also take column 1 (cost 1)
        // while row 0 may not. The only two-pair assignment is 0->0, 1->1 with cost 2.
        double[][] cost = {
            {1, X},
            {1, 1},
        };

        Assignment assignment = LinearAssignment.minimizeCost(cost);

        assertThat(assignment.columnOf(0)).isEqualTo(0);
        assertThat(assignment.columnOf(1)).isEqualTo(1);
    }

    @Test
    void maximizeWeightPrefersHeavyPairOverCount() {
        // Trajectory overlaps as in IDF1: 0-0 share 10 frames, 0-1 and 1-0 share 1 frame each.
        // Two pairs give 1 + 1 = 2, the single pair 0-0 gives 10, so maximizeWeight takes 0-0.
        double[][] weight = {
            {10, 1},
            {1, 0},
        };

        Assignment assignment = LinearAssignment.maximizeWeight(weight);

        assertThat(assignment.columnOf(0)).isEqualTo(0);
        assertThat(assignment.columnOf(1)).isEqualTo(Assignment.UNASSIGNED);
        assertThat(assignment.totalValue()).isEqualTo(10.0);
    }

    @Test
    void maximizeWeightSkipsNonPositiveWeights() {
        double[][] weight = {
            {0, Double.NEGATIVE_INFINITY},
            {-3, 2},
        };

        Assignment assignment = LinearAssignment.maximizeWeight(weight);

        assertThat(assignment.pairCount()).isEqualTo(1);
        assertThat(assignment.columnOf(1)).isEqualTo(1);
    }

    @Test
    void invalidMatricesAreRejected() {
        assertThatThrownBy(() -> LinearAssignment.minimizeCost(new double[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ragged");
        assertThatThrownBy(() -> LinearAssignment.minimizeCost(new double[][] {{1, Double.NaN}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN at (0, 1)");
        assertThatThrownBy(() -> LinearAssignment.minimizeCost(new double[][] {{Double.NEGATIVE_INFINITY}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Infinity");
        assertThatThrownBy(() -> LinearAssignment.maximizeWeight(new double[][] {{Double.POSITIVE_INFINITY}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("+Infinity");
        assertThatThrownBy(() -> LinearAssignment.minimizeCost(new double[][] {{-1e308, 1e308}, {0, 0}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Rescale the costs");
    }

    @Test
    void randomMatricesMatchBruteForce() {
        Random random = new Random(20240611L);
        for (int trial = 0; trial < 400; trial++) {
            int rows = 1 + random.nextInt(5);
            int columns = 1 + random.nextInt(5);
            double[][] matrix = new double[rows][columns];
            for (int row = 0; row < rows; row++) {
                for (int column = 0; column < columns; column++) {
                    // Small integers make ties frequent; about a third of the pairs are forbidden.
                    matrix[row][column] = random.nextInt(3) == 0 ? X : random.nextInt(5) - 2;
                }
            }

            Assignment minimum = LinearAssignment.minimizeCost(matrix);
            BruteForce.Best expectedMinimum = BruteForce.minimizeCost(matrix);
            assertThat(minimum.pairCount()).as("pairs, trial %d", trial).isEqualTo(expectedMinimum.pairs());
            assertThat(minimum.totalValue()).as("cost, trial %d", trial).isCloseTo(expectedMinimum.total(), within(1e-9));

            double[][] weight = negate(matrix);
            Assignment maximum = LinearAssignment.maximizeWeight(weight);
            assertThat(maximum.totalValue()).as("weight, trial %d", trial)
                    .isCloseTo(BruteForce.maximizeWeight(weight), within(1e-9));
        }
    }

    private static double[][] negate(double[][] matrix) {
        double[][] result = new double[matrix.length][];
        for (int row = 0; row < matrix.length; row++) {
            result[row] = new double[matrix[row].length];
            for (int column = 0; column < matrix[row].length; column++) {
                result[row][column] = -matrix[row][column];
            }
        }
        return result;
    }

    /** Enumerates every partial assignment of a small matrix. */
    private static final class BruteForce {
        record Best(int pairs, double total) {
        }

        static Best minimizeCost(double[][] cost) {
            Best[] best = {new Best(0, 0)};
            enumerate(cost, 0, new boolean[cost[0].length], 0, 0, (pairs, total) -> {
                if (pairs > best[0].pairs() || (pairs == best[0].pairs() && total < best[0].total())) {
                    best[0] = new Best(pairs, total);
                }
            });
            return best[0];
        }

        static double maximizeWeight(double[][] weight) {
            double[] best = {0};
            double[][] positive = new double[weight.length][];
            for (int row = 0; row < weight.length; row++) {
                positive[row] = new double[weight[row].length];
                for (int column = 0; column < weight[row].length; column++) {
                    positive[row][column] = weight[row][column] > 0 ? weight[row][column] : X;
                }
            }
            enumerate(positive, 0, new boolean[weight[0].length], 0, 0, (pairs, total) -> best[0] = Math.max(best[0], total));
            return best[0];
        }

        interface Visitor {
            void visit(int pairs, double total);
        }

        private static void enumerate(double[][] matrix, int row, boolean[] used, int pairs, double total, Visitor visitor) {
            if (row == matrix.length) {
                visitor.visit(pairs, total);
                return;
            }
            enumerate(matrix, row + 1, used, pairs, total, visitor);
            for (int column = 0; column < used.length; column++) {
                if (!used[column] && matrix[row][column] != X) {
                    used[column] = true;
                    enumerate(matrix, row + 1, used, pairs + 1, total + matrix[row][column], visitor);
                    used[column] = false;
                }
            }
        }
    }
}
