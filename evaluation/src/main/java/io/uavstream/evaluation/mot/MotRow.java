package io.uavstream.evaluation.mot;

/**
 * Tracking metrics of one sequence, or of all sequences combined, for one class selection.
 *
 * @param sequence sequence name, or {@link #COMBINED} for the sum over all sequences
 * @param classLabel a class ID, or {@code "all"} when the selected classes are scored together
 * @param clearMot CLEAR MOT counts, with MOTA and MOTP
 * @param identity identity counts, with IDF1, IDP and IDR
 * @param hota HOTA sums, with HOTA, DetA, AssA and LocA
 */
public record MotRow(String sequence, String classLabel, ClearMotCounts clearMot, IdentityCounts identity,
                     HotaCounts hota) {

    /** Sequence name of the rows that combine all sequences. */
    public static final String COMBINED = "COMBINED";

    /** Returns the row whose counts are the sums of both rows' counts, under the given names. */
    MotRow plus(MotRow other, String sequenceName) {
        return new MotRow(sequenceName, classLabel, clearMot.plus(other.clearMot),
                identity.plus(other.identity), hota.plus(other.hota));
    }
}
