package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.schemas.AnalyticsEvent;
import io.uavstream.schemas.AnalyticsEventType;
import io.uavstream.schemas.CrossingDirection;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.ZoneExitCause;
import io.uavstream.tracking.TrackerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackendLoader;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/**
 * Events, definition updates and restores of {@link AnalyticsFunction} on the scripted
 * {@link ZoneScene}, with watermarks and snapshots under test control.
 */
class AnalyticsFunctionHarnessTest {

    private static final AnalysisConfig CONFIG = AnalysisConfig.builder()
            .modelPath("unused.json")
            .trackerConfig(TrackerConfig.builder().maxLostTime(Duration.ofMillis(500)).build())
            .zoneExitDelay(Duration.ZERO)
            .countWindow(Duration.ofSeconds(1))
            .build();

    private static final DefinitionUpdate FROM_START = new DefinitionUpdate(ZoneScene.DRONE, 0, ZoneScene.DEFINITIONS);

    @Test
    void carEntersExitsAndCrosses() throws Exception {
        List<AnalyticsEvent> events = run(List.of(FROM_START), ZoneScene.frames());

        List<AnalyticsEvent> car = ofTrack(events, 1L);
        assertThat(car).extracting(AnalyticsEvent::getEventType).containsExactly(
                AnalyticsEventType.ZONE_ENTERED, AnalyticsEventType.ZONE_EXITED, AnalyticsEventType.LINE_CROSSED);
        assertThat(car).extracting(AnalyticsEvent::getFrameSequence).containsExactly(8L, 19L, 28L);
        assertThat(car.get(0).getZoneId()).isEqualTo("yard");
        assertThat(car.get(0).getPixelX()).isEqualTo(100f);
        assertThat(car.get(0).getPixelY()).isEqualTo(220f);
        assertThat(car.get(1).getExit().getCause()).isEqualTo(ZoneExitCause.LEFT_ZONE);
        assertThat(car.get(1).getExit().getDwellSeconds()).isCloseTo(1.1, Offset.offset(1e-9));
        assertThat(car.get(2).getLineId()).isEqualTo("gate");
        assertThat(car.get(2).getDirection()).isEqualTo(CrossingDirection.RIGHT_TO_LEFT);
        assertThat(car).allSatisfy(event -> assertThat(event.getPosition()).isNull());
    }

    @Test
    void standingPersonEntersOnce() throws Exception {
        List<AnalyticsEvent> events = run(List.of(FROM_START), ZoneScene.frames());

        assertThat(ofTrack(events, 2L)).extracting(AnalyticsEvent::getEventType)
                .containsExactly(AnalyticsEventType.ZONE_ENTERED);
        assertThat(ofTrack(events, 2L).get(0).getFrameSequence()).isZero();
    }

    @Test
    void countsPerOneSecondWindow() throws Exception {
        List<AnalyticsEvent> events = run(List.of(FROM_START), ZoneScene.frames());

        List<AnalyticsEvent> counts = events.stream()
                .filter(event -> event.getEventType() == AnalyticsEventType.CLASS_COUNTS).toList();
        // Four windows of ten frames; the last has no later frame that would close it.
        assertThat(counts).extracting(AnalyticsEvent::getFrameSequence).containsExactly(10L, 20L, 30L);
        assertThat(counts.get(0).getCounts().getTracksPerClass()).isEqualTo(Map.of("car", 1, "person", 1));
    }

    @Test
    void framesWaitForWatermark() throws Exception {
        try (var harness = harness(CONFIG)) {
            harness.open();
            harness.processBroadcastElement(FROM_START, 0);
            harness.processBroadcastWatermark(Watermark.MAX_WATERMARK);
            for (FrameDetections frame : ZoneScene.frames()) {
                harness.processElement(frame, millis(frame));
            }
            assertThat(harness.extractOutputValues()).isEmpty();

            harness.processWatermark(ZoneScene.captureMicros(8) / 1000);
            assertThat(harness.extractOutputValues()).extracting(AnalyticsEvent::getFrameSequence).containsExactly(0L, 8L);
        }
    }

    @Test
    void updateAppliesFromItsTimestamp() throws Exception {
        // The update arrives after the frames but before the watermark, and applies from frame 20 on.
        DefinitionUpdate fromFrame20 = new DefinitionUpdate(ZoneScene.DRONE, ZoneScene.captureMicros(20), ZoneScene.DEFINITIONS);
        try (var harness = harness(CONFIG)) {
            harness.open();
            for (FrameDetections frame : ZoneScene.frames()) {
                harness.processElement(frame, millis(frame));
            }
            harness.processBroadcastElement(fromFrame20, ZoneScene.captureMicros(20) / 1000);
            harness.processBroadcastWatermark(Watermark.MAX_WATERMARK);
            harness.processWatermark(Watermark.MAX_WATERMARK);

            List<AnalyticsEvent> zoneAndLine = harness.extractOutputValues().stream()
                    .filter(event -> event.getEventType() != AnalyticsEventType.CLASS_COUNTS).toList();
            assertThat(zoneAndLine).extracting(AnalyticsEvent::getTrackId).containsExactly(2L, 1L);
            assertThat(zoneAndLine).extracting(AnalyticsEvent::getFrameSequence).containsExactly(20L, 28L);
        }
    }

    @Test
    void removalExitsRemovedZone() throws Exception {
        DefinitionUpdate removal = new DefinitionUpdate(ZoneScene.DRONE, ZoneScene.captureMicros(25), null);

        List<AnalyticsEvent> person = ofTrack(run(List.of(FROM_START, removal), ZoneScene.frames()), 2L);

        assertThat(person).extracting(AnalyticsEvent::getEventType)
                .containsExactly(AnalyticsEventType.ZONE_ENTERED, AnalyticsEventType.ZONE_EXITED);
        assertThat(person.get(1).getFrameSequence()).isEqualTo(25L);
        assertThat(person.get(1).getExit().getCause()).isEqualTo(ZoneExitCause.ZONE_REMOVED);
    }

    @Test
    void missedDetectionsKeepStay() throws Exception {
        List<AnalyticsEvent> events = run(List.of(FROM_START), ZoneScene.frames(Set.of(10, 11, 12, 13, 14)));

        assertThat(ofTrack(events, 2L)).extracting(AnalyticsEvent::getEventType)
                .containsExactly(AnalyticsEventType.ZONE_ENTERED);
    }

    @Test
    void lostTrackEndsAfterMaxLostTime() throws Exception {
        Set<Integer> gone = new TreeSet<>();
        for (int frame = 16; frame < ZoneScene.FRAMES; frame++) {
            gone.add(frame);
        }

        List<AnalyticsEvent> person = ofTrack(run(List.of(FROM_START), ZoneScene.frames(gone)), 2L);

        // Last matched in frame 15; 600 ms later, in frame 21, it has been lost for longer than 500 ms.
        assertThat(person).extracting(AnalyticsEvent::getFrameSequence).containsExactly(0L, 21L);
        assertThat(person.get(1).getExit().getCause()).isEqualTo(ZoneExitCause.TRACK_ENDED);
        assertThat(person.get(1).getPixelX()).isNull();
    }

    @Test
    void newSessionEndsPreviousTracks() throws Exception {
        List<FrameDetections> frames = new ArrayList<>(ZoneScene.frames().subList(0, 5));
        frames.add(ZoneScene.frame("s2", 5, List.of()));

        List<AnalyticsEvent> person = ofTrack(run(List.of(FROM_START), frames), 2L);

        assertThat(person).extracting(AnalyticsEvent::getEventType)
                .containsExactly(AnalyticsEventType.ZONE_ENTERED, AnalyticsEventType.ZONE_EXITED);
        assertThat(person.get(1).getSessionId()).isEqualTo("s2");
        assertThat(person.get(1).getExit().getCause()).isEqualTo(ZoneExitCause.TRACK_ENDED);
    }

    @ParameterizedTest(name = "restored after {0} frames, {1} state")
    @CsvSource({"3, hashmap", "9, hashmap", "19, hashmap", "28, hashmap", "19, rocksdb"})
    void restoreMatchesUninterruptedRun(int cut, String stateBackend) throws Exception {
        List<AnalyticsEvent> expected = runWithWatermarks(ZoneScene.frames(), ZoneScene.FRAMES, "hashmap");

        List<AnalyticsEvent> restored = runWithWatermarks(ZoneScene.frames(), cut, stateBackend);

        assertThat(expected).as("events of the uninterrupted run").hasSizeGreaterThan(6);
        assertThat(restored).containsExactlyElementsOf(expected);
    }

    /**
     * Runs the scene with a watermark 250 ms behind each frame, so that frames wait in state, takes
     * a snapshot after {@code cut} frames and continues in a fresh operator restored from it.
     */
    private static List<AnalyticsEvent> runWithWatermarks(List<FrameDetections> frames, int cut, String stateBackend)
            throws Exception {
        List<AnalyticsEvent> events = new ArrayList<>();
        OperatorSubtaskState snapshot;
        try (var harness = harness(CONFIG, stateBackend)) {
            harness.open();
            harness.processBroadcastElement(FROM_START, 0);
            harness.processBroadcastWatermark(Watermark.MAX_WATERMARK);
            process(harness, frames.subList(0, cut));
            events.addAll(harness.extractOutputValues());
            snapshot = harness.snapshot(1, 1);
        }
        try (var harness = harness(CONFIG, stateBackend)) {
            harness.initializeState(snapshot);
            harness.open();
            // The control source reads its records again after a restore; here there are none left.
            harness.processBroadcastWatermark(Watermark.MAX_WATERMARK);
            process(harness, frames.subList(cut, frames.size()));
            harness.processWatermark(Watermark.MAX_WATERMARK);
            events.addAll(harness.extractOutputValues());
        }
        return events;
    }

    private static void process(KeyedBroadcastOperatorTestHarness<String, FrameDetections, DefinitionUpdate, AnalyticsEvent> harness,
            List<FrameDetections> frames) throws Exception {
        for (FrameDetections frame : frames) {
            harness.processElement(frame, millis(frame));
            harness.processWatermark(millis(frame) - 250);
        }
    }

    private static List<AnalyticsEvent> run(List<DefinitionUpdate> updates, List<FrameDetections> frames) throws Exception {
        try (var harness = harness(CONFIG)) {
            harness.open();
            for (DefinitionUpdate update : updates) {
                harness.processBroadcastElement(update, update.getEffectiveMicros() / 1000);
            }
            harness.processBroadcastWatermark(Watermark.MAX_WATERMARK);
            for (FrameDetections frame : frames) {
                harness.processElement(frame, millis(frame));
            }
            harness.processWatermark(Watermark.MAX_WATERMARK);
            return harness.extractOutputValues();
        }
    }

    private static List<AnalyticsEvent> ofTrack(List<AnalyticsEvent> events, long trackId) {
        return events.stream().filter(event -> event.getTrackId() != null && event.getTrackId() == trackId).toList();
    }

    private static long millis(FrameDetections frame) {
        return frame.getCaptureTimeMicros().toEpochMilli();
    }

    static KeyedBroadcastOperatorTestHarness<String, FrameDetections, DefinitionUpdate, AnalyticsEvent> harness(
            AnalysisConfig config) throws Exception {
        return harness(config, "hashmap");
    }

    static KeyedBroadcastOperatorTestHarness<String, FrameDetections, DefinitionUpdate, AnalyticsEvent> harness(
            AnalysisConfig config, String stateBackend) throws Exception {
        var harness = new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(new AnalyticsFunction(config), List.of(AnalyticsFunction.DEFINITIONS)),
                FrameDetections::getDroneId, Types.STRING, 1, 1, 0);
        harness.setup(AvroRecordTypeInfo.forClass(AnalyticsEvent.class).createSerializer(new SerializerConfigImpl()));
        Configuration backend = new Configuration();
        backend.set(StateBackendOptions.STATE_BACKEND, stateBackend);
        harness.setStateBackend(StateBackendLoader.loadStateBackendFromConfig(backend,
                AnalyticsFunctionHarnessTest.class.getClassLoader(), LoggerFactory.getLogger(AnalyticsFunctionHarnessTest.class)));
        return harness;
    }
}
