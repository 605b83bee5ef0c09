package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.schemas.DetectedBox;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.TrackEvent;
import io.uavstream.schemas.TrackEventType;
import io.uavstream.schemas.TrackSummary;
import io.uavstream.tracking.TrackerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.LongStream;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackendLoader;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/**
 * Track IDs, track events and restores of {@link TrackFunction} on the scripted {@link TrackScene},
 * with snapshots and watermarks under test control. A restore is a snapshot, then a fresh operator
 * that initializes its state from it.
 */
class TrackFunctionHarnessTest {

    private static final int FRAMES = 40;

    private static final AnalysisConfig CONFIG = AnalysisConfig.builder()
            .modelPath("unused.json")
            .trackerConfig(TrackerConfig.builder().maxLostTime(Duration.ofMillis(500)).build())
            .trackUpdateInterval(Duration.ofMillis(300))
            .build();

    @Test
    void confirmedTracksGetEvents() throws Exception {
        Run run = Run.uninterrupted(TrackScene.frames("s1", FRAMES), "hashmap");

        assertThat(run.events).extracting(TrackEvent::getTrackId).containsOnly(1L, 2L);
        assertThat(eventsOf(run, 1)).extracting(TrackEvent::getEventType).startsWith(TrackEventType.STARTED)
                .endsWith(TrackEventType.ENDED);
        assertThat(eventsOf(run, 1)).extracting(TrackEvent::getFrameSequence)
                .containsExactly(1L, 4L, 7L, 10L, 13L, 16L, 19L, 22L, 25L, 28L, 31L, 34L, 37L, 39L);
        assertThat(eventsOf(run, 2)).extracting(TrackEvent::getEventType).containsExactly(TrackEventType.STARTED,
                TrackEventType.UPDATED, TrackEventType.UPDATED, TrackEventType.UPDATED, TrackEventType.UPDATED,
                TrackEventType.ENDED);
        assertThat(eventsOf(run, 2)).extracting(TrackEvent::getClassName).containsOnly("person");
    }

    @Test
    void endedEventSummarisesTrack() throws Exception {
        Run run = Run.uninterrupted(TrackScene.frames("s1", FRAMES), "hashmap");

        TrackEvent ended = eventsOf(run, 2).get(eventsOf(run, 2).size() - 1);
        TrackSummary summary = ended.getSummary();
        int frames = TrackScene.PERSON_LAST_FRAME - TrackScene.PERSON_FIRST_FRAME + 1;
        double step = Math.hypot(TrackScene.PAN_X, TrackScene.PAN_Y);
        assertThat(ended.getFrameSequence()).isEqualTo(TrackScene.PERSON_LAST_FRAME);
        assertThat(ended.getCaptureTimeMicros()).isEqualTo(instant(TrackScene.captureMicros(TrackScene.PERSON_LAST_FRAME)));
        assertThat(summary.getFrames()).isEqualTo(frames);
        assertThat(summary.getDurationSeconds()).isCloseTo((frames - 1) * 0.1, Offset.offset(1e-9));
        assertThat(summary.getMeanScore()).isCloseTo(0.8f, Offset.offset(1e-6f));
        assertThat(summary.getPathLengthPixels()).isCloseTo((frames - 1) * step, Offset.offset(1e-3));
        assertThat(summary.getFirstCenterX()).isEqualTo((float) (310 + TrackScene.PAN_X * TrackScene.PERSON_FIRST_FRAME));
        assertThat(summary.getLastCenterY()).isEqualTo((float) (225 + TrackScene.PAN_Y * TrackScene.PERSON_LAST_FRAME));
        assertThat(ended.getBox().getX1()).isEqualTo((float) (300 + TrackScene.PAN_X * TrackScene.PERSON_LAST_FRAME));
    }

    @Test
    void confirmedDetectionsCarryTrackId() throws Exception {
        Run run = Run.uninterrupted(TrackScene.frames("s1", FRAMES), "hashmap");

        // The car is tentative in frame 0 and confirmed from frame 1, 100 ms later.
        assertThat(carBox(run.detections.get(0)).getTrackId()).isNull();
        assertThat(run.detections.subList(1, FRAMES)).allSatisfy(frame -> assertThat(carBox(frame).getTrackId())
                .isEqualTo(1L));
        assertThat(run.detections.get(12).getBoxes()).extracting(DetectedBox::getTrackId).containsExactly(1L, 2L, null);
    }

    @ParameterizedTest(name = "restored after {0} frames, {1} state")
    @CsvSource({"1, hashmap", "2, hashmap", "6, hashmap", "13, hashmap", "21, hashmap", "26, hashmap",
        "33, hashmap", "13, rocksdb", "26, rocksdb"})
    void restoreMatchesUninterruptedRun(int cut, String stateBackend) throws Exception {
        Run expected = Run.uninterrupted(TrackScene.frames("s1", FRAMES), stateBackend);

        Run restored = Run.restoredAfter(TrackScene.frames("s1", FRAMES), cut, stateBackend);

        assertThat(expected.events).as("events of the uninterrupted run").hasSizeGreaterThan(10);
        assertThat(restored.events).containsExactlyElementsOf(expected.events);
        assertThat(restored.detections).containsExactlyElementsOf(expected.detections);
    }

    @Test
    void sameInputGivesSameTrackIds() throws Exception {
        Run first = Run.uninterrupted(TrackScene.frames("s1", FRAMES), "hashmap");
        Run second = Run.uninterrupted(TrackScene.frames("s1", FRAMES), "hashmap");

        assertThat(second.events).containsExactlyElementsOf(first.events);
    }

    @Test
    void newSessionEndsTracksAndKeepsIds() throws Exception {
        List<AnalysedFrame> frames = new ArrayList<>(TrackScene.frames("s1", 10));
        // A new session whose capture times start earlier, as after a drone reboot.
        frames.addAll(TrackScene.frames("s2", 0, 10, TrackScene.FIRST_CAPTURE_MICROS - 60_000_000));

        Run run = Run.uninterrupted(frames, "hashmap");

        List<TrackEvent> firstSession = run.events.stream().filter(event -> event.getSessionId().equals("s1")).toList();
        List<TrackEvent> secondSession = run.events.stream().filter(event -> event.getSessionId().equals("s2")).toList();
        assertThat(firstSession).filteredOn(event -> event.getEventType() == TrackEventType.ENDED)
                .extracting(TrackEvent::getTrackId).containsExactly(1L, 2L);
        assertThat(secondSession).filteredOn(event -> event.getEventType() == TrackEventType.STARTED)
                .extracting(TrackEvent::getTrackId).containsExactly(3L, 4L);
        assertThat(run.framesNotTracked()).isZero();
    }

    @Test
    void silentDroneEndsTracksAtWatermark() throws Exception {
        try (var harness = harness("hashmap")) {
            harness.open();
            process(harness, TrackScene.frames("s1", 10));
            long lastFrameMillis = TrackScene.captureMicros(9) / 1000;

            harness.processWatermark(new Watermark(lastFrameMillis + 500));
            assertThat(endedIds(harness)).isEmpty();

            harness.processWatermark(new Watermark(lastFrameMillis + 501));
            assertThat(endedIds(harness)).containsExactly(1L, 2L);
        }
    }

    @Test
    void trackEventsNameFrameModel() throws Exception {
        List<AnalysedFrame> frames = new ArrayList<>();
        for (AnalysedFrame frame : TrackScene.frames("s1", 10)) {
            boolean switched = frame.detections().getFrameSequence() >= 5;
            frame.detections().setModelId(switched ? "switched" : "scripted");
            frames.add(frame);
        }
        try (var harness = harness("hashmap")) {
            harness.open();
            process(harness, frames);
            harness.processWatermark(new Watermark(TrackScene.captureMicros(9) / 1000 + 501));

            List<TrackEvent> events = trackEvents(harness);
            assertThat(events).extracting(TrackEvent::getEventType).contains(TrackEventType.STARTED, TrackEventType.ENDED);
            for (TrackEvent event : events) {
                assertThat(event.getModelId()).as("model of %s", event)
                        .isEqualTo(event.getFrameSequence() >= 5 ? "switched" : "scripted");
            }
        }
    }

    @Test
    void gapInFramesEndsTracks() throws Exception {
        List<AnalysedFrame> frames = new ArrayList<>(TrackScene.frames("s1", 10));
        frames.addAll(TrackScene.frames("s1", 10, 20, TrackScene.captureMicros(9) + 600_000));

        Run run = Run.uninterrupted(frames, "hashmap");

        assertThat(run.events).filteredOn(event -> event.getEventType() == TrackEventType.STARTED)
                .extracting(TrackEvent::getTrackId).containsExactly(1L, 2L, 3L, 4L);
        assertThat(run.events).filteredOn(event -> event.getEventType() == TrackEventType.ENDED)
                .extracting(TrackEvent::getFrameSequence).containsExactly(9L, 9L, 19L, 19L);
    }

    @Test
    void earlierCaptureTimeIsNotTracked() throws Exception {
        List<AnalysedFrame> frames = new ArrayList<>(TrackScene.frames("s1", 10));
        frames.add(TrackScene.frames("s1", 3, 4, TrackScene.captureMicros(3)).get(0));

        Run run = Run.uninterrupted(frames, "hashmap");

        assertThat(run.framesNotTracked()).isEqualTo(1);
        assertThat(run.detections).hasSize(11);
        assertThat(run.detections.get(10).getBoxes()).extracting(DetectedBox::getTrackId).containsOnlyNulls();
    }

    @Test
    void updateIntervalZeroUpdatesEveryFrame() throws Exception {
        AnalysisConfig everyFrame = AnalysisConfig.builder()
                .modelPath("unused.json")
                .trackUpdateInterval(Duration.ZERO)
                .build();
        try (var harness = harness(everyFrame, "hashmap")) {
            harness.open();
            process(harness, TrackScene.frames("s1", 10));

            assertThat(trackEvents(harness)).filteredOn(event -> event.getTrackId() == 1L)
                    .extracting(TrackEvent::getFrameSequence)
                    .containsExactlyElementsOf(LongStream.range(1, 10).boxed().toList());
        }
    }

    private static List<TrackEvent> eventsOf(Run run, long trackId) {
        return run.events.stream().filter(event -> event.getTrackId() == trackId).toList();
    }

    private static DetectedBox carBox(FrameDetections frame) {
        return frame.getBoxes().stream().filter(box -> box.getClassName().equals("car")).findFirst().orElseThrow();
    }

    private static java.time.Instant instant(long micros) {
        return java.time.Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS);
    }

    private static List<Long> endedIds(KeyedOneInputStreamOperatorTestHarness<String, AnalysedFrame, FrameDetections> harness) {
        return trackEvents(harness).stream().filter(event -> event.getEventType() == TrackEventType.ENDED)
                .map(TrackEvent::getTrackId).toList();
    }

    /** The output of one run over a list of frames, ended by a final watermark. */
    private record Run(List<FrameDetections> detections, List<TrackEvent> events, long framesNotTracked) {

        static Run uninterrupted(List<AnalysedFrame> frames, String stateBackend) throws Exception {
            try (var harness = harness(stateBackend)) {
                harness.open();
                process(harness, frames);
                harness.processWatermark(Watermark.MAX_WATERMARK);
                return new Run(harness.extractOutputValues(), trackEvents(harness),
                        counterOf(harness, AnalysisCounters.FRAMES_NOT_TRACKED));
            }
        }

        static Run restoredAfter(List<AnalysedFrame> frames, int cut, String stateBackend) throws Exception {
            List<FrameDetections> detections = new ArrayList<>();
            List<TrackEvent> events = new ArrayList<>();
            OperatorSubtaskState snapshot;
            try (var harness = harness(stateBackend)) {
                harness.open();
                process(harness, frames.subList(0, cut));
                detections.addAll(harness.extractOutputValues());
                events.addAll(trackEvents(harness));
                snapshot = harness.snapshot(1, 1);
            }
            try (var harness = harness(stateBackend)) {
                harness.initializeState(snapshot);
                harness.open();
                process(harness, frames.subList(cut, frames.size()));
                harness.processWatermark(Watermark.MAX_WATERMARK);
                detections.addAll(harness.extractOutputValues());
                events.addAll(trackEvents(harness));
            }
            return new Run(detections, events, 0);
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, AnalysedFrame, FrameDetections> harness(
            String stateBackend) throws Exception {
        return harness(CONFIG, stateBackend);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, AnalysedFrame, FrameDetections> harness(
            AnalysisConfig config, String stateBackend) throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new TrackFunction(config)),
                frame -> frame.detections().getDroneId(), Types.STRING);
        harness.setup(AvroRecordTypeInfo.forClass(FrameDetections.class).createSerializer(new SerializerConfigImpl()));
        Configuration backend = new Configuration();
        backend.set(StateBackendOptions.STATE_BACKEND, stateBackend);
        harness.setStateBackend(StateBackendLoader.loadStateBackendFromConfig(backend,
                TrackFunctionHarnessTest.class.getClassLoader(), LoggerFactory.getLogger(TrackFunctionHarnessTest.class)));
        return harness;
    }

    private static void process(KeyedOneInputStreamOperatorTestHarness<String, AnalysedFrame, FrameDetections> harness,
            List<AnalysedFrame> frames) throws Exception {
        for (AnalysedFrame frame : frames) {
            long millis = frame.detections().getCaptureTimeMicros().toEpochMilli();
            harness.processElement(new StreamRecord<>(frame, millis));
        }
    }

    private static List<TrackEvent> trackEvents(
            KeyedOneInputStreamOperatorTestHarness<String, AnalysedFrame, FrameDetections> harness) {
        var queue = harness.getSideOutput(DroneAnalysis.TRACK_EVENTS);
        return queue == null ? List.of() : queue.stream().map(StreamRecord::getValue).filter(Objects::nonNull).toList();
    }

    private static long counterOf(KeyedOneInputStreamOperatorTestHarness<String, AnalysedFrame, FrameDetections> harness,
            String name) {
        var accumulator = harness.getEnvironment().getAccumulatorRegistry().getUserMap().get(name);
        return accumulator == null ? 0 : ((Number) accumulator.getLocalValue()).longValue();
    }
}
