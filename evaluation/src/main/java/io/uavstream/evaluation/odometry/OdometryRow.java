package io.uavstream.evaluation.odometry;

/**
 * Trajectory errors of one sequence, or of all sequences combined.
 *
 * @param sequence sequence name, or {@link #COMBINED} for all sequences pooled
 * @param associatedPoses number of associated (ground truth, estimate) pose pairs
 * @param scale scale of the alignment (1 without Sim(3)), or NaN in the combined row
 * @param ate absolute trajectory errors after alignment, in the ground truth's unit (metres)
 * @param rpeTranslation relative translational errors over the RPE delta, in metres
 * @param rpeRotationDegrees relative rotational errors over the RPE delta, in degrees
 */
public record OdometryRow(String sequence, long associatedPoses, double scale, ErrorStatistics ate,
                          ErrorStatistics rpeTranslation, ErrorStatistics rpeRotationDegrees) {

    /** Sequence name of the row that pools the errors of all sequences. */
    public static final String COMBINED = "COMBINED";
}
