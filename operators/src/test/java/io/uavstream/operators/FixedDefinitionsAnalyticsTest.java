package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.analytics.definition.DefinitionParser;
import io.uavstream.analytics.definition.DefinitionSet;
import io.uavstream.schemas.AnalyticsEvent;
import io.uavstream.schemas.AnalyticsEventType;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.tracking.TrackerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * {@link FixedDefinitionsAnalyticsFunction} on the scripted {@link ZoneScene}, against
 * {@link AnalyticsFunction} with the same definitions broadcast before the first frame.
 */
class FixedDefinitionsAnalyticsTest {

    private static final AnalysisConfig CONFIG = AnalysisConfig.builder()
            .modelPath("unused.json")
            .trackerConfig(TrackerConfig.builder().maxLostTime(Duration.ofMillis(500)).build())
            .zoneExitDelay(Duration.ZERO)
            .countWindow(Duration.ofSeconds(1))
            .build();

    @Test
    void fixedDefinitionsMatchBroadcastFromStart() throws Exception {
        List<AnalyticsEvent> broadcast = broadcastFromStart(ZoneScene.frames());

        List<AnalyticsEvent> fixed = runFixed(definitions(ZoneScene.DRONE), ZoneScene.frames());

        assertThat(broadcast).as("events of the broadcast definitions").hasSizeGreaterThan(6);
        assertThat(fixed).containsExactlyElementsOf(broadcast);
    }

    @Test
    void framesEmitWithoutWatermark() throws Exception {
        try (var harness = harness(definitions(ZoneScene.DRONE))) {
            harness.open();
            for (FrameDetections frame : ZoneScene.frames().subList(0, 9)) {
                harness.processElement(frame, frame.getCaptureTimeMicros().toEpochMilli());
            }

            assertThat(harness.extractOutputValues()).extracting(AnalyticsEvent::getFrameSequence)
                    .containsExactly(0L, 8L);
        }
    }

    @Test
    void otherDroneDefinitionsGiveCountsOnly() throws Exception {
        List<AnalyticsEvent> events = runFixed(definitions("drone-other"), ZoneScene.frames());

        assertThat(events).isNotEmpty();
        assertThat(events).extracting(AnalyticsEvent::getEventType).containsOnly(AnalyticsEventType.CLASS_COUNTS);
    }

    @Test
    void eventsCarryFrameModelId() throws Exception {
        List<AnalyticsEvent> events = runFixed(definitions(ZoneScene.DRONE), ZoneScene.frames());

        assertThat(events).extracting(event -> String.valueOf(event.getModelId())).containsOnly("scripted");
    }

    private static Map<String, DefinitionSet> definitions(String droneId) throws Exception {
        return Map.of(droneId, DefinitionParser.parse(ZoneScene.DEFINITIONS, droneId));
    }

    private static List<AnalyticsEvent> runFixed(Map<String, DefinitionSet> definitions, List<FrameDetections> frames)
            throws Exception {
        try (var harness = harness(definitions)) {
            harness.open();
            for (FrameDetections frame : frames) {
                harness.processElement(frame, frame.getCaptureTimeMicros().toEpochMilli());
            }
            harness.processWatermark(Watermark.MAX_WATERMARK);
            return harness.extractOutputValues();
        }
    }

    private static List<AnalyticsEvent> broadcastFromStart(List<FrameDetections> frames) throws Exception {
        try (var harness = AnalyticsFunctionHarnessTest.harness(CONFIG)) {
            harness.open();
            harness.processBroadcastElement(new DefinitionUpdate(ZoneScene.DRONE, 0, ZoneScene.DEFINITIONS), 0);
            harness.processBroadcastWatermark(Watermark.MAX_WATERMARK);
            for (FrameDetections frame : frames) {
                harness.processElement(frame, frame.getCaptureTimeMicros().toEpochMilli());
            }
            harness.processWatermark(Watermark.MAX_WATERMARK);
            return harness.extractOutputValues();
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, FrameDetections, AnalyticsEvent> harness(
            Map<String, DefinitionSet> definitions) throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new FixedDefinitionsAnalyticsFunction(CONFIG, definitions)),
                FrameDetections::getDroneId, Types.STRING);
        harness.setup(AvroRecordTypeInfo.forClass(AnalyticsEvent.class).createSerializer(new SerializerConfigImpl()));
        return harness;
    }
}
