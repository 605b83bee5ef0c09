package io.uavstream.evaluation.odometry;

import io.uavstream.evaluation.geometry.Vector3;
import java.util.ArrayList;
import java.util.List;

/**
 * Absolute trajectory error (Sturm et al., "A Benchmark for the Evaluation of RGB-D SLAM Systems",
 * IROS 2012): the estimated positions are aligned to the ground truth (see {@link Umeyama}) and
 * the error of each pair is the distance between the ground-truth position and the aligned
 * estimate, in the ground truth's unit (metres). Orientations are not used.
 */
public final class AbsoluteTrajectoryError {

    private AbsoluteTrajectoryError() {
    }

    /**
     * The alignment found and the position errors after it.
     *
     * @param alignment transform applied to the estimated positions
     * @param errors distance of each pair after alignment, in pair order
     */
    public record Result(SimilarityTransform alignment, double[] errors) {

        public ErrorStatistics statistics() {
            return ErrorStatistics.of(errors);
        }
    }

    public static Result compute(List<PosePair> pairs, Alignment alignment) {
        List<Vector3> estimated = new ArrayList<>(pairs.size());
        List<Vector3> truth = new ArrayList<>(pairs.size());
        for (PosePair pair : pairs) {
            estimated.add(pair.estimate().position());
            truth.add(pair.groundTruth().position());
        }
        SimilarityTransform transform = switch (alignment) {
            case NONE -> SimilarityTransform.IDENTITY;
            case SE3 -> Umeyama.align(estimated, truth, false);
            case SIM3 -> Umeyama.align(estimated, truth, true);
        };
        double[] errors = new double[pairs.size()];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = truth.get(i).minus(transform.apply(estimated.get(i))).norm();
        }
        return new Result(transform, errors);
    }
}
