package io.uavstream.evaluation.mot;

import io.uavstream.evaluation.assignment.Assignment;
import io.uavstream.evaluation.assignment.LinearAssignment;
import java.util.HashMap;
import java.util.Map;

/**
 * Computes the HOTA sums of one sequence (Luiten et al. 2021), with IoU as the similarity S.
 *
 * <p>Matching is done separately for each alpha and each frame. Pairs with S &lt; alpha cannot
 * match. Among the allowed pairs the matching maximizes, in this order of priority: the number of
 * matches (the detection score), then the sum of A_max, then the sum of S (the localization
 * score, weighted by {@link #LOCALIZATION_WEIGHT} so that it only breaks near-ties of A_max).
 * A_max(g, p) is the association score the pair would reach if it were matched in every frame
 * where both are present with S &ge; alpha: n / (|g| + |p| - n), with n the number of such
 * frames and |g|, |p| the frame counts of the two tracks. It rewards keeping a ground-truth track
 * with the prediction track it overlaps longest.
 *
 * <p>NOTE: these scores have been checked against hand-worked cases only, not against a published
 * HOTA implementation, so benchmark numbers may differ slightly where matching details differ.
 */
final class Hota {

    /** Weight of S against A_max in the matching score. A_max and S are both in [0, 1]. */
    static final double LOCALIZATION_WEIGHT = 1e-6;

    private Hota() {
    }

    static HotaCounts compute(SequenceOverlaps sequence) {
        Map<Long, int[]> framesAtAlpha = countPotentialMatches(sequence);
        HotaCounts counts = HotaCounts.zero();
        for (int a = 0; a < HotaCounts.ALPHA_COUNT; a++) {
            counts = counts.plus(computeAt(sequence, a, framesAtAlpha));
        }
        return counts;
    }

    /** Returns, per (gt track, prediction track), the number of frames with S &ge; each alpha. */
    private static Map<Long, int[]> countPotentialMatches(SequenceOverlaps sequence) {
        Map<Long, int[]> framesAtAlpha = new HashMap<>();
        for (FrameOverlaps frame : sequence.frames()) {
            for (int i = 0; i < frame.gtTracks().length; i++) {
                for (int j = 0; j < frame.predTracks().length; j++) {
                    double similarity = frame.iou()[i][j];
                    if (similarity < HotaCounts.alpha(0)) {
                        continue;
                    }
                    int[] counts = framesAtAlpha.computeIfAbsent(
                            key(frame.gtTracks()[i], frame.predTracks()[j]), k -> new int[HotaCounts.ALPHA_COUNT]);
                    for (int a = 0; a < HotaCounts.ALPHA_COUNT && similarity >= HotaCounts.alpha(a); a++) {
                        counts[a]++;
                    }
                }
            }
        }
        return framesAtAlpha;
    }

    /** Returns sums that are zero except at alpha index {@code a}. */
    private static HotaCounts computeAt(SequenceOverlaps sequence, int a, Map<Long, int[]> framesAtAlpha) {
        double alpha = HotaCounts.alpha(a);
        Map<Long, Integer> matchesPerPair = new HashMap<>();
        long truePositives = 0;
        double iouSum = 0;
        for (FrameOverlaps frame : sequence.frames()) {
            int gtCount = frame.gtTracks().length;
            int predCount = frame.predTracks().length;
            double[][] cost = new double[gtCount][predCount];
            for (int i = 0; i < gtCount; i++) {
                for (int j = 0; j < predCount; j++) {
                    double similarity = frame.iou()[i][j];
                    if (similarity >= alpha) {
                        int gtTrack = frame.gtTracks()[i];
                        int predTrack = frame.predTracks()[j];
                        int potential = framesAtAlpha.get(key(gtTrack, predTrack))[a];
                        double maxAssociation = (double) potential
                                / (sequence.gtBoxesOf(gtTrack) + sequence.predBoxesOf(predTrack) - potential);
                        cost[i][j] = -(maxAssociation + LOCALIZATION_WEIGHT * similarity);
                    } else {
                        cost[i][j] = Double.POSITIVE_INFINITY;
                    }
                }
            }
            Assignment matching = LinearAssignment.minimizeCost(cost);
            for (int i = 0; i < gtCount; i++) {
                int j = matching.columnOf(i);
                if (j != Assignment.UNASSIGNED) {
                    truePositives++;
                    iouSum += frame.iou()[i][j];
                    matchesPerPair.merge(key(frame.gtTracks()[i], frame.predTracks()[j]), 1, Integer::sum);
                }
            }
        }
        return sumsAt(sequence, a, truePositives, iouSum, matchesPerPair);
    }

    /**
     * Sums A(c) over the TPs. All TPs of a pair (g, p) share |TPA| = n, |FNA| = |g| - n and
     * |FPA| = |p| - n, so the pair adds n * n / (|g| + |p| - n).
     */
    private static HotaCounts sumsAt(SequenceOverlaps sequence, int a, long truePositives, double iouSum,
                                     Map<Long, Integer> matchesPerPair) {
        double association = 0;
        double associationRecall = 0;
        double associationPrecision = 0;
        for (Map.Entry<Long, Integer> entry : matchesPerPair.entrySet()) {
            double n = entry.getValue();
            long gtFrames = sequence.gtBoxesOf(gtTrackOf(entry.getKey()));
            long predFrames = sequence.predBoxesOf(predTrackOf(entry.getKey()));
            association += n * n / (gtFrames + predFrames - n);
            associationRecall += n * n / gtFrames;
            associationPrecision += n * n / predFrames;
        }
        long[] tp = new long[HotaCounts.ALPHA_COUNT];
        long[] fn = new long[HotaCounts.ALPHA_COUNT];
        long[] fp = new long[HotaCounts.ALPHA_COUNT];
        double[] ass = new double[HotaCounts.ALPHA_COUNT];
        double[] assRe = new double[HotaCounts.ALPHA_COUNT];
        double[] assPr = new double[HotaCounts.ALPHA_COUNT];
        double[] iou = new double[HotaCounts.ALPHA_COUNT];
        tp[a] = truePositives;
        fn[a] = sequence.gtBoxCount() - truePositives;
        fp[a] = sequence.predBoxCount() - truePositives;
        ass[a] = association;
        assRe[a] = associationRecall;
        assPr[a] = associationPrecision;
        iou[a] = iouSum;
        return new HotaCounts(tp, fn, fp, ass, assRe, assPr, iou);
    }

    private static long key(int gtTrack, int predTrack) {
        return ((long) gtTrack << 32) | predTrack;
    }

    private static int gtTrackOf(long key) {
        return (int) (key >>> 32);
    }

    private static int predTrackOf(long key) {
        return (int) key;
    }
}
