package io.uavstream.evaluation.mot;

import io.uavstream.evaluation.assignment.Assignment;
import io.uavstream.evaluation.assignment.LinearAssignment;

/**
 * Computes IDTP, IDFP and IDFN of one sequence (Ristani et al. 2016).
 *
 * <p>Ristani et al. match whole trajectories one-to-one with a minimum-cost bipartite matching.
 * Pairing ground-truth track g with prediction track p costs the boxes of either track that the
 * other does not cover at IoU &ge; the threshold. Leaving a track unmatched costs all its boxes.
 * The pair cost is {@code |g| + |p| - 2 overlap(g, p)}, where overlap counts the frames in which
 * both are present at IoU &ge; the threshold. So the minimum-cost matching is the one with the
 * greatest total overlap. IDTP is that total, IDFN = GT boxes - IDTP and IDFP = predicted boxes
 * - IDTP.
 */
final class IdentityMatching {

    private IdentityMatching() {
    }

    static IdentityCounts compute(SequenceOverlaps sequence, double iouThreshold) {
        double[][] overlap = new double[sequence.gtTrackCount()][sequence.predTrackCount()];
        for (FrameOverlaps frame : sequence.frames()) {
            for (int i = 0; i < frame.gtTracks().length; i++) {
                for (int j = 0; j < frame.predTracks().length; j++) {
                    if (frame.iou()[i][j] >= iouThreshold) {
                        overlap[frame.gtTracks()[i]][frame.predTracks()[j]]++;
                    }
                }
            }
        }
        Assignment matching = LinearAssignment.maximizeWeight(overlap);
        long idTruePositives = Math.round(matching.totalValue());
        return new IdentityCounts(idTruePositives, sequence.predBoxCount() - idTruePositives,
                sequence.gtBoxCount() - idTruePositives);
    }
}
