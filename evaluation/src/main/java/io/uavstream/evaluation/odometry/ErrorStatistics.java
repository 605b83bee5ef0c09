package io.uavstream.evaluation.odometry;

/**
 * Summary of a set of non-negative errors, kept as sums so that sets can be added.
 *
 * @param count number of errors
 * @param sum sum of the errors
 * @param sumOfSquares sum of the squared errors
 * @param max largest error, 0 when empty
 */
public record ErrorStatistics(long count, double sum, double sumOfSquares, double max) {

    public static final ErrorStatistics EMPTY = new ErrorStatistics(0, 0, 0, 0);

    public static ErrorStatistics of(double[] errors) {
        ErrorStatistics statistics = EMPTY;
        for (double error : errors) {
            statistics = statistics.plus(new ErrorStatistics(1, error, error * error, error));
        }
        return statistics;
    }

    public ErrorStatistics plus(ErrorStatistics other) {
        return new ErrorStatistics(count + other.count, sum + other.sum, sumOfSquares + other.sumOfSquares,
                Math.max(max, other.max));
    }

    /** Returns the root mean square error, or NaN when empty. */
    public double rmse() {
        return count == 0 ? Double.NaN : Math.sqrt(sumOfSquares / count);
    }

    /** Returns the mean error, or NaN when empty. */
    public double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }

    /** Returns the largest error, or NaN when empty. */
    public double maxOrNaN() {
        return count == 0 ? Double.NaN : max;
    }
}
