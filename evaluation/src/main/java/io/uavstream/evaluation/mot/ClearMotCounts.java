package io.uavstream.evaluation.mot;

/**
 * CLEAR MOT counts of one sequence or of several added together (K. Bernardin and
 * R. Stiefelhagen, "Evaluating Multiple Object Tracking Performance: The CLEAR MOT Metrics",
 * EURASIP Journal on Image and Video Processing, 2008), with the trajectory counts MT, PT, ML and
 * fragmentations of Y. Li, C. Huang and R. Nevatia, "Learning to Associate: HybridBoosting
 * Multi-Target Tracker for Crowded Scene", CVPR 2009.
 *
 * @param gtBoxes scored ground-truth boxes
 * @param predBoxes predictions kept after ignore regions were removed
 * @param truePositives matched (ground truth, prediction) pairs
 * @param falsePositives unmatched predictions
 * @param falseNegatives unmatched ground-truth boxes (misses)
 * @param idSwitches times a ground-truth track was matched to a different prediction track than
 *     at its previous match
 * @param fragmentations times a ground-truth track was matched again after being unmatched
 * @param gtTracks ground-truth tracks with at least one scored box
 * @param mostlyTracked tracks matched in more than 80% of their scored frames
 * @param partiallyTracked tracks neither mostly tracked nor mostly lost
 * @param mostlyLost tracks matched in less than 20% of their scored frames
 * @param iouSum sum of the IoU of the matched pairs
 */
public record ClearMotCounts(long gtBoxes, long predBoxes, long truePositives, long falsePositives,
                             long falseNegatives, long idSwitches, long fragmentations, long gtTracks,
                             long mostlyTracked, long partiallyTracked, long mostlyLost, double iouSum) {

    public static final ClearMotCounts ZERO = new ClearMotCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public ClearMotCounts plus(ClearMotCounts other) {
        return new ClearMotCounts(gtBoxes + other.gtBoxes, predBoxes + other.predBoxes,
                truePositives + other.truePositives, falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives, idSwitches + other.idSwitches,
                fragmentations + other.fragmentations, gtTracks + other.gtTracks,
                mostlyTracked + other.mostlyTracked, partiallyTracked + other.partiallyTracked,
                mostlyLost + other.mostlyLost, iouSum + other.iouSum);
    }

    /**
     * Returns MOTA = 1 - (FN + FP + IDSW) / GT, at most 1 and unbounded below, or NaN without ground
     * truth, where it is undefined.
     */
    public double mota() {
        if (gtBoxes == 0) {
            return Double.NaN;
        }
        return 1 - (double) (falseNegatives + falsePositives + idSwitches) / gtBoxes;
    }

    /** Returns MOTP as the mean IoU of the matched pairs (higher is better), or NaN without matches. */
    public double motp() {
        return truePositives == 0 ? Double.NaN : iouSum / truePositives;
    }

    /** Returns TP / GT, or NaN without ground truth. */
    public double recall() {
        return gtBoxes == 0 ? Double.NaN : (double) truePositives / gtBoxes;
    }

    /** Returns TP / (TP + FP), or NaN without predictions. */
    public double precision() {
        return predBoxes == 0 ? Double.NaN : (double) truePositives / predBoxes;
    }
}
