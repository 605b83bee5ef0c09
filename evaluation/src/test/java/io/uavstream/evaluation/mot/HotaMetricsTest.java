package io.uavstream.evaluation.mot;

import static io.uavstream.evaluation.mot.Tracks.evaluateRow;
import static io.uavstream.evaluation.mot.Tracks.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.uavstream.evaluation.geometry.BoundingBox;
import org.junit.jupiter.api.Test;

class HotaMetricsTest {

    private static final double EPS = 1e-9;

    @Test
    void alphasStepFromFiveToNinetyFivePercent() {
        assertThat(HotaCounts.alpha(0)).isEqualTo(0.05);
        assertThat(HotaCounts.alpha(9)).isEqualTo(0.5);
        assertThat(HotaCounts.alpha(HotaCounts.ALPHA_COUNT - 1)).isEqualTo(0.95);
    }

    @Test
    void perfectTrackingScoresOne() {
        Sequence gt = sequence().track(1, 0, 1, 2, 3, 4, 5).track(2, 30, 1, 2, 4, 5).track(3, 60, 2, 3).build();

        HotaCounts hota = evaluateRow(gt, gt).hota();

        assertThat(hota.hota()).isEqualTo(1.0);
        assertThat(hota.detA()).isEqualTo(1.0);
        assertThat(hota.assA()).isEqualTo(1.0);
        assertThat(hota.locA()).isEqualTo(1.0);
    }

    @Test
    void emptyPredictionScoresZero() {
        // Every alpha: TP = 0, FN = 6, FP = 0, so DetA = 0, AssA = 0 and HOTA = 0; no IoU is
        // measured, so LocA is undefined.
        Sequence gt = sequence().track(1, 0, 1, 2, 3).track(2, 30, 1, 2, 3).build();

        HotaCounts hota = evaluateRow(gt, Sequence.empty()).hota();

        assertThat(hota.hota()).isEqualTo(0.0);
        assertThat(hota.detA()).isEqualTo(0.0);
        assertThat(hota.falseNegativesAt(0)).isEqualTo(6);
        assertThat(hota.locA()).isNaN();
        assertThat(hota.detPr()).isNaN();
    }

    @Test
    void emptyGroundTruthScoresZero() {
        // Every alpha: TP = 0, FP = 4: DetA = 0 / 4 = 0, HOTA = 0. DetRe has nothing to recall.
        Sequence predictions = sequence().track(7, 0, 1, 2, 3, 4).build();

        HotaCounts hota = evaluateRow(Sequence.empty(), predictions).hota();

        assertThat(hota.hota()).isEqualTo(0.0);
        assertThat(hota.falsePositivesAt(18)).isEqualTo(4);
        assertThat(hota.detRe()).isNaN();
    }

    @Test
    void bothEmptyIsUndefined() {
        assertThat(evaluateRow(Sequence.empty(), Sequence.empty()).hota().hota()).isNaN();
    }

    @Test
    void idSwitchHalvesAssociation() {
        // One object in frames 1-4; prediction 1 in frames 1-2, prediction 2 in frames 3-4, exact.
        // Every alpha: TP = 4, DetA = 1. Each TP of pair (g, p1) has TPA = 2, FNA = 4 - 2 = 2,
        // FPA = 2 - 2 = 0, so A = 2/4 = 0.5; the same for (g, p2). AssA = 0.5,
        // HOTA = sqrt(1 * 0.5) = 0.7071. AssRe = 2/4 = 0.5 and AssPr = 2/2 = 1.
        Sequence gt = sequence().track(1, 0, 1, 2, 3, 4).build();
        Sequence predictions = sequence().track(1, 0, 1, 2).track(2, 0, 3, 4).build();

        HotaCounts hota = evaluateRow(gt, predictions).hota();

        assertThat(hota.detA()).isEqualTo(1.0);
        assertThat(hota.assA()).isCloseTo(0.5, within(EPS));
        assertThat(hota.hota()).isCloseTo(Math.sqrt(0.5), within(EPS));
        assertThat(hota.assRe()).isCloseTo(0.5, within(EPS));
        assertThat(hota.assPr()).isCloseTo(1.0, within(EPS));
    }

    @Test
    void fragmentedTrackLosesDetectionAndAssociation() {
        // Frames 1-5, predicted in 1, 2, 4, 5 by one track. Every alpha: TP = 4, FN = 1, FP = 0,
        // DetA = 4/5; each TP has TPA = 4, FNA = 1, FPA = 0, A = 4/5. HOTA = sqrt(0.8 * 0.8) = 0.8.
        Sequence gt = sequence().track(1, 0, 1, 2, 3, 4, 5).build();
        Sequence predictions = sequence().track(9, 0, 1, 2, 4, 5).build();

        HotaCounts hota = evaluateRow(gt, predictions).hota();

        assertThat(hota.detA()).isCloseTo(0.8, within(EPS));
        assertThat(hota.assA()).isCloseTo(0.8, within(EPS));
        assertThat(hota.hota()).isCloseTo(0.8, within(EPS));
    }

    @Test
    void localizationErrorFailsHighAlphas() {
        // Ground truth 8 px wide at 0, prediction 8 px wide at 2: IoU = 60 / (80 + 80 - 60) = 0.6,
        // in each of 3 frames. Alphas 0.05..0.60 (12 of 19) match everything: HOTA_a = 1.
        // Alphas 0.65..0.95 (7) match nothing: HOTA_a = 0. HOTA = DetA = AssA = 12/19.
        // LocA averages only the 12 alphas with TPs: 0.6.
        Tracks gtBuilder = sequence();
        Tracks predictionBuilder = sequence();
        for (int frame = 1; frame <= 3; frame++) {
            gtBuilder.add(MotRecord.of(frame, 1, new BoundingBox(0, 0, 8, 10)));
            predictionBuilder.add(MotRecord.of(frame, 5, new BoundingBox(2, 0, 8, 10)));
        }

        MotRow row = evaluateRow(gtBuilder.build(), predictionBuilder.build());

        assertThat(row.hota().hota()).isCloseTo(12.0 / 19, within(EPS));
        assertThat(row.hota().detA()).isCloseTo(12.0 / 19, within(EPS));
        assertThat(row.hota().assA()).isCloseTo(12.0 / 19, within(EPS));
        assertThat(row.hota().locA()).isCloseTo(0.6, within(EPS));
        assertThat(row.hota().truePositivesAt(11)).isEqualTo(3);
        assertThat(row.hota().truePositivesAt(12)).isZero();
        assertThat(row.clearMot().motp()).isCloseTo(0.6, within(EPS));
    }

    @Test
    void crowdAmbiguityPerAlpha() {
        // One frame: A at 0, B at 4, p1 at 1, p2 at -3 (10 px boxes). IoU(A, p1) = 9/11,
        // IoU(B, p1) = 7/13, IoU(A, p2) = 7/13, IoU(B, p2) = 3/17.
        // Alphas 0.05..0.50 (10): two matches are possible; every pair of one-frame tracks has
        //   A_max = 1, so the localization term picks A-p2 and B-p1 (7/13 + 7/13 > 9/11 + 3/17).
        //   TP = 2, DetA = 1, AssA = 1, LocA_a = 7/13.
        // Alphas 0.55..0.80 (6): only A-p1 is allowed. TP = 1, FN = 1, FP = 1, DetA = 1/3,
        //   AssA = 1, HOTA_a = sqrt(1/3), LocA_a = 9/11.
        // Alphas 0.85..0.95 (3): no match, HOTA_a = 0, AssA = 0.
        // HOTA = (10 + 6 sqrt(1/3)) / 19, DetA = (10 + 6/3) / 19 = 12/19, AssA = 16/19,
        // LocA = (10 * 7/13 + 6 * 9/11) / 16.
        Sequence gt = sequence().track(1, 0, 1).track(2, 4, 1).build();
        Sequence predictions = sequence().track(1, 1, 1).track(2, -3, 1).build();

        HotaCounts hota = evaluateRow(gt, predictions).hota();

        assertThat(hota.hota()).isCloseTo((10 + 6 * Math.sqrt(1.0 / 3)) / 19, within(EPS));
        assertThat(hota.detA()).isCloseTo(12.0 / 19, within(EPS));
        assertThat(hota.assA()).isCloseTo(16.0 / 19, within(EPS));
        assertThat(hota.locA()).isCloseTo((10 * 7.0 / 13 + 6 * 9.0 / 11) / 16, within(EPS));
        assertThat(hota.locAAt(0)).isCloseTo(7.0 / 13, within(EPS));
    }

    @Test
    void associationGuidesMatching() {
        // Frames 1-3: object 1 at 0 and prediction 1 at 0 (IoU 1).
        // Frame 4: object 1 at 0; prediction 1 at 1 (IoU 9/11) and prediction 2 at 0 (IoU 1).
        // A_max(1, p1) = 4 / (4 + 4 - 4) = 1 and A_max(1, p2) = 1 / (4 + 1 - 1) = 0.25, so at
        // every alpha up to 0.80 the matching keeps p1 although p2 overlaps better: TP = 4,
        // FP = 1, DetA = 4/5, A = 4 / (4 + 0 + 0) = 1 for all TPs, HOTA_a = sqrt(0.8).
        Sequence gt = sequence().track(1, 0, 1, 2, 3, 4).build();
        Sequence predictions = sequence().track(1, 0, 1, 2, 3).track(1, 1, 4).track(2, 0, 4).build();

        HotaCounts hota = evaluateRow(gt, predictions).hota();

        assertThat(hota.hotaAt(15)).isCloseTo(Math.sqrt(0.8), within(EPS));
        assertThat(hota.assAAt(15)).isCloseTo(1.0, within(EPS));
        assertThat(hota.locAAt(0)).isCloseTo((3 + 9.0 / 11) / 4, within(EPS));
    }
}
