package io.uavstream.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NonMaxSuppressionTest {

    private static final int PERSON = 0;
    private static final int CAR = 2;

    private final Candidates candidates = new Candidates(2);

    private List<Integer> keptIndices(float iouThreshold, int maxDetections) {
        NonMaxSuppression nms = new NonMaxSuppression(iouThreshold, maxDetections);
        int count = nms.apply(candidates);
        List<Integer> kept = new ArrayList<>();
        for (int rank = 0; rank < count; rank++) {
            kept.add(nms.kept(rank));
        }
        return kept;
    }

    @Test
    void overlappingSameClassIsSuppressed() {
        candidates.add(PERSON, 0.6f, 0, 0, 10, 10);
        candidates.add(PERSON, 0.9f, 1, 0, 11, 10);

        assertThat(keptIndices(0.5f, 10)).containsExactly(1);
    }

    @Test
    void overlappingOtherClassIsKept() {
        candidates.add(PERSON, 0.9f, 0, 0, 10, 10);
        candidates.add(CAR, 0.6f, 1, 0, 11, 10);

        assertThat(keptIndices(0.5f, 10)).containsExactly(0, 1);
    }

    @Test
    void iouAtThresholdIsKept() {
        candidates.add(PERSON, 0.9f, 0, 0, 10, 10);
        // Intersection 50, union 150: IoU 1/3 exactly at the threshold.
        candidates.add(PERSON, 0.8f, 5, 0, 15, 10);

        assertThat(keptIndices(1f / 3f, 10)).containsExactly(0, 1);
    }

    @Test
    void suppressedBoxSuppressesNothing() {
        candidates.add(PERSON, 0.9f, 0, 0, 10, 10);
        candidates.add(PERSON, 0.8f, 4, 0, 14, 10);
        candidates.add(PERSON, 0.7f, 8, 0, 18, 10);

        // 1 overlaps 0 (IoU 0.43) and is dropped; 2 overlaps only 1, so it stays.
        assertThat(keptIndices(0.4f, 10)).containsExactly(0, 2);
    }

    @Test
    void maxDetectionsKeepsHighestScores() {
        candidates.add(CAR, 0.5f, 0, 0, 10, 10);
        candidates.add(CAR, 0.7f, 20, 0, 30, 10);
        candidates.add(CAR, 0.9f, 40, 0, 50, 10);
        candidates.add(CAR, 0.8f, 60, 0, 70, 10);

        assertThat(keptIndices(0.5f, 2)).containsExactly(2, 3);
    }

    @Test
    void resultIsOrderedByScore() {
        candidates.add(PERSON, 0.3f, 0, 0, 10, 10);
        candidates.add(CAR, 0.95f, 20, 0, 30, 10);
        candidates.add(PERSON, 0.6f, 40, 0, 50, 10);

        assertThat(keptIndices(0.5f, 10)).containsExactly(1, 2, 0);
    }

    @Test
    void emptyInputKeepsNothing() {
        assertThat(keptIndices(0.5f, 10)).isEmpty();
    }

    @Test
    void reuseAfterClearForgetsOldCandidates() {
        NonMaxSuppression nms = new NonMaxSuppression(0.5f, 10);
        for (int i = 0; i < 100; i++) {
            candidates.add(CAR, 0.5f, i * 20, 0, i * 20 + 10, 10);
        }
        assertThat(nms.apply(candidates)).isEqualTo(10);

        candidates.clear();
        candidates.add(PERSON, 0.4f, 0, 0, 10, 10);

        assertThat(nms.apply(candidates)).isEqualTo(1);
        assertThat(nms.kept(0)).isZero();
    }
}
