package io.uavstream.models;

import java.util.Arrays;

/**
 * Class-aware greedy NMS: candidates are visited by descending score, and a candidate is
 * suppressed when its IoU with an already kept candidate of the same class is above the
 * threshold. Boxes of different classes never suppress each other.
 *
 * <p>Sort keys and results live in arrays that grow on demand and are reused, so steady-state
 * calls allocate nothing. Not thread-safe.
 */
final class NonMaxSuppression {

    private final float iouThreshold;
    private final int maxDetections;
    private final int[] kept;
    private long[] order = new long[64];

    /**
     * @param iouThreshold IoU above which the lower-scored of two same-class boxes is dropped
     * @param maxDetections maximum number of candidates kept
     */
    NonMaxSuppression(float iouThreshold, int maxDetections) {
        this.iouThreshold = iouThreshold;
        this.maxDetections = maxDetections;
        this.kept = new int[maxDetections];
    }

    /**
     * Runs NMS over {@code candidates} and returns how many were kept. Their indices are
     * {@link #kept(int)} 0 to that count - 1, by descending score. Of two equal scores, the
     * later candidate comes first.
     */
    int apply(Candidates candidates) {
        int count = candidates.size();
        sortByDescendingScore(candidates, count);
        int keptCount = 0;
        for (int rank = count - 1; rank >= 0 && keptCount < maxDetections; rank--) {
            int candidate = (int) order[rank];
            if (!isSuppressed(candidates, candidate, keptCount)) {
                kept[keptCount++] = candidate;
            }
        }
        return keptCount;
    }

    /** Returns the candidate index of the {@code rank}-th kept detection. */
    int kept(int rank) {
        return kept[rank];
    }

    private boolean isSuppressed(Candidates candidates, int candidate, int keptCount) {
        int classId = candidates.classId(candidate);
        for (int k = 0; k < keptCount; k++) {
            int other = kept[k];
            if (candidates.classId(other) == classId
                    && candidates.iou(candidate, other) > iouThreshold) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sorts candidate indices ascending by score into {@link #order}. Each key packs the score's
     * IEEE bits above the index, because for non-negative floats the bit patterns sort like the
     * values.
     */
    private void sortByDescendingScore(Candidates candidates, int count) {
        if (order.length < count) {
            order = new long[Math.max(count, order.length * 2)];
        }
        for (int i = 0; i < count; i++) {
            float score = Math.max(0f, candidates.score(i));
            order[i] = ((long) Float.floatToIntBits(score) << 32) | i;
        }
        Arrays.sort(order, 0, count);
    }
}
