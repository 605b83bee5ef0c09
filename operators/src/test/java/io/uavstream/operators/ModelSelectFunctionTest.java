package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Selections kept by {@link ModelSelectFunction} and handed to the detector of its task. */
class ModelSelectFunctionTest {

    private static final ModelSelection DRONE_A = new ModelSelection("drone-a", "/models/a.json", "control", 0, 3, 1L);
    private static final ModelSelection FLEET = new ModelSelection("*", "uavdet-416", "control", 0, 4, 1L);

    @AfterEach
    void forgetSelections() {
        TaskModelSelections.clear();
    }

    @Test
    void packetRecordsDroneSelection() throws Exception {
        try (var harness = harness()) {
            harness.open();
            harness.processBroadcastElement(DRONE_A, 1);
            harness.processElement(packet("drone-a"), 2);

            assertThat(TaskModelSelections.current("drone-a")).isEqualTo(DRONE_A);
            assertThat(harness.extractOutputValues()).hasSize(1);
        }
    }

    @Test
    void fleetSelectionAppliesWithoutOwn() throws Exception {
        try (var harness = harness()) {
            harness.open();
            harness.processBroadcastElement(DRONE_A, 1);
            harness.processBroadcastElement(FLEET, 1);
            harness.processElement(packet("drone-a"), 2);
            harness.processElement(packet("drone-b"), 2);

            assertThat(TaskModelSelections.current("drone-a")).isEqualTo(DRONE_A);
            assertThat(TaskModelSelections.current("drone-b")).isEqualTo(FLEET);
        }
    }

    @Test
    void clearingSelectionFallsBackToJob() throws Exception {
        try (var harness = harness()) {
            harness.open();
            harness.processBroadcastElement(DRONE_A, 1);
            harness.processElement(packet("drone-a"), 2);
            harness.processBroadcastElement(new ModelSelection("drone-a", null, "control", 0, 5, 1L), 3);
            harness.processElement(packet("drone-a"), 4);

            assertThat(TaskModelSelections.current("drone-a")).isNull();
        }
    }

    @Test
    void selectionsSurviveRestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = harness()) {
            harness.open();
            harness.processBroadcastElement(DRONE_A, 1);
            harness.processBroadcastElement(FLEET, 1);
            snapshot = harness.snapshot(1, 1);
        }
        TaskModelSelections.clear();

        try (var harness = harness()) {
            harness.initializeState(snapshot);
            harness.open();
            harness.processElement(packet("drone-a"), 2);
            harness.processElement(packet("drone-b"), 2);

            assertThat(TaskModelSelections.current("drone-a")).isEqualTo(DRONE_A);
            assertThat(TaskModelSelections.current("drone-b")).isEqualTo(FLEET);
        }
    }

    private static PacketOrDeadLetter packet(String droneId) {
        return PacketOrDeadLetter.ofPacket(TestPackets.packet(droneId, 0), "video", 0, 0, 1);
    }

    private static KeyedBroadcastOperatorTestHarness<String, PacketOrDeadLetter, ModelSelection, PacketOrDeadLetter>
            harness() throws Exception {
        var harness = new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(new ModelSelectFunction(), List.of(ModelSelectFunction.SELECTIONS)),
                PacketOrDeadLetter::droneId, Types.STRING, 1, 1, 0);
        harness.setup(PacketOrDeadLetterTypeInfo.INSTANCE.createSerializer(new SerializerConfigImpl()));
        return harness;
    }
}
