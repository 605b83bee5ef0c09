package io.uavstream.evaluation.odometry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pairs ground-truth and estimated poses by timestamp, as the TUM RGB-D benchmark tools do
 * (Sturm et al., "A Benchmark for the Evaluation of RGB-D SLAM Systems", IROS 2012).
 *
 * <p>Every (ground truth, estimate) pair whose timestamps differ by at most
 * {@code maxDifference} seconds, after {@code offset} is added to the estimate's timestamps, is a
 * candidate. Candidates are taken in order of increasing difference, skipping any whose poses are
 * already used, so each pose is in at most one pair. Ties in the difference go to the earlier
 * ground-truth pose, then the earlier estimate.
 */
public final class TimestampAssociation {

    private TimestampAssociation() {
    }

    /** Returns the associated pairs in ground-truth time order. */
    public static List<PosePair> associate(Trajectory groundTruth, Trajectory estimate, double maxDifference,
                                           double offset) {
        if (!(maxDifference >= 0) || Double.isInfinite(maxDifference)) {
            throw new IllegalArgumentException("maxDifference must be finite and non-negative, got " + maxDifference);
        }
        if (!Double.isFinite(offset)) {
            throw new IllegalArgumentException("offset must be finite, got " + offset);
        }
        List<Candidate> candidates = candidates(groundTruth, estimate, maxDifference, offset);
        candidates.sort(Comparator.comparingDouble(Candidate::difference)
                .thenComparingInt(Candidate::gtIndex).thenComparingInt(Candidate::estimateIndex));
        boolean[] gtUsed = new boolean[groundTruth.size()];
        boolean[] estimateUsed = new boolean[estimate.size()];
        int[] estimateOfGt = new int[groundTruth.size()];
        for (Candidate candidate : candidates) {
            if (!gtUsed[candidate.gtIndex()] && !estimateUsed[candidate.estimateIndex()]) {
                gtUsed[candidate.gtIndex()] = true;
                estimateUsed[candidate.estimateIndex()] = true;
                estimateOfGt[candidate.gtIndex()] = candidate.estimateIndex();
            }
        }
        List<PosePair> pairs = new ArrayList<>();
        for (int g = 0; g < groundTruth.size(); g++) {
            if (gtUsed[g]) {
                pairs.add(new PosePair(groundTruth.get(g), estimate.get(estimateOfGt[g])));
            }
        }
        return pairs;
    }

    private static List<Candidate> candidates(Trajectory groundTruth, Trajectory estimate, double maxDifference,
                                              double offset) {
        List<Candidate> candidates = new ArrayList<>();
        int first = 0;
        for (int e = 0; e < estimate.size(); e++) {
            double time = estimate.get(e).timestamp() + offset;
            // Estimates are sorted, so the window's start only moves forward.
            while (first < groundTruth.size() && groundTruth.get(first).timestamp() < time - maxDifference) {
                first++;
            }
            for (int g = first; g < groundTruth.size(); g++) {
                double difference = Math.abs(groundTruth.get(g).timestamp() - time);
                if (groundTruth.get(g).timestamp() > time + maxDifference) {
                    break;
                }
                if (difference <= maxDifference) {
                    candidates.add(new Candidate(g, e, difference));
                }
            }
        }
        return candidates;
    }

    private record Candidate(int gtIndex, int estimateIndex, double difference) {
    }
}
