package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.models.BgrImage;
import io.uavstream.models.testing.TinyModels;
import io.uavstream.schemas.DeadLetter;
import io.uavstream.schemas.FrameDetections;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model switching of {@link DetectFunction} with the selections that {@link ModelSelectFunction} hands over. */
class DetectFunctionModelSwitchTest {

    @TempDir
    Path dir;

    private Path yolox;
    private Path nanoDet;

    @BeforeEach
    void writeModels() {
        yolox = TinyModels.yolox(dir.resolve("yolox"));
        nanoDet = TinyModels.nanoDetPlus(dir.resolve("nanodet"));
    }

    @AfterEach
    void forgetSelections() {
        TaskModelSelections.clear();
    }

    @Test
    void selectionSwitchesOnlyItsDrone() throws Exception {
        try (var harness = harness(config(4))) {
            process(harness, "drone-a", 0);
            TaskModelSelections.record("drone-a", selection("drone-a", nanoDet.toString(), 7));
            process(harness, "drone-a", 1);
            process(harness, "drone-b", 2);

            assertThat(modelIds(harness)).containsExactly("tiny-yolox", "tiny-nanodet-plus", "tiny-yolox");
            assertThat(counter(harness, DroneModels.MODEL_SWITCHES)).isEqualTo(1);
        }
    }

    @Test
    void clearedSelectionReturnsToJobModel() throws Exception {
        try (var harness = harness(config(4))) {
            TaskModelSelections.record("drone-a", selection("drone-a", nanoDet.toString(), 7));
            process(harness, "drone-a", 0);
            TaskModelSelections.record("drone-a", null);
            process(harness, "drone-a", 1);

            assertThat(modelIds(harness)).containsExactly("tiny-nanodet-plus", "tiny-yolox");
        }
    }

    @Test
    void missingModelKeepsCurrentModel() throws Exception {
        Path missing = dir.resolve("missing.json");
        try (var harness = harness(config(4))) {
            TaskModelSelections.record("drone-a", selection("drone-a", missing.toString(), 9));
            process(harness, "drone-a", 0);
            process(harness, "drone-a", 1);

            assertThat(modelIds(harness)).containsExactly("tiny-yolox", "tiny-yolox");
            List<DeadLetter> deadLetters = deadLetters(harness);
            assertThat(deadLetters).hasSize(1);
            assertThat(deadLetters.get(0).getErrorType()).isEqualTo(DeadLetterErrors.INVALID_MODEL);
            assertThat(deadLetters.get(0).getDroneId()).isEqualTo("drone-a");
            assertThat(deadLetters.get(0).getSourceOffset()).isEqualTo(9L);
            assertThat(deadLetters.get(0).getReason()).contains("not found");
            assertThat(counter(harness, DroneModels.MODEL_SWITCHES_FAILED)).isEqualTo(1);
        }
    }

    @Test
    void singleOpenModelStillSwitches() throws Exception {
        try (var harness = harness(config(1))) {
            TaskModelSelections.record("drone-a", selection("drone-a", nanoDet.toString(), 7));
            process(harness, "drone-a", 0);
            process(harness, "drone-b", 1);
            process(harness, "drone-a", 2);

            assertThat(modelIds(harness)).containsExactly("tiny-nanodet-plus", "tiny-yolox", "tiny-nanodet-plus");
        }
    }

    private AnalysisConfig config(int maxOpenModels) {
        return AnalysisConfig.builder()
                .modelPath(yolox.toString())
                .maxOpenModels(maxOpenModels)
                .tracking(false)
                .artefactCheck(false)
                .build();
    }

    private static ModelSelection selection(String scope, String model, long offset) {
        return new ModelSelection(scope, model, "control", 0, offset, 1_750_000_000_000L);
    }

    private static void process(KeyedOneInputStreamOperatorTestHarness<String, DecodedVideoFrame, AnalysedFrame> harness,
            String droneId, long sequence) throws Exception {
        BgrImage image = new BgrImage(64, 64, new byte[64 * 64 * 3]);
        harness.processElement(new StreamRecord<>(new DecodedVideoFrame(droneId, "s1", sequence, sequence * 100_000L,
                TrackScene.FIRST_CAPTURE_MICROS + sequence * 100_000L, null, null, image)));
    }

    private static List<String> modelIds(
            KeyedOneInputStreamOperatorTestHarness<String, DecodedVideoFrame, AnalysedFrame> harness) {
        return harness.extractOutputValues().stream().map(AnalysedFrame::detections).map(FrameDetections::getModelId)
                .toList();
    }

    private static List<DeadLetter> deadLetters(
            KeyedOneInputStreamOperatorTestHarness<String, DecodedVideoFrame, AnalysedFrame> harness) {
        ConcurrentLinkedQueue<StreamRecord<DeadLetter>> output = harness.getSideOutput(DroneAnalysis.DEAD_LETTERS);
        return output == null ? List.of() : output.stream().map(StreamRecord::getValue).toList();
    }

    private static long counter(KeyedOneInputStreamOperatorTestHarness<String, DecodedVideoFrame, AnalysedFrame> harness,
            String name) {
        var accumulator = harness.getEnvironment().getAccumulatorRegistry().getUserMap().get(name);
        return accumulator == null ? 0 : ((Number) accumulator.getLocalValue()).longValue();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, DecodedVideoFrame, AnalysedFrame> harness(
            AnalysisConfig config) throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new DetectFunction(config)),
                DecodedVideoFrame::droneId, Types.STRING);
        harness.setup(AnalysedFrameTypeInfo.INSTANCE.createSerializer(new SerializerConfigImpl()));
        harness.open();
        return harness;
    }
}
