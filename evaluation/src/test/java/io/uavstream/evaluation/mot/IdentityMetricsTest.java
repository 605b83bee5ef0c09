package io.uavstream.evaluation.mot;

import static io.uavstream.evaluation.mot.Tracks.evaluateRow;
import static io.uavstream.evaluation.mot.Tracks.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IdentityMetricsTest {

    private static final double EPS = 1e-12;

    @Test
    void perfectTrackingScoresOne() {
        Sequence gt = sequence().track(1, 0, 1, 2, 3).track(2, 30, 2, 3, 4).build();

        IdentityCounts counts = evaluateRow(gt, gt).identity();

        assertThat(counts.idf1()).isEqualTo(1.0);
        assertThat(counts.idTruePositives()).isEqualTo(6);
    }

    @Test
    void emptyPredictionScoresZero() {
        // IDTP = 0, IDFN = 6: IDF1 = 0 / (0 + 0 + 6) = 0; IDP has no predictions to divide by.
        Sequence gt = sequence().track(1, 0, 1, 2, 3).track(2, 30, 1, 2, 3).build();

        IdentityCounts counts = evaluateRow(gt, Sequence.empty()).identity();

        assertThat(counts.idFalseNegatives()).isEqualTo(6);
        assertThat(counts.idf1()).isEqualTo(0.0);
        assertThat(counts.idRecall()).isEqualTo(0.0);
        assertThat(counts.idPrecision()).isNaN();
    }

    @Test
    void emptyGroundTruthScoresZero() {
        // IDFP = 4: IDF1 = 0 / (0 + 4 + 0) = 0, IDP = 0, and IDR has no ground truth.
        Sequence predictions = sequence().track(7, 0, 1, 2, 3, 4).build();

        IdentityCounts counts = evaluateRow(Sequence.empty(), predictions).identity();

        assertThat(counts.idFalsePositives()).isEqualTo(4);
        assertThat(counts.idf1()).isEqualTo(0.0);
        assertThat(counts.idRecall()).isNaN();
    }

    @Test
    void bothEmptyIsUndefined() {
        assertThat(evaluateRow(Sequence.empty(), Sequence.empty()).identity().idf1()).isNaN();
    }

    @Test
    void idSwitchHalvesIdentityScore() {
        // One object in frames 1-4, predicted by track 1 (frames 1-2) and track 2 (frames 3-4).
        // Only one prediction track can be the object's identity: IDTP = 2, IDFN = 4 - 2 = 2,
        // IDFP = 4 - 2 = 2. IDF1 = 4 / (4 + 2 + 2) = 0.5, IDP = IDR = 0.5.
        Sequence gt = sequence().track(1, 0, 1, 2, 3, 4).build();
        Sequence predictions = sequence().track(1, 0, 1, 2).track(2, 0, 3, 4).build();

        IdentityCounts counts = evaluateRow(gt, predictions).identity();

        assertThat(counts.idTruePositives()).isEqualTo(2);
        assertThat(counts.idf1()).isEqualTo(0.5);
        assertThat(counts.idPrecision()).isEqualTo(0.5);
        assertThat(counts.idRecall()).isEqualTo(0.5);
    }

    @Test
    void fragmentedTrackKeepsIdentity() {
        // Frames 1-5, predicted in 1, 2, 4, 5 by one track: IDTP = 4, IDFN = 1, IDFP = 0,
        // IDF1 = 8 / (8 + 0 + 1) = 8/9.
        Sequence gt = sequence().track(1, 0, 1, 2, 3, 4, 5).build();
        Sequence predictions = sequence().track(9, 0, 1, 2, 4, 5).build();

        IdentityCounts counts = evaluateRow(gt, predictions).identity();

        assertThat(counts.idf1()).isCloseTo(8.0 / 9, within(EPS));
        assertThat(counts.idPrecision()).isEqualTo(1.0);
    }

    @Test
    void globalMatchingPrefersLongestOverlap() {
        // Object 1 is annotated in frames 1-6, object 2 in frames 1, 2 and 6 (GT = 9 boxes).
        // Prediction A covers object 1 in frames 1-5 and object 2 in frame 6; prediction B
        // covers object 2 in frames 1-2 and object 1 in frame 6 (predicted = 9 boxes).
        // Overlaps: (1, A) = 5, (2, A) = 1, (1, B) = 1, (2, B) = 2. Matching 1-A and 2-B gives
        // 5 + 2 = 7, more than 1-B and 2-A (1 + 1). IDTP = 7, IDFP = 9 - 7 = 2,
        // IDFN = 9 - 7 = 2, IDF1 = 14 / (14 + 2 + 2) = 7/9.
        Sequence gt = sequence().track(1, 0, 1, 2, 3, 4, 5, 6).track(2, 30, 1, 2, 6).build();
        Sequence predictions = sequence()
                .track(100, 0, 1, 2, 3, 4, 5).track(100, 30, 6)
                .track(200, 30, 1, 2).track(200, 0, 6).build();

        IdentityCounts counts = evaluateRow(gt, predictions).identity();

        assertThat(counts.idTruePositives()).isEqualTo(7);
        assertThat(counts.idFalsePositives()).isEqualTo(2);
        assertThat(counts.idFalseNegatives()).isEqualTo(2);
        assertThat(counts.idf1()).isCloseTo(7.0 / 9, within(EPS));
    }

    @Test
    void crowdAmbiguityMatchesBothObjects() {
        // The one-frame crowd case of ClearMotMetricsTest: pairs at IoU >= 0.5 are A-p1, B-p1
        // and A-p2, each overlapping in 1 frame. A-p2 with B-p1 gives IDTP = 2, so IDF1 = 1.
        Sequence gt = sequence().track(1, 0, 1).track(2, 4, 1).build();
        Sequence predictions = sequence().track(1, 1, 1).track(2, -3, 1).build();

        assertThat(evaluateRow(gt, predictions).identity().idf1()).isEqualTo(1.0);
    }
}
