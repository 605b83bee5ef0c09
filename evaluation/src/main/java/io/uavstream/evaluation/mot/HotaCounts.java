package io.uavstream.evaluation.mot;

import java.util.Arrays;

/**
 * HOTA sums of one sequence or of several added together, one set per localization threshold
 * alpha = 0.05, 0.10, ..., 0.95 (J. Luiten, A. Osep, P. Dendorfer, P. Torr, A. Geiger,
 * L. Leal-Taixé and B. Leibe, "HOTA: A Higher Order Metric for Evaluating Multi-Object
 * Tracking", International Journal of Computer Vision, 2021).
 *
 * <p>For each alpha, DetA = |TP| / (|TP| + |FN| + |FP|), and AssA is the mean over TPs c of
 * A(c) = |TPA(c)| / (|TPA(c)| + |FNA(c)| + |FPA(c)|). Then HOTA = sqrt(DetA * AssA), and LocA is
 * the mean IoU of the TPs. The reported scores are the means over the 19 alphas. Adding sequences adds
 * the sums, so the combined AssA and LocA weigh each sequence by its TPs.
 *
 * <p>Undefined cases: with no ground truth and no predictions every score is NaN. An alpha
 * without TPs has AssA, AssRe and AssPr 0 (its HOTA is 0 as DetA is 0) and is left out of the
 * LocA mean, since no IoU is measured there.
 */
public final class HotaCounts {

    /** Number of localization thresholds. */
    public static final int ALPHA_COUNT = 19;

    private final long[] truePositives;
    private final long[] falseNegatives;
    private final long[] falsePositives;
    private final double[] associationSum;
    private final double[] associationRecallSum;
    private final double[] associationPrecisionSum;
    private final double[] iouSum;

    HotaCounts(long[] truePositives, long[] falseNegatives, long[] falsePositives, double[] associationSum,
               double[] associationRecallSum, double[] associationPrecisionSum, double[] iouSum) {
        this.truePositives = truePositives;
        this.falseNegatives = falseNegatives;
        this.falsePositives = falsePositives;
        this.associationSum = associationSum;
        this.associationRecallSum = associationRecallSum;
        this.associationPrecisionSum = associationPrecisionSum;
        this.iouSum = iouSum;
    }

    public static HotaCounts zero() {
        return new HotaCounts(new long[ALPHA_COUNT], new long[ALPHA_COUNT], new long[ALPHA_COUNT],
                new double[ALPHA_COUNT], new double[ALPHA_COUNT], new double[ALPHA_COUNT], new double[ALPHA_COUNT]);
    }

    /** Returns alpha number {@code index} (0-based): (index + 1) / 20. */
    public static double alpha(int index) {
        return (index + 1) / 20.0;
    }

    public HotaCounts plus(HotaCounts other) {
        HotaCounts sum = zero();
        for (int a = 0; a < ALPHA_COUNT; a++) {
            sum.truePositives[a] = truePositives[a] + other.truePositives[a];
            sum.falseNegatives[a] = falseNegatives[a] + other.falseNegatives[a];
            sum.falsePositives[a] = falsePositives[a] + other.falsePositives[a];
            sum.associationSum[a] = associationSum[a] + other.associationSum[a];
            sum.associationRecallSum[a] = associationRecallSum[a] + other.associationRecallSum[a];
            sum.associationPrecisionSum[a] = associationPrecisionSum[a] + other.associationPrecisionSum[a];
            sum.iouSum[a] = iouSum[a] + other.iouSum[a];
        }
        return sum;
    }

    public long truePositivesAt(int alphaIndex) {
        return truePositives[alphaIndex];
    }

    public long falseNegativesAt(int alphaIndex) {
        return falseNegatives[alphaIndex];
    }

    public long falsePositivesAt(int alphaIndex) {
        return falsePositives[alphaIndex];
    }

    public double detAAt(int a) {
        long denominator = truePositives[a] + falseNegatives[a] + falsePositives[a];
        return denominator == 0 ? Double.NaN : (double) truePositives[a] / denominator;
    }

    public double assAAt(int a) {
        return perTruePositive(associationSum, a);
    }

    public double hotaAt(int a) {
        return Math.sqrt(detAAt(a) * assAAt(a));
    }

    /** Returns the mean IoU of the TPs at alpha {@code a}, or NaN without TPs. */
    public double locAAt(int a) {
        return truePositives[a] == 0 ? Double.NaN : iouSum[a] / truePositives[a];
    }

    public double hota() {
        return meanOverAlphas(this::hotaAt);
    }

    public double detA() {
        return meanOverAlphas(this::detAAt);
    }

    public double assA() {
        return meanOverAlphas(this::assAAt);
    }

    /** Returns the mean of LocA over the alphas that have TPs, or NaN when none has. */
    public double locA() {
        double sum = 0;
        int count = 0;
        for (int a = 0; a < ALPHA_COUNT; a++) {
            if (truePositives[a] > 0) {
                sum += locAAt(a);
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** Returns the mean over alphas of DetRe = |TP| / (|TP| + |FN|), or NaN without ground truth. */
    public double detRe() {
        return meanOverAlphas(a -> ratio(truePositives[a], truePositives[a] + falseNegatives[a]));
    }

    /** Returns the mean over alphas of DetPr = |TP| / (|TP| + |FP|), or NaN without predictions. */
    public double detPr() {
        return meanOverAlphas(a -> ratio(truePositives[a], truePositives[a] + falsePositives[a]));
    }

    /** Returns the mean over alphas of AssRe, the mean over TPs of |TPA| / (|TPA| + |FNA|). */
    public double assRe() {
        return meanOverAlphas(a -> perTruePositive(associationRecallSum, a));
    }

    /** Returns the mean over alphas of AssPr, the mean over TPs of |TPA| / (|TPA| + |FPA|). */
    public double assPr() {
        return meanOverAlphas(a -> perTruePositive(associationPrecisionSum, a));
    }

    private double perTruePositive(double[] sums, int a) {
        if (truePositives[a] > 0) {
            return sums[a] / truePositives[a];
        }
        return falseNegatives[a] + falsePositives[a] > 0 ? 0 : Double.NaN;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }

    private interface PerAlpha {
        double at(int alphaIndex);
    }

    private static double meanOverAlphas(PerAlpha score) {
        double sum = 0;
        for (int a = 0; a < ALPHA_COUNT; a++) {
            sum += score.at(a);
        }
        return sum / ALPHA_COUNT;
    }

    @Override
    public String toString() {
        return "HotaCounts{truePositives=" + Arrays.toString(truePositives) + ", falseNegatives="
                + Arrays.toString(falseNegatives) + ", falsePositives=" + Arrays.toString(falsePositives) + "}";
    }
}
