package io.uavstream.evaluation.mot;

import static io.uavstream.evaluation.mot.Tracks.evaluateRow;
import static io.uavstream.evaluation.mot.Tracks.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClearMotMetricsTest {

    private static final double EPS = 1e-12;

    @Test
    void perfectTrackingScoresOne() {
        // Three tracks over five frames, one with a gap, compared with themselves.
        Sequence gt = sequence().track(1, 0, 1, 2, 3, 4, 5).track(2, 30, 1, 2, 4, 5).track(3, 60, 2, 3).build();

        ClearMotCounts counts = evaluateRow(gt, gt).clearMot();

        assertThat(counts.mota()).isEqualTo(1.0);
        assertThat(counts.motp()).isEqualTo(1.0);
        assertThat(counts.truePositives()).isEqualTo(11);
        assertThat(counts.idSwitches()).isZero();
        assertThat(counts.fragmentations()).isZero();
        assertThat(counts.mostlyTracked()).isEqualTo(3);
    }

    @Test
    void emptyPredictionMissesEverything() {
        // 2 tracks x 3 frames = 6 boxes, all missed: MOTA = 1 - (6 + 0 + 0) / 6 = 0.
        Sequence gt = sequence().track(1, 0, 1, 2, 3).track(2, 30, 1, 2, 3).build();

        ClearMotCounts counts = evaluateRow(gt, Sequence.empty()).clearMot();

        assertThat(counts.falseNegatives()).isEqualTo(6);
        assertThat(counts.falsePositives()).isZero();
        assertThat(counts.mota()).isEqualTo(0.0);
        assertThat(counts.motp()).isNaN();
        assertThat(counts.mostlyLost()).isEqualTo(2);
    }

    @Test
    void emptyGroundTruthGivesUndefinedMota() {
        // 4 predicted boxes and no ground truth: FP = 4, and MOTA divides by GT = 0.
        Sequence predictions = sequence().track(7, 0, 1, 2, 3, 4).build();

        ClearMotCounts counts = evaluateRow(Sequence.empty(), predictions).clearMot();

        assertThat(counts.falsePositives()).isEqualTo(4);
        assertThat(counts.mota()).isNaN();
        assertThat(counts.precision()).isEqualTo(0.0);
        assertThat(counts.gtTracks()).isZero();
    }

    @Test
    void idSwitchCostsOneError() {
        // One object in frames 1-4; prediction 1 covers frames 1-2 and prediction 2 frames 3-4,
        // both exactly. TP = 4 and frame 3 switches identity: MOTA = 1 - (0 + 0 + 1) / 4 = 0.75.
        Sequence gt = sequence().track(1, 0, 1, 2, 3, 4).build();
        Sequence predictions = sequence().track(1, 0, 1, 2).track(2, 0, 3, 4).build();

        ClearMotCounts counts = evaluateRow(gt, predictions).clearMot();

        assertThat(counts.truePositives()).isEqualTo(4);
        assertThat(counts.idSwitches()).isEqualTo(1);
        assertThat(counts.fragmentations()).isZero();
        assertThat(counts.mota()).isEqualTo(0.75);
    }

    @Test
    void fragmentedTrackCountsOneFragmentation() {
        // One object in frames 1-5, missed in frame 3 by the same prediction track:
        // TP = 4, FN = 1, no switch, one resumption. MOTA = 1 - 1/5 = 0.8. Matched in 4/5 = 80%
        // of its frames, which is not more than 80%, so the track is partially tracked.
        Sequence gt = sequence().track(1, 0, 1, 2, 3, 4, 5).build();
        Sequence predictions = sequence().track(9, 0, 1, 2, 4, 5).build();

        ClearMotCounts counts = evaluateRow(gt, predictions).clearMot();

        assertThat(counts.falseNegatives()).isEqualTo(1);
        assertThat(counts.fragmentations()).isEqualTo(1);
        assertThat(counts.idSwitches()).isZero();
        assertThat(counts.mota()).isCloseTo(0.8, within(EPS));
        assertThat(counts.partiallyTracked()).isEqualTo(1);
        assertThat(counts.mostlyTracked()).isZero();
    }

    @Test
    void resumingWithNewIdCountsBoth() {
        // Frames 1-2 by prediction 1, frame 3 missed, frames 4-5 by prediction 2:
        // TP = 4, FN = 1, IDSW = 1 (at frame 4), Frag = 1. MOTA = 1 - (1 + 0 + 1) / 5 = 0.6.
        Sequence gt = sequence().track(1, 0, 1, 2, 3, 4, 5).build();
        Sequence predictions = sequence().track(1, 0, 1, 2).track(2, 0, 4, 5).build();

        ClearMotCounts counts = evaluateRow(gt, predictions).clearMot();

        assertThat(counts.idSwitches()).isEqualTo(1);
        assertThat(counts.fragmentations()).isEqualTo(1);
        assertThat(counts.mota()).isCloseTo(0.6, within(EPS));
    }

    @Test
    void annotationGapIsNotFragmentation() {
        // The object is not annotated in frame 3 and nothing is predicted there: the track is
        // matched in every scored frame, so there is no fragmentation and no miss.
        Sequence gt = sequence().track(1, 0, 1, 2, 4, 5).build();
        Sequence predictions = sequence().track(4, 0, 1, 2, 4, 5).build();

        ClearMotCounts counts = evaluateRow(gt, predictions).clearMot();

        assertThat(counts.fragmentations()).isZero();
        assertThat(counts.mota()).isEqualTo(1.0);
    }

    @Test
    void crowdAmbiguityUsesOptimalMatching() {
        // One frame, boxes 10 px wide: A at 0, B at 4; prediction p1 at 1, p2 at -3.
        // IoU(A, p1) = 9/11 = 0.818, IoU(B, p1) = 7/13 = 0.538, IoU(A, p2) = 7/13 = 0.538,
        // IoU(B, p2) = 3/17 = 0.176. Greedy by IoU takes A-p1 and leaves B and p2 unmatched.
        // The optimal matching is A-p2 and B-p1: TP = 2, MOTA = 1, MOTP = (7/13 + 7/13) / 2.
        Sequence gt = sequence().track(1, 0, 1).track(2, 4, 1).build();
        Sequence predictions = sequence().track(1, 1, 1).track(2, -3, 1).build();

        ClearMotCounts counts = evaluateRow(gt, predictions).clearMot();

        assertThat(counts.truePositives()).isEqualTo(2);
        assertThat(counts.falsePositives()).isZero();
        assertThat(counts.mota()).isEqualTo(1.0);
        assertThat(counts.motp()).isCloseTo(7.0 / 13, within(EPS));
    }

    @Test
    void validCorrespondenceIsKept() {
        // Frame 1: object at 0 matched by prediction 1 at 0.
        // Frame 2: prediction 1 moves to 3 (IoU 7/13 = 0.538, still valid) and prediction 2
        // appears at 0 (IoU 1). CLEAR MOT keeps prediction 1, so prediction 2 is a false
        // positive and there is no ID switch: TP = 2, FP = 1, MOTA = 1 - 1/2 = 0.5.
        Sequence gt = sequence().track(1, 0, 1, 2).build();
        Sequence predictions = sequence().track(1, 0, 1).track(1, 3, 2).track(2, 0, 2).build();

        ClearMotCounts counts = evaluateRow(gt, predictions).clearMot();

        assertThat(counts.idSwitches()).isZero();
        assertThat(counts.falsePositives()).isEqualTo(1);
        assertThat(counts.mota()).isEqualTo(0.5);
        assertThat(counts.motp()).isCloseTo((1 + 7.0 / 13) / 2, within(EPS));
    }

    @Test
    void belowThresholdIsMissAndFalsePositive() {
        // Shift 4: IoU = 6/14 = 0.43 < 0.5, so one FN and one FP: MOTA = 1 - 2/1 = -1.
        Sequence gt = sequence().track(1, 0, 1).build();
        Sequence predictions = sequence().track(1, 4, 1).build();

        ClearMotCounts counts = evaluateRow(gt, predictions).clearMot();

        assertThat(counts.falseNegatives()).isEqualTo(1);
        assertThat(counts.falsePositives()).isEqualTo(1);
        assertThat(counts.mota()).isEqualTo(-1.0);
    }

    @Test
    void trackCoverageClassesAtBoundaries() {
        // Four objects over frames 1-5, matched in 5, 4, 1 and 0 frames:
        // 5/5 > 80% is mostly tracked; 4/5 = 80% and 1/5 = 20% are partially tracked;
        // 0/5 < 20% is mostly lost.
        Sequence gt = sequence().track(1, 0, 1, 2, 3, 4, 5).track(2, 30, 1, 2, 3, 4, 5)
                .track(3, 60, 1, 2, 3, 4, 5).track(4, 90, 1, 2, 3, 4, 5).build();
        Sequence predictions = sequence().track(1, 0, 1, 2, 3, 4, 5).track(2, 30, 1, 2, 3, 4)
                .track(3, 60, 3).build();

        ClearMotCounts counts = evaluateRow(gt, predictions).clearMot();

        assertThat(counts.gtTracks()).isEqualTo(4);
        assertThat(counts.mostlyTracked()).isEqualTo(1);
        assertThat(counts.partiallyTracked()).isEqualTo(2);
        assertThat(counts.mostlyLost()).isEqualTo(1);
        assertThat(counts.fragmentations()).isZero();
    }
}
