package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.ingest.DemuxedPacket;
import io.uavstream.ingest.SyntheticVideo;
import io.uavstream.models.testing.SharedData;
import io.uavstream.models.testing.TinyModels;
import io.uavstream.schemas.CameraAttitude;
import io.uavstream.schemas.FlightTelemetry;
import io.uavstream.schemas.VideoPacket;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.flink.api.common.accumulators.Accumulator;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackendLoader;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Restore, GOP retention and idle-timeout behaviour of {@link DecodeFunction}, with snapshots and
 * processing time under test control. A restore is a snapshot, then a fresh operator that
 * initializes its state from it; the first operator is closed without emitting what it held.
 */
class DecodeFunctionHarnessTest {

    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    /** Named sessions, each a list of records in arrival order. */
    private static Map<String, List<PacketOrDeadLetter>> inputs;
    private static List<PacketOrDeadLetter> session;
    private static AnalysisConfig config;

    @BeforeAll
    static void prepare() throws IOException, URISyntaxException {
        List<DemuxedPacket> clip = TestPackets.demux(SyntheticVideo.builder().frames(30).size(96, 64).gop(10)
                .write(dir.resolve("clip.ts")));
        session = TestPackets.session("drone-r", "s1", clip, 0);
        config = AnalysisConfig.builder()
                .modelPath(TinyModels.yolox(dir.resolve("model")).toString())
                .decoderIdleTimeout(IDLE_TIMEOUT)
                .build();

        List<PacketOrDeadLetter> gap = new ArrayList<>(session);
        gap.remove(16);
        List<PacketOrDeadLetter> twoSessions = new ArrayList<>(session.subList(0, 15));
        twoSessions.addAll(TestPackets.session("drone-r", "s2", clip, 100));
        inputs = Map.of(
                "h264 GOP 10", session,
                "h264 B-frames", clipSession("h264-high-bframes-160x120.mkv"),
                "hevc GOP 6", clipSession("hevc-160x120-annexb.ts"),
                "undecodable unit 4", withGarbageAt(session, 4),
                "gap at 16", gap,
                "new session at 15", twoSessions);
    }

    static Stream<Arguments> restorePoints() {
        List<Arguments> points = new ArrayList<>();
        for (int cut : new int[] {1, 4, 5, 9, 10, 11, 12, 25, 30}) {
            points.add(Arguments.of("h264 GOP 10", cut, "hashmap"));
        }
        for (int cut : new int[] {1, 2, 3, 5, 9, 10, 11, 12, 13, 19, 20}) {
            points.add(Arguments.of("h264 B-frames", cut, "hashmap"));
        }
        for (int cut : new int[] {3, 6, 7, 12}) {
            points.add(Arguments.of("hevc GOP 6", cut, "hashmap"));
        }
        for (int cut : new int[] {4, 5, 7, 11}) {
            points.add(Arguments.of("undecodable unit 4", cut, "hashmap"));
        }
        for (int cut : new int[] {14, 16, 18}) {
            points.add(Arguments.of("gap at 16", cut, "hashmap"));
        }
        for (int cut : new int[] {13, 15, 17}) {
            points.add(Arguments.of("new session at 15", cut, "hashmap"));
        }
        points.add(Arguments.of("h264 GOP 10", 5, "rocksdb"));
        points.add(Arguments.of("h264 GOP 10", 11, "rocksdb"));
        points.add(Arguments.of("h264 B-frames", 12, "rocksdb"));
        return points.stream();
    }

    @ParameterizedTest(name = "{0}, restored after {1} records, {2} state")
    @MethodSource("restorePoints")
    void restoreMatchesUninterruptedRun(String input, int cut, String stateBackend) throws Exception {
        List<PacketOrDeadLetter> records = inputs.get(input);
        List<DecodedVideoFrame> expected = uninterrupted(records, config);

        List<DecodedVideoFrame> restored = new ArrayList<>();
        OperatorSubtaskState snapshot;
        try (var harness = harness(config, stateBackend)) {
            harness.open();
            process(harness, records.subList(0, cut));
            restored.addAll(harness.extractOutputValues());
            snapshot = harness.snapshot(1, 1);
        }
        try (var harness = harness(config, stateBackend)) {
            harness.initializeState(snapshot);
            harness.open();
            process(harness, records.subList(cut, records.size()));
            restored.addAll(harness.extractOutputValues());
        }

        assertThat(expected).as("frames of the uninterrupted run").isNotEmpty();
        assertSameFrames(restored, expected);
    }

    @Test
    void restoreRebuildsDecoderOnce() throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = harness(config, "hashmap")) {
            harness.open();
            process(harness, session.subList(0, 5));
            snapshot = harness.snapshot(1, 1);
        }

        try (var restored = harness(config, "hashmap")) {
            restored.initializeState(snapshot);
            restored.open();
            process(restored, session.subList(5, session.size()));

            // The artefact check held frame 4 at the snapshot; the rebuilt decoder emits it once.
            assertThat(sequences(restored)).containsExactlyElementsOf(LongStream.range(4, 30).boxed().toList());
            assertThat(counter(restored, AnalysisCounters.DECODERS_REBUILT)).isEqualTo(1);
            assertThat(counter(restored, AnalysisCounters.PACKETS_DROPPED)).isZero();
            assertThat(counter(restored, AnalysisCounters.FRAMES_DECODED)).isEqualTo(26);
        }
    }

    @ParameterizedTest(name = "limit on {0}")
    @ValueSource(strings = {"access units", "bytes"})
    void gopOverLimitRestoreWaitsForKeyframe(String limit) throws Exception {
        AnalysisConfig limited = limitedTo(limit, 4);
        List<DecodedVideoFrame> before;
        OperatorSubtaskState snapshot;
        try (var harness = harness(limited, "hashmap")) {
            harness.open();
            process(harness, session.subList(0, 5));
            before = harness.extractOutputValues();
            snapshot = harness.snapshot(1, 1);
            assertThat(counter(harness, AnalysisCounters.GOP_RETENTION_OVERFLOWS)).isEqualTo(1);
        }

        try (var restored = harness(limited, "hashmap")) {
            restored.initializeState(snapshot);
            restored.open();
            process(restored, session.subList(5, session.size()));

            // Units 0 to 3 fitted the limit and unit 4 did not, so frame 4, held by the artefact
            // check, is lost, and access units 5 to 9 wait for keyframe 10.
            assertThat(before).extracting(DecodedVideoFrame::sequence).containsExactly(0L, 1L, 2L, 3L);
            assertThat(sequences(restored)).containsExactlyElementsOf(LongStream.range(10, 30).boxed().toList());
            assertThat(counter(restored, AnalysisCounters.PACKETS_DROPPED)).isEqualTo(5);
            assertThat(counter(restored, AnalysisCounters.DECODERS_REBUILT)).isZero();
        }
    }

    @Test
    void gopOverLimitKeepsLiveDecoderWhole() throws Exception {
        AnalysisConfig limited = limitedTo("access units", 4);

        try (var harness = harness(limited, "hashmap")) {
            harness.open();
            process(harness, session);

            assertSameFrames(harness.extractOutputValues(), uninterrupted(session, config));
            assertThat(counter(harness, AnalysisCounters.GOP_RETENTION_OVERFLOWS)).isEqualTo(3);
        }
    }

    @Test
    void gopRetainedAfterOverLimitRebuildsDecoder() throws Exception {
        AnalysisConfig limited = limitedTo("access units", 4);
        OperatorSubtaskState snapshot;
        List<DecodedVideoFrame> frames = new ArrayList<>();
        try (var harness = harness(limited, "hashmap")) {
            harness.open();
            // Keyframe 10 starts a new retained GOP, which a rebuild can replay once its frame is out.
            process(harness, session.subList(0, 13));
            frames.addAll(harness.extractOutputValues());
            snapshot = harness.snapshot(1, 1);
        }

        try (var restored = harness(limited, "hashmap")) {
            restored.initializeState(snapshot);
            restored.open();
            process(restored, session.subList(13, session.size()));
            frames.addAll(restored.extractOutputValues());

            assertSameFrames(frames, uninterrupted(session, config));
            assertThat(counter(restored, AnalysisCounters.DECODERS_REBUILT)).isEqualTo(1);
        }
    }

    @Test
    void ptsDisorderRestoreWaitsForKeyframe() throws Exception {
        // Access units 2 and 3 swap their PTS, so their frames come out of PTS order.
        List<PacketOrDeadLetter> records = new ArrayList<>(session);
        VideoPacket second = VideoPacket.newBuilder(session.get(2).packet()).build();
        VideoPacket third = VideoPacket.newBuilder(session.get(3).packet()).build();
        second.setPtsMicros(session.get(3).packet().getPtsMicros());
        third.setPtsMicros(session.get(2).packet().getPtsMicros());
        records.set(2, PacketOrDeadLetter.ofPacket(second, TestPackets.TOPIC, 0, 2, TestPackets.BASE_TIMESTAMP_MILLIS));
        records.set(3, PacketOrDeadLetter.ofPacket(third, TestPackets.TOPIC, 0, 3, TestPackets.BASE_TIMESTAMP_MILLIS));
        OperatorSubtaskState snapshot;
        try (var harness = harness(config, "hashmap")) {
            harness.open();
            process(harness, records.subList(0, 5));
            snapshot = harness.snapshot(1, 1);
        }

        try (var restored = harness(config, "hashmap")) {
            restored.initializeState(snapshot);
            restored.open();
            process(restored, records.subList(5, records.size()));

            // No frame is emitted twice: the restore waits for keyframe 10, as without retention.
            assertThat(sequences(restored)).containsExactlyElementsOf(LongStream.range(10, 30).boxed().toList());
            assertThat(counter(restored, AnalysisCounters.DECODERS_REBUILT)).isZero();
            assertThat(counter(restored, AnalysisCounters.PACKETS_DROPPED)).isEqualTo(5);
        }
    }

    @Test
    void megamindRestoreEmitsNoFrameTwice() throws Exception {
        // The demuxer derives this AVI file's PTS from DTS, so its frames come out of PTS order.
        List<PacketOrDeadLetter> records = TestPackets.session("drone-r", "s1",
                TestPackets.demux(SharedData.require("video/Megamind_bugy.avi")), 0);
        Map<Long, Long> expected = countByPts(uninterrupted(records, config));

        List<DecodedVideoFrame> restored = new ArrayList<>();
        OperatorSubtaskState snapshot;
        try (var harness = harness(config, "hashmap")) {
            harness.open();
            process(harness, records.subList(0, 101));
            restored.addAll(harness.extractOutputValues());
            snapshot = harness.snapshot(1, 1);
        }
        try (var harness = harness(config, "hashmap")) {
            harness.initializeState(snapshot);
            harness.open();
            process(harness, records.subList(101, records.size()));
            restored.addAll(harness.extractOutputValues());
        }

        assertThat(restored).isNotEmpty();
        countByPts(restored).forEach((pts, count) -> assertThat(count)
                .as("frames at PTS %d us", pts)
                .isLessThanOrEqualTo(expected.getOrDefault(pts, 0L)));
    }

    @Test
    void idleDecoderIsRebuiltOnNextPacket() throws Exception {
        try (var harness = harness(config, "hashmap")) {
            harness.open();
            harness.setProcessingTime(0);
            process(harness, session.subList(0, 5));
            // The artefact check delays each frame by one frame, so frame 4 waits for frame 5 or a drain.
            assertThat(sequences(harness)).containsExactly(0L, 1L, 2L, 3L);

            harness.setProcessingTime(IDLE_TIMEOUT.toMillis());
            assertThat(sequences(harness)).containsExactly(0L, 1L, 2L, 3L, 4L);

            process(harness, session.subList(5, session.size()));
            assertSameFrames(harness.extractOutputValues(), uninterrupted(session, config));
            assertThat(counter(harness, AnalysisCounters.DECODERS_REBUILT)).isEqualTo(1);
            assertThat(counter(harness, AnalysisCounters.PACKETS_DROPPED)).isZero();
        }
    }

    @Test
    void activeDecoderOutlivesTimer() throws Exception {
        try (var harness = harness(config, "hashmap")) {
            harness.open();
            harness.setProcessingTime(0);
            process(harness, session.subList(0, 5));
            harness.setProcessingTime(IDLE_TIMEOUT.toMillis() - 1);
            process(harness, session.subList(5, 6));

            harness.setProcessingTime(IDLE_TIMEOUT.toMillis());
            process(harness, session.subList(6, session.size()));

            assertThat(sequences(harness)).containsExactlyElementsOf(LongStream.range(0, 30).boxed().toList());
            assertThat(counter(harness, AnalysisCounters.DECODERS_REBUILT)).isZero();
        }
    }

    @Test
    void rebuiltDecoderKeepsTelemetry() throws Exception {
        List<VideoPacket> packets = new ArrayList<>();
        for (VideoPacket packet : TestPackets.packets(session)) {
            packets.add(VideoPacket.newBuilder(packet).setTelemetry(packet.getEndOfStream() ? null
                    : FlightTelemetry.newBuilder()
                            .setSampleTimeMicros(packet.getCaptureTimeMicros())
                            .setHeightAboveGroundMetres(50.0 + packet.getSequence())
                            .setCameraAttitude(new CameraAttitude(0.0, 1.0, 0.0, 0.0))
                            .build()).build());
        }
        List<PacketOrDeadLetter> records = TestPackets.wrap(packets, 0);
        OperatorSubtaskState snapshot;
        try (var harness = harness(config, "hashmap")) {
            harness.open();
            process(harness, records.subList(0, 5));
            snapshot = harness.snapshot(1, 1);
        }

        try (var restored = harness(config, "hashmap")) {
            restored.initializeState(snapshot);
            restored.open();
            process(restored, records.subList(5, records.size()));

            // Frame 4 comes out of the decoder rebuilt from the retained access units.
            List<DecodedVideoFrame> frames = restored.extractOutputValues();
            assertThat(frames.get(0).sequence()).isEqualTo(4);
            assertThat(counter(restored, AnalysisCounters.DECODERS_REBUILT)).isEqualTo(1);
            for (DecodedVideoFrame frame : frames) {
                assertThat(frame.telemetry()).as("telemetry of frame %d", frame.sequence()).isNotNull();
                assertThat(frame.telemetry().getHeightAboveGroundMetres()).as("height of frame %d", frame.sequence())
                        .isEqualTo(50.0 + frame.sequence());
                assertThat(frame.telemetry().getCameraAttitude().getQx()).as("attitude of frame %d", frame.sequence())
                        .isEqualTo(1.0);
            }
        }
    }

    private static void assertSameFrames(List<DecodedVideoFrame> actual, List<DecodedVideoFrame> expected) {
        assertThat(actual).extracting(DecodedVideoFrame::sequence)
                .containsExactlyElementsOf(expected.stream().map(DecodedVideoFrame::sequence).toList());
        assertThat(actual).extracting(DecodedVideoFrame::sessionId)
                .containsExactlyElementsOf(expected.stream().map(DecodedVideoFrame::sessionId).toList());
        assertThat(actual).extracting(DecodedVideoFrame::ptsMicros)
                .containsExactlyElementsOf(expected.stream().map(DecodedVideoFrame::ptsMicros).toList());
        assertThat(actual).extracting(DecodedVideoFrame::captureTimeMicros)
                .containsExactlyElementsOf(expected.stream().map(DecodedVideoFrame::captureTimeMicros).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).image().pixels()).as("pixels of frame %d", expected.get(i).sequence())
                    .isEqualTo(expected.get(i).image().pixels());
        }
    }

    private static Map<Long, Long> countByPts(List<DecodedVideoFrame> frames) {
        return frames.stream().collect(Collectors.groupingBy(DecodedVideoFrame::ptsMicros, Collectors.counting()));
    }

    private static List<DecodedVideoFrame> uninterrupted(List<PacketOrDeadLetter> records, AnalysisConfig settings)
            throws Exception {
        try (var harness = harness(settings, "hashmap")) {
            harness.open();
            process(harness, records);
            return harness.extractOutputValues();
        }
    }

    /** Returns the test configuration with a retention limit that admits the first {@code units} access units. */
    private static AnalysisConfig limitedTo(String limit, int units) {
        AnalysisConfig.Builder builder = AnalysisConfig.builder()
                .modelPath(config.modelPath())
                .decoderIdleTimeout(IDLE_TIMEOUT);
        if (limit.equals("access units")) {
            return builder.maxRetainedGopAccessUnits(units).build();
        }
        long bytes = 0;
        for (PacketOrDeadLetter record : session.subList(0, units)) {
            bytes += record.packet().getAccessUnit().remaining();
        }
        return builder.maxRetainedGopBytes(bytes).build();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, PacketOrDeadLetter, DecodedVideoFrame> harness(
            AnalysisConfig settings, String stateBackend) throws Exception {
        // NOTE: the harness copies every output with a serializer from Flink's type extraction, not
        // with DecodedVideoFrameTypeInfo, so these tests cannot show that frames stay uncopied.
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DecodeFunction(settings)), PacketOrDeadLetter::droneId, Types.STRING);
        Configuration backend = new Configuration();
        backend.set(StateBackendOptions.STATE_BACKEND, stateBackend);
        harness.setStateBackend(StateBackendLoader.loadStateBackendFromConfig(backend,
                DecodeFunctionHarnessTest.class.getClassLoader(), LoggerFactory.getLogger(DecodeFunctionHarnessTest.class)));
        return harness;
    }

    private static void process(KeyedOneInputStreamOperatorTestHarness<String, PacketOrDeadLetter, DecodedVideoFrame> harness,
            List<PacketOrDeadLetter> records) throws Exception {
        for (PacketOrDeadLetter record : records) {
            harness.processElement(new StreamRecord<>(record));
        }
    }

    private static List<Long> sequences(
            KeyedOneInputStreamOperatorTestHarness<String, PacketOrDeadLetter, DecodedVideoFrame> harness) {
        return harness.extractOutputValues().stream().map(DecodedVideoFrame::sequence).toList();
    }

    /** Returns the subtask's value of one of the {@link AnalysisCounters}, 0 if never counted. */
    private static long counter(KeyedOneInputStreamOperatorTestHarness<String, PacketOrDeadLetter, DecodedVideoFrame> harness,
            String name) {
        Accumulator<?, ?> accumulator = harness.getEnvironment().getAccumulatorRegistry().getUserMap().get(name);
        return accumulator == null ? 0 : ((Number) accumulator.getLocalValue()).longValue();
    }

    private static List<PacketOrDeadLetter> withGarbageAt(List<PacketOrDeadLetter> records, int index) {
        VideoPacket garbage = VideoPacket.newBuilder(records.get(index).packet()).build();
        byte[] noise = new byte[300];
        new Random(3).nextBytes(noise);
        garbage.setAccessUnit(ByteBuffer.wrap(noise));
        List<PacketOrDeadLetter> copy = new ArrayList<>(records);
        copy.set(index, PacketOrDeadLetter.ofPacket(garbage, TestPackets.TOPIC, 0, index,
                TestPackets.BASE_TIMESTAMP_MILLIS + index));
        return copy;
    }

    /** Returns one session of the committed test clip {@code name}. */
    private static List<PacketOrDeadLetter> clipSession(String name) throws URISyntaxException {
        Path clip = Path.of(DecodeFunctionHarnessTest.class.getResource("/video/" + name).toURI());
        return TestPackets.session("drone-r", "s1", TestPackets.demux(clip), 0);
    }
}
