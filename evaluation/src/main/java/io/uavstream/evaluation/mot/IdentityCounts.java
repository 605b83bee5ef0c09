package io.uavstream.evaluation.mot;

/**
 * Identity counts of one sequence or of several added together (E. Ristani, F. Solera, R. Zou,
 * R. Cucchiara and C. Tomasi, "Performance Measures and a Data Set for Multi-Target,
 * Multi-Camera Tracking", ECCV Workshops 2016).
 *
 * @param idTruePositives boxes where a ground-truth track and the prediction track assigned to
 *     it by the global trajectory matching overlap at IoU &ge; the threshold
 * @param idFalsePositives prediction boxes not counted as IDTP
 * @param idFalseNegatives ground-truth boxes not counted as IDTP
 */
public record IdentityCounts(long idTruePositives, long idFalsePositives, long idFalseNegatives) {

    public static final IdentityCounts ZERO = new IdentityCounts(0, 0, 0);

    public IdentityCounts plus(IdentityCounts other) {
        return new IdentityCounts(idTruePositives + other.idTruePositives,
                idFalsePositives + other.idFalsePositives, idFalseNegatives + other.idFalseNegatives);
    }

    /** Returns IDF1 = 2 IDTP / (2 IDTP + IDFP + IDFN), or NaN when there are no boxes at all. */
    public double idf1() {
        long denominator = 2 * idTruePositives + idFalsePositives + idFalseNegatives;
        return denominator == 0 ? Double.NaN : 2.0 * idTruePositives / denominator;
    }

    /** Returns IDP = IDTP / (IDTP + IDFP), or NaN without predictions. */
    public double idPrecision() {
        long denominator = idTruePositives + idFalsePositives;
        return denominator == 0 ? Double.NaN : (double) idTruePositives / denominator;
    }

    /** Returns IDR = IDTP / (IDTP + IDFN), or NaN without ground truth. */
    public double idRecall() {
        long denominator = idTruePositives + idFalseNegatives;
        return denominator == 0 ? Double.NaN : (double) idTruePositives / denominator;
    }
}
