package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.schemas.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** Checks of analytics control records by {@link ControlParseFunction}. */
class ControlParseFunctionTest {

    private static final long TIMESTAMP_MILLIS = 1_750_000_002_000L;

    @Test
    void validRecordBecomesUpdate() throws Exception {
        try (var harness = harness()) {
            harness.processElement(record("drone-z", ZoneScene.DEFINITIONS, 5), TIMESTAMP_MILLIS);

            assertThat(harness.extractOutputValues()).containsExactly(
                    new DefinitionUpdate("drone-z", TIMESTAMP_MILLIS * 1000, ZoneScene.DEFINITIONS));
            assertThat(deadLetters(harness)).isEmpty();
        }
    }

    @Test
    void emptyValueRemovesDefinitions() throws Exception {
        try (var harness = harness()) {
            harness.processElement(record("drone-z", "", 6), TIMESTAMP_MILLIS);
            harness.processElement(new ControlRecord("drone-z", null, "control", 0, 7, TIMESTAMP_MILLIS), TIMESTAMP_MILLIS);

            assertThat(harness.extractOutputValues()).extracting(DefinitionUpdate::getDocument).containsExactly(null, null);
        }
    }

    @Test
    void invalidJsonBecomesDeadLetter() throws Exception {
        try (var harness = harness()) {
            harness.processElement(record("drone-z", "{\"zones\": [{\"id\": \"yard\"", 8), TIMESTAMP_MILLIS);

            assertThat(harness.extractOutputValues()).isEmpty();
            List<DeadLetter> deadLetters = deadLetters(harness);
            assertThat(deadLetters).hasSize(1);
            assertThat(deadLetters.get(0).getErrorType()).isEqualTo(DeadLetterErrors.INVALID_DEFINITION);
            assertThat(deadLetters.get(0).getDroneId()).isEqualTo("drone-z");
            assertThat(deadLetters.get(0).getSourceOffset()).isEqualTo(8L);
            assertThat(deadLetters.get(0).getReason()).contains("Invalid JSON");
        }
    }

    @Test
    void invalidPolygonNamesField() throws Exception {
        String twoPoints = "{\"zones\": [{\"id\": \"yard\", \"polygon\": [[0, 0], [10, 0]]}]}";
        try (var harness = harness()) {
            harness.processElement(record("drone-z", twoPoints, 9), TIMESTAMP_MILLIS);

            assertThat(deadLetters(harness)).extracting(DeadLetter::getReason)
                    .singleElement().asString().contains("zones[0] (id \"yard\")", "polygon");
        }
    }

    @Test
    void otherDroneEntryIsRejected() throws Exception {
        String foreign = "{\"drone\": \"drone-q\", \"lines\": [{\"id\": \"gate\", \"from\": [0, 0], \"to\": [10, 0]}]}";
        try (var harness = harness()) {
            harness.processElement(record("drone-z", foreign, 10), TIMESTAMP_MILLIS);

            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(deadLetters(harness)).extracting(DeadLetter::getReason)
                    .singleElement().asString().contains("Line 'gate' of drone 'drone-q'");
        }
    }

    @Test
    void missingKeyIsRejected() throws Exception {
        try (var harness = harness()) {
            harness.processElement(record(null, ZoneScene.DEFINITIONS, 11), TIMESTAMP_MILLIS);

            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(deadLetters(harness)).extracting(DeadLetter::getReason)
                    .singleElement().asString().contains("key is missing");
        }
    }

    @Test
    void invalidUtf8IsRejected() throws Exception {
        ControlRecord bytes = new ControlRecord("drone-z", new byte[] {(byte) 0xC3, 0x28}, "control", 0, 12, TIMESTAMP_MILLIS);
        try (var harness = harness()) {
            harness.processElement(bytes, TIMESTAMP_MILLIS);

            assertThat(deadLetters(harness)).extracting(DeadLetter::getReason)
                    .singleElement().asString().contains("UTF-8");
        }
    }

    private static ControlRecord record(String droneId, String value, long offset) {
        return new ControlRecord(droneId, value.getBytes(StandardCharsets.UTF_8), "control", 0, offset, TIMESTAMP_MILLIS);
    }

    private static OneInputStreamOperatorTestHarness<ControlRecord, DefinitionUpdate> harness() throws Exception {
        return ProcessFunctionTestHarnesses.forProcessFunction(new ControlParseFunction());
    }

    private static List<DeadLetter> deadLetters(OneInputStreamOperatorTestHarness<ControlRecord, DefinitionUpdate> harness) {
        ConcurrentLinkedQueue<StreamRecord<DeadLetter>> output = harness.getSideOutput(DroneAnalysis.DEAD_LETTERS);
        return output == null ? List.of() : output.stream().map(StreamRecord::getValue).toList();
    }
}
