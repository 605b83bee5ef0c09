package io.uavstream.evaluation.mot;

import io.uavstream.evaluation.assignment.Assignment;
import io.uavstream.evaluation.assignment.LinearAssignment;

/** One-to-one matching of boxes by IoU. */
final class IouMatching {

    private IouMatching() {
    }

    /**
     * Returns the matching of rows (ground truth) to columns (predictions) with the most pairs at
     * IoU &ge; {@code threshold}, and among those the highest total IoU.
     */
    static Assignment match(double[][] iou, double threshold) {
        double[][] cost = new double[iou.length][];
        for (int i = 0; i < iou.length; i++) {
            cost[i] = new double[iou[i].length];
            for (int j = 0; j < iou[i].length; j++) {
                cost[i][j] = iou[i][j] >= threshold ? -iou[i][j] : Double.POSITIVE_INFINITY;
            }
        }
        return LinearAssignment.minimizeCost(cost);
    }
}
