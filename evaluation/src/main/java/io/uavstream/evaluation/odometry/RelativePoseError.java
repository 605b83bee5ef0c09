package io.uavstream.evaluation.odometry;

import io.uavstream.evaluation.geometry.Matrix3;
import io.uavstream.evaluation.geometry.Vector3;
import java.util.ArrayList;
import java.util.List;

/**
 * Relative pose error over a fixed time delta (Sturm et al., "A Benchmark for the Evaluation of
 * RGB-D SLAM Systems", IROS 2012), the drift of an odometry per {@code delta} seconds.
 *
 * <p>For each associated pair i, the partner j is the pair whose ground-truth timestamp is
 * closest to {@code t_i + delta}. The pair (i, j) is used only when that timestamp is within
 * {@code tolerance} seconds of {@code t_i + delta}. With ground-truth poses Q and estimated poses
 * P as rigid motions, the error is {@code E = (Q_i^-1 Q_j)^-1 (P_i^-1 P_j)}. Its translation
 * norm is the translational error (ground-truth unit) and its rotation angle the rotational error
 * (degrees). The estimated relative translation is first multiplied by {@code scale}, so an
 * estimate of unknown scale can be measured with the scale its Sim(3) alignment found.
 */
public final class RelativePoseError {

    private RelativePoseError() {
    }

    /**
     * Errors of the pose pairs that were measured.
     *
     * @param translationErrors translational error of each measured pair, in the ground truth's unit
     * @param rotationErrorsDegrees rotational error of each measured pair, in degrees
     */
    public record Result(double[] translationErrors, double[] rotationErrorsDegrees) {

        public ErrorStatistics translation() {
            return ErrorStatistics.of(translationErrors);
        }

        public ErrorStatistics rotationDegrees() {
            return ErrorStatistics.of(rotationErrorsDegrees);
        }
    }

    /** Measures the pairs, which must be in ground-truth time order (as associations are). */
    public static Result compute(List<PosePair> pairs, double delta, double tolerance, double scale) {
        double[] times = new double[pairs.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = pairs.get(i).groundTruth().timestamp();
        }
        List<Double> translationErrors = new ArrayList<>();
        List<Double> rotationErrors = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            double target = times[i] + delta;
            int j = closestIndex(times, target);
            if (j <= i || Math.abs(times[j] - target) > tolerance) {
                continue;
            }
            Motion truth = Motion.between(pairs.get(i).groundTruth(), pairs.get(j).groundTruth(), 1);
            Motion estimate = Motion.between(pairs.get(i).estimate(), pairs.get(j).estimate(), scale);
            Matrix3 rotationError = truth.rotation().transpose().times(estimate.rotation());
            translationErrors.add(estimate.translation().minus(truth.translation()).norm());
            rotationErrors.add(Math.toDegrees(rotationError.rotationAngle()));
        }
        return new Result(toArray(translationErrors), toArray(rotationErrors));
    }

    private static int closestIndex(double[] sortedTimes, double target) {
        int low = 0;
        int high = sortedTimes.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sortedTimes[middle] < target) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        if (low > 0 && Math.abs(sortedTimes[low - 1] - target) <= Math.abs(sortedTimes[low] - target)) {
            return low - 1;
        }
        return low;
    }

    private static double[] toArray(List<Double> values) {
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    /**
     * Rigid motion from pose {@code from} to pose {@code to}, in the body frame of {@code from}:
     * {@code rotation = R_from^T R_to}, {@code translation = scale R_from^T (p_to - p_from)}.
     */
    private record Motion(Matrix3 rotation, Vector3 translation) {

        static Motion between(Pose from, Pose to, double scale) {
            Matrix3 fromRotationTransposed = from.orientation().toRotationMatrix().transpose();
            Matrix3 rotation = fromRotationTransposed.times(to.orientation().toRotationMatrix());
            Vector3 translation = fromRotationTransposed.times(to.position().minus(from.position())).times(scale);
            return new Motion(rotation, translation);
        }
    }
}
