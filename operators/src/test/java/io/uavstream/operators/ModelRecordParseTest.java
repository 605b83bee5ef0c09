package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.models.testing.TinyModels;
import io.uavstream.schemas.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model records of the control topic, as {@link ControlParseFunction} checks them. */
class ModelRecordParseTest {

    private static final long TIMESTAMP_MILLIS = 1_750_000_002_000L;

    @TempDir
    Path dir;

    @Test
    void droneRecordBecomesSelection() throws Exception {
        Path model = TinyModels.nanoDetPlus(dir);
        try (var harness = harness(true)) {
            harness.processElement(record("model:drone-z", "{\"model\": \"" + model + "\"}", 5), TIMESTAMP_MILLIS);

            assertThat(selections(harness)).containsExactly(
                    new ModelSelection("drone-z", model.toString(), "control", 0, 5, TIMESTAMP_MILLIS));
            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(deadLetters(harness)).isEmpty();
        }
    }

    @Test
    void fleetRecordSelectsBundledModel() throws Exception {
        try (var harness = harness(true)) {
            harness.processElement(record(ModelSelection.FLEET_KEY, "{\"model\": \"uavdet-416\"}", 6), TIMESTAMP_MILLIS);

            assertThat(selections(harness)).extracting(ModelSelection::getScope, ModelSelection::getModel)
                    .singleElement().asString().contains("*", "uavdet-416");
        }
    }

    @Test
    void emptyValueClearsSelection() throws Exception {
        try (var harness = harness(true)) {
            harness.processElement(record("model:drone-z", "", 7), TIMESTAMP_MILLIS);

            assertThat(selections(harness)).singleElement().satisfies(selection -> {
                assertThat(selection.isClear()).isTrue();
                assertThat(selection.getScope()).isEqualTo("drone-z");
            });
        }
    }

    @Test
    void missingFileBecomesDeadLetter() throws Exception {
        Path missing = dir.resolve("missing.json");
        try (var harness = harness(true)) {
            harness.processElement(record("model:drone-z", "{\"model\": \"" + missing + "\"}", 8), TIMESTAMP_MILLIS);

            assertThat(selections(harness)).isEmpty();
            DeadLetter deadLetter = deadLetters(harness).get(0);
            assertThat(deadLetter.getErrorType()).isEqualTo(DeadLetterErrors.INVALID_MODEL);
            assertThat(deadLetter.getDroneId()).isEqualTo("drone-z");
            assertThat(deadLetter.getSourceOffset()).isEqualTo(8L);
            assertThat(deadLetter.getReason()).contains("Model file " + missing + " not found");
            assertThat(StandardCharsets.UTF_8.decode(deadLetter.getRecordKey()).toString()).isEqualTo("model:drone-z");
        }
    }

    @Test
    void unknownBundledIdBecomesDeadLetter() throws Exception {
        try (var harness = harness(true)) {
            harness.processElement(record("model:drone-z", "{\"model\": \"uavdet-999\"}", 9), TIMESTAMP_MILLIS);

            assertThat(deadLetters(harness)).extracting(DeadLetter::getReason)
                    .singleElement().asString().contains("Unknown bundled model 'uavdet-999'", "uavdet-416");
        }
    }

    @Test
    void invalidDroneInKeyIsRejected() throws Exception {
        try (var harness = harness(true)) {
            harness.processElement(record("model:drone z", "{\"model\": \"uavdet-416\"}", 10), TIMESTAMP_MILLIS);

            assertThat(deadLetters(harness)).extracting(DeadLetter::getReason)
                    .singleElement().asString().contains("Key 'model:drone z' names no drone");
        }
    }

    @Test
    void modelUnderDroneKeyNamesModelKey() throws Exception {
        try (var harness = harness(true)) {
            harness.processElement(record("drone-z", "{\"model\": \"uavdet-416\"}", 11), TIMESTAMP_MILLIS);

            DeadLetter deadLetter = deadLetters(harness).get(0);
            assertThat(deadLetter.getErrorType()).isEqualTo(DeadLetterErrors.INVALID_DEFINITION);
            assertThat(deadLetter.getReason()).contains("model records take the key 'model:drone-z'");
        }
    }

    @Test
    void pinnedModelJobIgnoresModelRecords() throws Exception {
        try (var harness = harness(false)) {
            harness.processElement(record("model:drone-z", "{\"model\": \"uavdet-999\"}", 12), TIMESTAMP_MILLIS);

            assertThat(selections(harness)).isEmpty();
            assertThat(deadLetters(harness)).isEmpty();
        }
    }

    private static ControlRecord record(String key, String value, long offset) {
        return new ControlRecord(key, value.getBytes(StandardCharsets.UTF_8), "control", 0, offset, TIMESTAMP_MILLIS);
    }

    private static OneInputStreamOperatorTestHarness<ControlRecord, DefinitionUpdate> harness(boolean modelControl)
            throws Exception {
        return ProcessFunctionTestHarnesses.forProcessFunction(new ControlParseFunction(null, modelControl));
    }

    private static List<ModelSelection> selections(OneInputStreamOperatorTestHarness<ControlRecord, DefinitionUpdate> harness) {
        ConcurrentLinkedQueue<StreamRecord<ModelSelection>> output = harness.getSideOutput(ControlParseFunction.MODEL_SELECTIONS);
        return output == null ? List.of() : output.stream().map(StreamRecord::getValue).toList();
    }

    private static List<DeadLetter> deadLetters(OneInputStreamOperatorTestHarness<ControlRecord, DefinitionUpdate> harness) {
        ConcurrentLinkedQueue<StreamRecord<DeadLetter>> output = harness.getSideOutput(DroneAnalysis.DEAD_LETTERS);
        return output == null ? List.of() : output.stream().map(StreamRecord::getValue).toList();
    }
}
