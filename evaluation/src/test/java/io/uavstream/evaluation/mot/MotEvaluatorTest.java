package io.uavstream.evaluation.mot;

import static io.uavstream.evaluation.mot.Tracks.box;
import static io.uavstream.evaluation.mot.Tracks.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MotEvaluatorTest {

    private static final double EPS = 1e-12;

    @Test
    void distractorPredictionIsRemoved() {
        // Frame 1: a pedestrian (class 1) at 0 and a reflection (class 12) at 30.
        // Predictions at 0, 30 and 60. The one at 30 matches the reflection and is removed;
        // the one at 60 matches nothing and is a false positive. TP = 1, FP = 1, FN = 0.
        Sequence gt = sequence()
                .add(MotRecord.groundTruth(1, 1, box(0), 1))
                .add(MotRecord.groundTruth(1, 2, box(30), 12)).build();
        Sequence predictions = sequence().track(1, 0, 1).track(2, 30, 1).track(3, 60, 1).build();

        MotRow row = MotEvaluator.evaluate("seq", gt, predictions, MotConfig.motChallengePedestrians()).row("seq");

        assertThat(row.clearMot().truePositives()).isEqualTo(1);
        assertThat(row.clearMot().falsePositives()).isEqualTo(1);
        assertThat(row.clearMot().falseNegatives()).isZero();
        assertThat(row.identity().idFalsePositives()).isEqualTo(1);
        assertThat(row.hota().falsePositivesAt(0)).isEqualTo(1);
    }

    @Test
    void zeroFlagRowIsIgnoreRegion() {
        // A pedestrian with flag 0 and a prediction on it: the prediction is removed and the
        // row is not a miss, so nothing is counted. With zero flags scored, it is a TP.
        Sequence gt = sequence().add(new MotRecord(1, 1, box(0), 0, 1, 1.0)).build();
        Sequence predictions = sequence().track(1, 0, 1).build();

        MotRow ignored = MotEvaluator.evaluate("seq", gt, predictions, MotConfig.defaults()).row("seq");
        MotRow scored = MotEvaluator.evaluate("seq", gt, predictions,
                MotConfig.builder().zeroFlagIgnored(false).build()).row("seq");

        assertThat(ignored.clearMot().gtBoxes()).isZero();
        assertThat(ignored.clearMot().predBoxes()).isZero();
        assertThat(scored.clearMot().truePositives()).isEqualTo(1);
    }

    @Test
    void lowVisibilityRowIsIgnoreRegion() {
        // Visibility 0.2 is below the minimum 0.25: ignore region; 0.3 is scored and missed.
        Sequence gt = sequence()
                .add(new MotRecord(1, 1, box(0), 1, 1, 0.2))
                .add(new MotRecord(1, 2, box(30), 1, 1, 0.3)).build();
        Sequence predictions = sequence().track(1, 0, 1).build();

        MotRow row = MotEvaluator.evaluate("seq", gt, predictions,
                MotConfig.builder().minVisibility(0.25).build()).row("seq");

        assertThat(row.clearMot().gtBoxes()).isEqualTo(1);
        assertThat(row.clearMot().falseNegatives()).isEqualTo(1);
        assertThat(row.clearMot().falsePositives()).isZero();
    }

    @Test
    void unselectedClassIsDropped() {
        // A car (class 3) is not scored for pedestrians; a class-less prediction on it stays a
        // false positive because only ignore regions remove predictions.
        Sequence gt = sequence()
                .add(MotRecord.groundTruth(1, 1, box(0), 1))
                .add(MotRecord.groundTruth(1, 2, box(30), 3)).build();
        Sequence predictions = sequence().track(1, 0, 1).track(2, 30, 1).build();

        MotRow row = MotEvaluator.evaluate("seq", gt, predictions, MotConfig.motChallengePedestrians()).row("seq");

        assertThat(row.clearMot().gtBoxes()).isEqualTo(1);
        assertThat(row.clearMot().falsePositives()).isEqualTo(1);
    }

    @Test
    void perClassRowsScoreEachClass() {
        // Class 1 is tracked perfectly and class 2 not at all. A prediction of class 1 on the
        // class-2 object is not considered for class 2, so class 2 has MOTA = 1 - 1/1 = 0.
        Sequence gt = sequence()
                .add(MotRecord.groundTruth(1, 1, box(0), 1))
                .add(MotRecord.groundTruth(1, 2, box(30), 2)).build();
        Sequence predictions = sequence()
                .add(new MotRecord(1, 1, box(0), 0.9, 1, MotRecord.NOT_GIVEN))
                .add(new MotRecord(1, 2, box(30), 0.9, 1, MotRecord.NOT_GIVEN)).build();
        MotConfig config = MotConfig.builder().classes(List.of(1, 2)).perClass(true).build();

        MotResult result = MotEvaluator.evaluate("seq", gt, predictions, config);

        assertThat(result.rows()).extracting(MotRow::sequence)
                .containsExactly("seq", MotRow.COMBINED, "seq", MotRow.COMBINED);
        assertThat(result.row("seq", "1").clearMot().falsePositives()).isEqualTo(1);
        assertThat(result.row("seq", "2").clearMot().mota()).isEqualTo(0.0);
        assertThat(result.row(MotRow.COMBINED, "2").clearMot().falseNegatives()).isEqualTo(1);
    }

    @Test
    void combinedRowAddsCounts() {
        // Sequence a: one object in frames 1-2, tracked perfectly. Sequence b: one object in
        // frames 1-2, not predicted. Combined: GT = 4, TP = 2, FN = 2: MOTA = 1 - 2/4 = 0.5,
        // IDF1 = 4 / (4 + 0 + 2) = 2/3. HOTA per alpha: DetA = 2/4; AssA = 1 (only sequence a
        // has TPs, each with A = 1), HOTA = sqrt(0.5).
        Sequence object = sequence().track(1, 0, 1, 2).build();

        MotResult result = MotEvaluator.evaluate(Map.of("a", object, "b", object), Map.of("a", object),
                MotConfig.defaults());

        MotRow combined = result.combined();
        assertThat(result.rows()).extracting(MotRow::sequence).containsExactly("a", "b", MotRow.COMBINED);
        assertThat(combined.clearMot().mota()).isEqualTo(0.5);
        assertThat(combined.identity().idf1()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(combined.hota().hota()).isCloseTo(Math.sqrt(0.5), within(EPS));
        assertThat(combined.hota().assA()).isCloseTo(1.0, within(EPS));
    }

    @Test
    void predictionsForUnknownSequenceRejected() {
        Sequence object = sequence().track(1, 0, 1).build();

        assertThatThrownBy(() -> MotEvaluator.evaluate(Map.of("a", object), Map.of("z", object), MotConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'z'");
    }

    @Test
    void configRejectsInvalidSettings() {
        assertThatThrownBy(() -> MotConfig.builder().iouThreshold(0))
                .hasMessageContaining("iouThreshold must be in (0, 1]");
        assertThatThrownBy(() -> MotConfig.builder().perClass(true).build())
                .hasMessageContaining("perClass needs the classes");
        assertThatThrownBy(() -> MotConfig.builder().classes(List.of(2)).ignoredClasses(List.of(2)).build())
                .hasMessageContaining("Class 2 is both scored and ignored");
        assertThatThrownBy(() -> MotConfig.builder().minVisibility(1.5))
                .hasMessageContaining("minVisibility");
    }

    @Test
    void textTableListsRows() {
        Sequence object = sequence().track(1, 0, 1, 2).build();

        String text = MotEvaluator.evaluate("walk", object, Sequence.empty(), MotConfig.defaults()).renderText();

        String[] lines = text.split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("sequence").contains("HOTA", "MOTA", "IDF1");
        assertThat(lines[1]).startsWith("walk").contains("0.0000");
        assertThat(lines[2]).startsWith(MotRow.COMBINED);
    }

    @Test
    void jsonWritesNullForUndefined() throws Exception {
        // With no predictions MOTP is undefined (NaN), which JSON cannot hold: it becomes null.
        Sequence object = sequence().track(1, 0, 1, 2).build();

        String json = MotEvaluator.evaluate("walk", object, Sequence.empty(), MotConfig.defaults()).toJson();

        JsonNode document = new ObjectMapper().readTree(json);
        JsonNode first = document.get("rows").get(0);
        assertThat(document.get("metric").asText()).isEqualTo("mot");
        assertThat(document.get("config").get("iouThreshold").asDouble()).isEqualTo(0.5);
        assertThat(first.get("sequence").asText()).isEqualTo("walk");
        assertThat(first.get("MOTA").asDouble()).isEqualTo(0.0);
        assertThat(first.get("FN").asLong()).isEqualTo(2);
        assertThat(first.get("MOTP").isNull()).isTrue();
    }
}
