package io.uavstream.evaluation.detection;

/**
 * Average precision with 101-point interpolation, as COCO reports it.
 *
 * <p>Detections are ranked by descending score. After each one, precision = TP / (TP + FP) and
 * recall = TP / objects. Precision is made monotone by taking, at each rank, the maximum precision
 * at that rank or any later one. AP is the mean, over the 101 recall levels r = 0, 0.01, ..., 1,
 * of that precision at the first rank whose recall reaches r (0 where none does). Recall is
 * compared in integers (100 TP &ge; 100 r * objects) so that no level is lost to rounding.
 */
final class AveragePrecision {

    static final int RECALL_LEVELS = 101;

    private AveragePrecision() {
    }

    /**
     * Returns AP for detections already sorted by descending score, or NaN when there are no
     * objects to find.
     *
     * @param truePositive whether each ranked detection is a true positive (ignored ones left out)
     * @param objectCount number of ground-truth objects
     */
    static double compute(boolean[] truePositive, long objectCount) {
        if (objectCount == 0) {
            return Double.NaN;
        }
        int n = truePositive.length;
        long[] cumulativeTp = new long[n];
        double[] precision = new double[n];
        long tp = 0;
        for (int i = 0; i < n; i++) {
            if (truePositive[i]) {
                tp++;
            }
            cumulativeTp[i] = tp;
            precision[i] = (double) tp / (i + 1);
        }
        for (int i = n - 2; i >= 0; i--) {
            precision[i] = Math.max(precision[i], precision[i + 1]);
        }
        double sum = 0;
        int rank = 0;
        for (int level = 0; level < RECALL_LEVELS; level++) {
            while (rank < n && 100 * cumulativeTp[rank] < level * objectCount) {
                rank++;
            }
            if (rank == n) {
                break;
            }
            sum += precision[rank];
        }
        return sum / RECALL_LEVELS;
    }
}
