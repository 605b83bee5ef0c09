package io.uavstream.tracking.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearAssignmentSolverTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void squareMatrixFindsKnownOptimum() {
        double[][] cost = {
            {4, 1, 3},
            {2, 0, 5},
            {3, 2, 2},
        };

        Assignment assignment = LinearAssignmentSolver.solve(cost, 100);

        assertThat(assignment.columnOf(0)).isEqualTo(1);
        assertThat(assignment.columnOf(1)).isEqualTo(0);
        assertThat(assignment.columnOf(2)).isEqualTo(2);
    }

    @Test
    void greedyChoiceIsNotOptimal() {
        // Greedy would take (0, 0) at 0.1 and leave row 1 with 0.9. The optimum pairs crosswise.
        double[][] cost = {
            {0.1, 0.2},
            {0.3, 0.9},
        };

        Assignment assignment = LinearAssignmentSolver.solve(cost, 1);

        assertThat(assignment.columnOf(0)).isEqualTo(1);
        assertThat(assignment.columnOf(1)).isEqualTo(0);
    }

    @Test
    void pairsAtOrAboveLimitStayUnassigned() {
        double[][] cost = {
            {0.8, 0.5},
            {0.5, 0.9},
        };

        Assignment assignment = LinearAssignmentSolver.solve(cost, 0.5);

        assertThat(assignment.pairCount()).isZero();
        assertThat(assignment.rowOf(0)).isEqualTo(Assignment.UNASSIGNED);
    }

    @Test
    void wideMatrixAssignsEveryRow() {
        double[][] cost = {
            {5, 1, 7, 3},
            {2, 6, 1, 9},
        };

        Assignment assignment = LinearAssignmentSolver.solve(cost, 10);

        assertThat(assignment.columnOf(0)).isEqualTo(1);
        assertThat(assignment.columnOf(1)).isEqualTo(2);
        assertThat(assignment.rowOf(0)).isEqualTo(Assignment.UNASSIGNED);
    }

    @Test
    void tallMatrixAssignsEveryColumn() {
        double[][] cost = {
            {5, 1},
            {2, 6},
            {0.5, 0.7},
        };

        Assignment assignment = LinearAssignmentSolver.solve(cost, 10);

        assertThat(assignment.pairCount()).isEqualTo(2);
        assertThat(assignment.rowOf(0)).isEqualTo(2);
        assertThat(assignment.rowOf(1)).isEqualTo(0);
    }

    @Test
    void forbiddenPairsNeverAssigned() {
        double[][] cost = {
            {INF, 0.3},
            {INF, 0.1},
        };

        Assignment assignment = LinearAssignmentSolver.solve(cost, 1);

        assertThat(assignment.pairCount()).isEqualTo(1);
        assertThat(assignment.columnOf(1)).isEqualTo(1);
        assertThat(assignment.rowOf(0)).isEqualTo(Assignment.UNASSIGNED);
    }

    @Test
    void emptyMatrixGivesEmptyAssignment() {
        Assignment noRows = LinearAssignmentSolver.solve(new double[0][], 1);
        Assignment noColumns = LinearAssignmentSolver.solve(new double[3][0], 1);

        assertThat(noRows.pairCount()).isZero();
        assertThat(noColumns.rowCount()).isEqualTo(3);
        assertThat(noColumns.pairCount()).isZero();
    }

    @Test
    void randomMatricesMatchBruteForce() {
        Random random = new Random(7);
        for (int trial = 0; trial < 500; trial++) {
            int rows = 1 + random.nextInt(5);
            int columns = 1 + random.nextInt(5);
            double limit = 0.3 + random.nextDouble();
            double[][] cost = randomCost(rows, columns, random);

            Assignment assignment = LinearAssignmentSolver.solve(cost, limit);

            assertThat(objective(cost, limit, assignment)).as("trial %d objective", trial)
                    .isCloseTo(bruteForceOptimum(cost, limit, 0, new boolean[columns]), within(1e-9));
            for (int row = 0; row < rows; row++) {
                int column = assignment.columnOf(row);
                if (column != Assignment.UNASSIGNED) {
                    assertThat(cost[row][column]).as("trial %d cost of row %d", trial, row).isLessThan(limit);
                    assertThat(assignment.rowOf(column)).as("trial %d row of column %d", trial, column).isEqualTo(row);
                }
            }
        }
    }

    @Test
    void sameMatrixGivesSameAssignment() {
        double[][] ties = {
            {0.5, 0.5, 0.5},
            {0.5, 0.5, 0.5},
        };

        Assignment first = LinearAssignmentSolver.solve(ties, 1);
        Assignment second = LinearAssignmentSolver.solve(ties, 1);

        assertThat(second.toString()).isEqualTo(first.toString());
    }

    @Test
    void nanRejected() {
        double[][] cost = {{0.1, Double.NaN}};

        assertThatThrownBy(() -> LinearAssignmentSolver.solve(cost, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN at (0, 1)");
    }

    @Test
    void raggedMatrixRejected() {
        double[][] cost = {{0.1, 0.2}, {0.3}};

        assertThatThrownBy(() -> LinearAssignmentSolver.solve(cost, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ragged");
    }

    @Test
    void infiniteLimitRejected() {
        assertThatThrownBy(() -> LinearAssignmentSolver.solve(new double[][] {{0.1}}, INF))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
    }

    private static double[][] randomCost(int rows, int columns, Random random) {
        double[][] cost = new double[rows][columns];
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                double draw = random.nextDouble();
                if (draw < 0.15) {
                    cost[row][column] = INF;
                } else if (draw < 0.25) {
                    cost[row][column] = -random.nextDouble();
                } else {
                    cost[row][column] = random.nextDouble() * 1.5;
                }
            }
        }
        return cost;
    }

    /** Returns the sum over assigned pairs of (cost - limit), the quantity the solver minimizes. */
    private static double objective(double[][] cost, double limit, Assignment assignment) {
        double total = 0;
        for (int row = 0; row < cost.length; row++) {
            int column = assignment.columnOf(row);
            if (column != Assignment.UNASSIGNED) {
                total += cost[row][column] - limit;
            }
        }
        return total;
    }

    /** Enumerates every assignment of rows from {@code row} on, each row unassigned or on a free column. */
    private static double bruteForceOptimum(double[][] cost, double limit, int row, boolean[] usedColumns) {
        if (row == cost.length) {
            return 0;
        }
        double best = bruteForceOptimum(cost, limit, row + 1, usedColumns);
        for (int column = 0; column < usedColumns.length; column++) {
            if (!usedColumns[column] && cost[row][column] < limit) {
                usedColumns[column] = true;
                best = Math.min(best, cost[row][column] - limit + bruteForceOptimum(cost, limit, row + 1, usedColumns));
                usedColumns[column] = false;
            }
        }
        return best;
    }
}
