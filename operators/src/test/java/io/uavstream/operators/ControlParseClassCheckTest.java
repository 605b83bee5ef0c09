package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.models.testing.TinyModels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks of control records' class filters against the model's classes by {@link ControlParseFunction}. */
class ControlParseClassCheckTest {

    private static final long TIMESTAMP_MILLIS = 1_750_000_002_000L;

    @TempDir
    Path dir;

    @Test
    void unknownClassIsCountedNotRejected() throws Exception {
        String zones = "{\"zones\": [{\"id\": \"gate\", \"classes\": [\"persn\", \"car\"],"
                + " \"polygon\": [[0, 0], [9, 0], [9, 9]]}], \"lines\": [{\"id\": \"road\", \"classes\": [\"truk\"],"
                + " \"from\": [0, 1], \"to\": [5, 1]}]}";
        try (var harness = harness(TinyModels.yolox(dir).toString())) {
            harness.processElement(record(zones, 21), TIMESTAMP_MILLIS);

            assertThat(harness.extractOutputValues()).hasSize(1);
            assertThat(harness.getSideOutput(DroneAnalysis.DEAD_LETTERS)).isNull();
            assertThat(counter(harness, ControlParseFunction.DEFINITIONS_WITH_UNKNOWN_CLASSES)).isEqualTo(2);
            assertThat(counter(harness, AnalysisCounters.DEFINITION_UPDATES)).isEqualTo(1);
        }
    }

    @Test
    void knownClassesAreNotCounted() throws Exception {
        String zones = "{\"zones\": [{\"id\": \"gate\", \"classes\": [\"person\", \"car\"],"
                + " \"polygon\": [[0, 0], [9, 0], [9, 9]]}]}";
        try (var harness = harness(TinyModels.yolox(dir).toString())) {
            harness.processElement(record(zones, 22), TIMESTAMP_MILLIS);

            assertThat(harness.extractOutputValues()).hasSize(1);
            assertThat(counter(harness, ControlParseFunction.DEFINITIONS_WITH_UNKNOWN_CLASSES)).isZero();
        }
    }

    @Test
    void unreadableModelSkipsClassCheck() throws Exception {
        String zones = "{\"zones\": [{\"id\": \"gate\", \"classes\": [\"persn\"], \"polygon\": [[0, 0], [9, 0], [9, 9]]}]}";
        try (var harness = harness(dir.resolve("absent.json").toString())) {
            harness.processElement(record(zones, 23), TIMESTAMP_MILLIS);

            assertThat(harness.extractOutputValues()).hasSize(1);
            assertThat(counter(harness, ControlParseFunction.DEFINITIONS_WITH_UNKNOWN_CLASSES)).isZero();
        }
    }

    private static ControlRecord record(String value, long offset) {
        return new ControlRecord("drone-z", value.getBytes(StandardCharsets.UTF_8), "control", 0, offset, TIMESTAMP_MILLIS);
    }

    private static OneInputStreamOperatorTestHarness<ControlRecord, DefinitionUpdate> harness(String modelPath)
            throws Exception {
        return ProcessFunctionTestHarnesses.forProcessFunction(new ControlParseFunction(modelPath));
    }

    private static long counter(OneInputStreamOperatorTestHarness<ControlRecord, DefinitionUpdate> harness, String name) {
        var accumulator = harness.getEnvironment().getAccumulatorRegistry().getUserMap().get(name);
        return accumulator == null ? 0 : ((Number) accumulator.getLocalValue()).longValue();
    }
}
