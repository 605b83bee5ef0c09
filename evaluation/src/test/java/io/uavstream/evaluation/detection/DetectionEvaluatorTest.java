package io.uavstream.evaluation.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uavstream.evaluation.geometry.BoundingBox;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectionEvaluatorTest {

    private static final double EPS = 1e-12;

    /** Returns a 10 x 10 box at ({@code left}, 0). */
    private static BoundingBox box(double left) {
        return new BoundingBox(left, 0, 10, 10);
    }

    private static DetectionRow evaluate(List<DetectionRecord> truth, List<DetectionRecord> detections,
                                         String classLabel) {
        return evaluate(truth, detections, DetectionConfig.defaults(), classLabel);
    }

    private static DetectionRow evaluate(List<DetectionRecord> truth, List<DetectionRecord> detections,
                                         DetectionConfig config, String classLabel) {
        return DetectionEvaluator.evaluate("seq", DetectionSet.of(truth), DetectionSet.of(detections), config)
                .row("seq", classLabel);
    }

    @Test
    void workedExampleInterpolatesPrecision() {
        // Two objects; detections by score: 0.9 on object 1 (TP), 0.8 on nothing (FP),
        // 0.7 on object 2 (TP). Precision/recall after each: 1/0.5, 0.5/0.5, 2/3/1.
        // Interpolated precision: 1 up to recall 0.5, then 2/3.
        // Recall levels 0.00..0.50 (51 levels) give 1, levels 0.51..1.00 (50) give 2/3:
        // AP = (51 + 50 * 2/3) / 101 = 253/303 = 0.83498. Boxes are exact, so every IoU
        // threshold gives the same AP.
        List<DetectionRecord> truth = List.of(
                DetectionRecord.object(1, 0, box(0)), DetectionRecord.object(1, 0, box(30)));
        List<DetectionRecord> detections = List.of(
                DetectionRecord.detection(1, 0, box(0), 0.9),
                DetectionRecord.detection(1, 0, box(60), 0.8),
                DetectionRecord.detection(1, 0, box(30), 0.7));

        DetectionRow row = evaluate(truth, detections, "0");

        assertThat(row.ap50()).isCloseTo(253.0 / 303, within(EPS));
        assertThat(row.ap()).isCloseTo(253.0 / 303, within(EPS));
        assertThat(row.objects()).isEqualTo(2);
        assertThat(row.detections()).isEqualTo(3);
    }

    @Test
    void perfectDetectionsScoreOne() {
        List<DetectionRecord> truth = List.of(
                DetectionRecord.object(1, 0, box(0)), DetectionRecord.object(2, 0, box(30)));
        List<DetectionRecord> detections = List.of(
                DetectionRecord.detection(1, 0, box(0), 0.5), DetectionRecord.detection(2, 0, box(30), 0.4));

        DetectionRow row = evaluate(truth, detections, "0");

        assertThat(row.ap()).isEqualTo(1.0);
        assertThat(row.ap75()).isEqualTo(1.0);
    }

    @Test
    void emptyDetectionsScoreZero() {
        DetectionRow row = evaluate(List.of(DetectionRecord.object(1, 0, box(0))), List.of(), "0");

        assertThat(row.ap()).isEqualTo(0.0);
    }

    @Test
    void classWithoutObjectsLeftOutOfMean() {
        // Class 0 is found perfectly (AP 1). Class 5 has detections but no objects, so its AP
        // is undefined and the mean over classes is 1.
        List<DetectionRecord> truth = List.of(DetectionRecord.object(1, 0, box(0)));
        List<DetectionRecord> detections = List.of(
                DetectionRecord.detection(1, 0, box(0), 0.5), DetectionRecord.detection(1, 5, box(30), 0.9));

        DetectionResult result = DetectionEvaluator.evaluate("seq", DetectionSet.of(truth),
                DetectionSet.of(detections), DetectionConfig.defaults());

        assertThat(result.row("seq", "5").ap()).isNaN();
        assertThat(result.row("seq", DetectionRow.MEAN).ap()).isEqualTo(1.0);
        assertThat(result.combinedMean().ap50()).isEqualTo(1.0);
    }

    @Test
    void emptyGroundTruthIsUndefined() {
        DetectionRow row = evaluate(List.of(), List.of(DetectionRecord.detection(1, 0, box(0), 0.5)), DetectionRow.MEAN);

        assertThat(row.ap()).isNaN();
    }

    @Test
    void crowdRegionAbsorbsDetections() {
        // One object at 0 and a crowd region 100 px wide at 50. Detections: 0.9 on the object,
        // 0.8 and 0.7 inside the crowd (intersection over detection area = 1). The crowd
        // detections are ignored, so AP = 1.
        // Without crowd regions the crowd box is an ordinary object (IoU with each 10 px
        // detection is 100 / 1000 = 0.1): ranks TP, FP, FP with 2 objects, recall stops at 0.5,
        // AP = 51 * 1 / 101.
        List<DetectionRecord> truth = List.of(
                DetectionRecord.object(1, 0, box(0)),
                DetectionRecord.crowdRegion(1, 0, new BoundingBox(50, 0, 100, 10)));
        List<DetectionRecord> detections = List.of(
                DetectionRecord.detection(1, 0, box(0), 0.9),
                DetectionRecord.detection(1, 0, box(60), 0.8),
                DetectionRecord.detection(1, 0, box(80), 0.7));

        DetectionRow withCrowd = evaluate(truth, detections, "0");
        DetectionRow withoutCrowd = evaluate(truth, detections,
                DetectionConfig.builder().crowdRegions(false).build(), "0");

        assertThat(withCrowd.ap()).isEqualTo(1.0);
        assertThat(withCrowd.objects()).isEqualTo(1);
        assertThat(withoutCrowd.ap50()).isCloseTo(51.0 / 101, within(EPS));
        assertThat(withoutCrowd.objects()).isEqualTo(2);
    }

    @Test
    void localizationErrorLowersStrictThresholds() {
        // Object 17 px wide at 0, detection 17 px wide at 3: IoU = 140 / (170 + 170 - 140) = 0.7.
        // Thresholds 0.50..0.70 (5 of 10) give AP 1, thresholds 0.75..0.95 give 0: AP = 0.5.
        List<DetectionRecord> truth = List.of(DetectionRecord.object(1, 0, new BoundingBox(0, 0, 17, 10)));
        List<DetectionRecord> detections = List.of(DetectionRecord.detection(1, 0, new BoundingBox(3, 0, 17, 10), 0.8));

        DetectionRow row = evaluate(truth, detections, "0");

        assertThat(row.ap50()).isEqualTo(1.0);
        assertThat(row.ap75()).isEqualTo(0.0);
        assertThat(row.ap()).isCloseTo(0.5, within(EPS));
    }

    @Test
    void greedyMatchingFollowsScore() {
        // One object at 0. Detection 0.9 at 3 (IoU 7/13 = 0.538) and detection 0.8 at 0 (IoU 1).
        // At 0.50 the higher score takes the object even though the other overlaps better:
        // ranks TP, FP, AP = 1 (recall 1 at precision 1).
        // At 0.55..0.95 (9 thresholds) the first is a FP and the second a TP: precision 1/2 at
        // recall 1, AP = 0.5. AP over all thresholds = (1 + 9 * 0.5) / 10 = 0.55.
        List<DetectionRecord> truth = List.of(DetectionRecord.object(1, 0, box(0)));
        List<DetectionRecord> detections = List.of(
                DetectionRecord.detection(1, 0, box(3), 0.9), DetectionRecord.detection(1, 0, box(0), 0.8));

        DetectionRow row = evaluate(truth, detections, "0");

        assertThat(row.ap50()).isEqualTo(1.0);
        assertThat(row.ap75()).isEqualTo(0.5);
        assertThat(row.ap()).isCloseTo(0.55, within(EPS));
    }

    @Test
    void detectionLimitDropsLowScores() {
        // With one detection per image, only the false positive (0.9) is kept: AP = 0.
        List<DetectionRecord> truth = List.of(DetectionRecord.object(1, 0, box(0)));
        List<DetectionRecord> detections = List.of(
                DetectionRecord.detection(1, 0, box(50), 0.9), DetectionRecord.detection(1, 0, box(0), 0.8));

        DetectionRow row = evaluate(truth, detections, DetectionConfig.builder().maxDetectionsPerImage(1).build(), "0");

        assertThat(row.ap()).isEqualTo(0.0);
        assertThat(row.detections()).isEqualTo(1);
    }

    @Test
    void combinedRowPoolsImages() {
        // Sequence a: one object, found with score 0.6 (AP 1). Sequence b: one object, missed,
        // and a false positive with score 0.9 (AP 0). Pooled ranks: FP (0.9), TP (0.6) over two
        // objects: precision 0 then 1/2, recall at most 0.5. Interpolated precision is 0.5 for
        // the 51 levels up to recall 0.5, so AP = 51 * 0.5 / 101 = 0.2525, not the mean 0.5.
        DetectionSet truth = DetectionSet.of(List.of(DetectionRecord.object(1, 0, box(0))));
        DetectionSet found = DetectionSet.of(List.of(DetectionRecord.detection(1, 0, box(0), 0.6)));
        DetectionSet wrong = DetectionSet.of(List.of(DetectionRecord.detection(1, 0, box(50), 0.9)));

        DetectionResult result = DetectionEvaluator.evaluate(Map.of("a", truth, "b", truth),
                Map.of("a", found, "b", wrong), DetectionConfig.defaults());

        assertThat(result.row("a", "0").ap50()).isEqualTo(1.0);
        assertThat(result.row("b", "0").ap50()).isEqualTo(0.0);
        assertThat(result.row(DetectionRow.COMBINED, "0").ap50()).isCloseTo(25.5 / 101, within(EPS));
        assertThat(result.rows()).hasSize(6);
    }

    @Test
    void selectedClassesOnly() {
        List<DetectionRecord> truth = List.of(DetectionRecord.object(1, 0, box(0)), DetectionRecord.object(1, 3, box(30)));

        DetectionResult result = DetectionEvaluator.evaluate("seq", DetectionSet.of(truth), DetectionSet.empty(),
                DetectionConfig.builder().classes(List.of(3)).build());

        assertThat(result.rows()).extracting(DetectionRow::classLabel).containsExactly("3", "mean", "3", "mean");
    }

    @Test
    void unknownSequenceRejected() {
        assertThatThrownBy(() -> DetectionEvaluator.evaluate(Map.of("a", DetectionSet.empty()),
                Map.of("b", DetectionSet.empty()), DetectionConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'b'");
    }

    @Test
    void jsonAndTextRenderRows() throws Exception {
        DetectionResult result = DetectionEvaluator.evaluate("seq",
                DetectionSet.of(List.of(DetectionRecord.object(1, 0, box(0)))),
                DetectionSet.of(List.of(DetectionRecord.detection(1, 0, box(0), 0.5))), DetectionConfig.defaults());

        JsonNode document = new ObjectMapper().readTree(result.toJson());
        String text = result.renderText();

        assertThat(document.get("metric").asText()).isEqualTo("detection");
        assertThat(document.get("rows").get(0).get("AP").asDouble()).isEqualTo(1.0);
        assertThat(document.get("config").get("maxDetectionsPerImage").asInt()).isEqualTo(100);
        assertThat(text.split("\n")[0]).contains("AP50", "AP75", "Objects");
    }
}
