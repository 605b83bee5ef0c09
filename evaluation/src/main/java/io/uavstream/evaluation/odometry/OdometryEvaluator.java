package io.uavstream.evaluation.odometry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores estimated trajectories against ground truth with the absolute trajectory error (ATE)
 * and the relative pose error (RPE) of the TUM RGB-D benchmark. Each sequence is associated by
 * timestamp ({@link TimestampAssociation}) and aligned on its own. The combined row pools the
 * errors of all sequences.
 */
public final class OdometryEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(OdometryEvaluator.class);

    private OdometryEvaluator() {
    }

    /**
     * Evaluates every sequence of {@code groundTruth}, in name order.
     *
     * @throws IllegalArgumentException if the two maps name different sequences, or a sequence has
     *     fewer than {@link OdometryConfig#MIN_POSES} associated poses
     */
    public static OdometryResult evaluate(Map<String, Trajectory> groundTruth, Map<String, Trajectory> estimates,
                                          OdometryConfig config) {
        Objects.requireNonNull(config, "config");
        if (!groundTruth.keySet().equals(estimates.keySet())) {
            throw new IllegalArgumentException("Ground truth and estimates must name the same sequences, but ground"
                    + " truth has " + new TreeSet<>(groundTruth.keySet()) + " and estimates have "
                    + new TreeSet<>(estimates.keySet()));
        }
        List<OdometryRow> rows = new ArrayList<>();
        long poses = 0;
        ErrorStatistics ate = ErrorStatistics.EMPTY;
        ErrorStatistics rpeTranslation = ErrorStatistics.EMPTY;
        ErrorStatistics rpeRotation = ErrorStatistics.EMPTY;
        for (Map.Entry<String, Trajectory> entry : new TreeMap<>(groundTruth).entrySet()) {
            OdometryRow row = evaluateSequence(entry.getKey(), entry.getValue(), estimates.get(entry.getKey()), config);
            rows.add(row);
            poses += row.associatedPoses();
            ate = ate.plus(row.ate());
            rpeTranslation = rpeTranslation.plus(row.rpeTranslation());
            rpeRotation = rpeRotation.plus(row.rpeRotationDegrees());
        }
        rows.add(new OdometryRow(OdometryRow.COMBINED, poses, Double.NaN, ate, rpeTranslation, rpeRotation));
        LOG.info("Odometry over {} sequences: ATE RMSE {} m, RPE {} m and {} deg per {} s", groundTruth.size(),
                ate.rmse(), rpeTranslation.rmse(), rpeRotation.rmse(), config.rpeDelta());
        return new OdometryResult(config, rows);
    }

    /** Evaluates a single sequence. The result has its row and the combined row. */
    public static OdometryResult evaluate(String name, Trajectory groundTruth, Trajectory estimate,
                                          OdometryConfig config) {
        return evaluate(Map.of(name, groundTruth), Map.of(name, estimate), config);
    }

    private static OdometryRow evaluateSequence(String name, Trajectory groundTruth, Trajectory estimate,
                                                OdometryConfig config) {
        List<PosePair> pairs = TimestampAssociation.associate(groundTruth, estimate, config.maxTimeDifference(),
                config.timeOffset());
        if (pairs.size() < OdometryConfig.MIN_POSES) {
            throw new IllegalArgumentException("Sequence '" + name + "' has " + pairs.size() + " associated poses ("
                    + groundTruth.size() + " ground truth, " + estimate.size() + " estimated) and needs at least "
                    + OdometryConfig.MIN_POSES + ". Check the timestamps, maxTimeDifference ("
                    + config.maxTimeDifference() + " s) and timeOffset (" + config.timeOffset() + " s)");
        }
        AbsoluteTrajectoryError.Result ate = AbsoluteTrajectoryError.compute(pairs, config.alignment());
        double scale = ate.alignment().scale();
        RelativePoseError.Result rpe =
                RelativePoseError.compute(pairs, config.rpeDelta(), config.rpeTolerance(), scale);
        if (rpe.translationErrors().length == 0) {
            LOG.warn("Sequence {} has no pose pairs {} s apart (within {} s). Its RPE is undefined", name,
                    config.rpeDelta(), config.rpeTolerance());
        }
        return new OdometryRow(name, pairs.size(), scale, ate.statistics(), rpe.translation(), rpe.rotationDegrees());
    }
}
