package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.ingest.DemuxedPacket;
import io.uavstream.ingest.SyntheticVideo;
import io.uavstream.models.Detection;
import io.uavstream.models.testing.SharedData;
import io.uavstream.models.testing.TinyModels;
import io.uavstream.schemas.CaptureTimeSource;
import io.uavstream.schemas.DeadLetter;
import io.uavstream.schemas.DetectedBox;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.TrackEvent;
import io.uavstream.schemas.TrackEventType;
import io.uavstream.schemas.VideoPacket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DroneAnalysisPipelineTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(PipelineRun.PARALLELISM)
                    .build());

    private static final int FRAMES = 30;

    @TempDir
    static Path dir;

    private static Path model;
    private static List<DemuxedPacket> clip;
    private static List<DemuxedPacket> largeClip;

    @BeforeAll
    static void prepare() throws IOException {
        model = TinyModels.yolox(dir.resolve("model"));
        clip = TestPackets.demux(SyntheticVideo.builder().frames(FRAMES).size(160, 120).gop(10)
                .write(dir.resolve("clip.ts")));
        largeClip = TestPackets.demux(SyntheticVideo.builder().frames(10).size(320, 240).gop(10)
                .write(dir.resolve("large.ts")));
    }

    private static AnalysisConfig.Builder config() {
        return AnalysisConfig.builder().modelPath(model.toString());
    }

    @Test
    void everyFrameOfCleanSessionIsAnalysed() throws Exception {
        PipelineRun run = PipelineRun.of(TestPackets.session("drone-a", "s1", clip, 0), config().build());

        assertThat(run.sequencesOf("drone-a")).containsExactlyElementsOf(LongStream.range(0, FRAMES).boxed().toList());
        assertThat(run.deadLetters()).isEmpty();
        assertThat(run.counter(AnalysisCounters.FRAMES_DECODED)).isEqualTo(FRAMES);
        assertThat(run.counter(AnalysisCounters.FRAMES_ANALYSED)).isEqualTo(FRAMES);
        assertThat(run.counter(AnalysisCounters.FRAMES_SKIPPED)).isZero();
        assertThat(run.counter(AnalysisCounters.PACKETS_DROPPED)).isZero();
        assertThat(run.counter(AnalysisCounters.CORRUPT_FRAMES)).isZero();
        assertThat(run.counter(AnalysisCounters.DEAD_LETTERS)).isZero();
        assertThat(run.counter(AnalysisCounters.SESSIONS_ENDED)).isEqualTo(1);
    }

    @Test
    void detectionsCarryFrameFields() throws Exception {
        List<PacketOrDeadLetter> records = TestPackets.session("drone-a", "s1", clip, 100);

        FrameDetections frame = PipelineRun.of(records, config().build()).detectionsOf("drone-a").get(7);

        VideoPacket packet = records.get(7).packet();
        assertThat(frame.getSessionId()).isEqualTo("s1");
        assertThat(frame.getPtsMicros()).isEqualTo(packet.getPtsMicros());
        assertThat(frame.getCaptureTimeMicros()).isEqualTo(packet.getCaptureTimeMicros());
        assertThat(frame.getFrameWidth()).isEqualTo(160);
        assertThat(frame.getFrameHeight()).isEqualTo(120);
        assertThat(frame.getModelId()).isNotBlank();
        assertThat(frame.getPublishedAtMicros()).isEqualTo((TestPackets.BASE_TIMESTAMP_MILLIS + 107) * 1000);
        assertThat(frame.getAnalysedAtMicros()).isGreaterThan(frame.getPublishedAtMicros());
    }

    @Test
    void detectionsCarryPixelAndNormalisedBoxes() throws Exception {
        FrameDetections frame = PipelineRun.of(TestPackets.session("drone-a", "s1", clip, 0), config().build())
                .detectionsOf("drone-a").get(0);

        List<Detection> expected = TinyModels.expectedDetections(model, 160, 120);
        assertThat(frame.getBoxes()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            DetectedBox box = frame.getBoxes().get(i);
            Detection detection = expected.get(i);
            assertThat(box.getClassName()).isEqualTo(detection.className());
            assertThat(box.getX1()).isCloseTo(detection.x1(), org.assertj.core.data.Offset.offset(0.5f));
            assertThat(box.getY2()).isCloseTo(detection.y2(), org.assertj.core.data.Offset.offset(0.5f));
            assertThat(box.getX1Norm()).isEqualTo(box.getX1() / 160);
            assertThat(box.getY2Norm()).isEqualTo(box.getY2() / 120);
        }
    }

    @Test
    void decodeAndDetectRunInOneTask() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PipelineRun.PARALLELISM);
        AnalysisStreams streams = DroneAnalysis.apply(
                env.fromData(TestPackets.session("drone-a", "s1", clip, 0), PacketOrDeadLetterTypeInfo.INSTANCE),
                config().build());
        streams.detections().collectAsync();
        streams.deadLetters().collectAsync();

        JobGraph jobGraph = env.getStreamGraph().getJobGraph();

        assertThat(env.getConfig().isObjectReuseEnabled()).isTrue();
        List<String> vertexNames = new ArrayList<>();
        for (JobVertex vertex : jobGraph.getVertices()) {
            vertexNames.add(vertex.getName());
        }
        assertThat(vertexNames).anySatisfy(name -> assertThat(name)
                .contains("Decode video -> Detect objects -> Track objects"));
    }

    @Test
    void cleanSessionGetsTrackEvents() throws Exception {
        PipelineRun run = PipelineRun.of(TestPackets.session("drone-a", "s1", clip, 0), config().build());

        // The tiny model detects a person (0.90), a car (0.75) and a dog (0.60) in every frame, which
        // start tracks 1 to 3, and a second car (0.50) below the tracker's new-track score.
        assertThat(run.trackEvents()).filteredOn(event -> event.getEventType() == TrackEventType.STARTED)
                .extracting(TrackEvent::getClassName).containsExactly("person", "car", "dog");
        assertThat(run.trackEvents()).filteredOn(event -> event.getEventType() == TrackEventType.ENDED)
                .extracting(TrackEvent::getTrackId).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(run.trackEvents()).filteredOn(event -> event.getEventType() == TrackEventType.ENDED)
                .extracting(event -> event.getSummary().getFrames()).containsOnly(FRAMES);
        assertThat(run.detectionsOf("drone-a").get(5).getBoxes()).extracting(DetectedBox::getTrackId)
                .containsExactly(1L, 2L, 3L, null);
        assertThat(run.counter(AnalysisCounters.TRACKS_STARTED)).isEqualTo(3);
        assertThat(run.counter(AnalysisCounters.TRACKS_ENDED)).isEqualTo(3);
    }

    @Test
    void scrollingClipGetsCameraMotion() throws Exception {
        PipelineRun run = PipelineRun.of(TestPackets.session("drone-a", "s1", largeClip, 0), config().build());

        assertThat(run.counter(AnalysisCounters.CAMERA_MOTION_ESTIMATED)).isEqualTo(9);
        assertThat(run.counter(AnalysisCounters.CAMERA_MOTION_FAILED)).isZero();
        assertThat(run.counter(AnalysisCounters.CAMERA_MOTION_REFERENCE_LOST)).isZero();
    }

    @Test
    void trackingOffGivesNoTrackIds() throws Exception {
        PipelineRun run = PipelineRun.of(TestPackets.session("drone-a", "s1", clip, 0),
                config().tracking(false).build());

        assertThat(run.trackEvents()).isEmpty();
        assertThat(run.detectionsOf("drone-a")).hasSize(FRAMES);
        assertThat(run.detectionsOf("drone-a").get(5).getBoxes()).extracting(DetectedBox::getTrackId).containsOnlyNulls();
        assertThat(run.counter(AnalysisCounters.CAMERA_MOTION_ESTIMATED)).isZero();
    }

    @Test
    void compensationOffSkipsMotionEstimate() throws Exception {
        PipelineRun run = PipelineRun.of(TestPackets.session("drone-a", "s1", clip, 0),
                config().cameraMotionCompensation(false).build());

        assertThat(run.trackEvents()).isNotEmpty();
        assertThat(run.counter(AnalysisCounters.CAMERA_MOTION_ESTIMATED)).isZero();
        assertThat(run.counter(AnalysisCounters.CAMERA_MOTION_FAILED)).isZero();
    }

    @Test
    void faultyDronesDoNotStopOthers() throws Exception {
        List<PacketOrDeadLetter> good = TestPackets.session("drone-a", "s1", clip, 0);
        List<PacketOrDeadLetter> unsupported = TestPackets.wrap(TestPackets.packets(
                TestPackets.session("drone-b", "s2", clip, 0)).stream().map(packet -> {
                    VideoPacket copy = VideoPacket.newBuilder(packet).build();
                    copy.setCodec("vp9");
                    return copy;
                }).toList(), 1000);
        List<PacketOrDeadLetter> oversized = TestPackets.session("drone-c", "s3", largeClip, 2000);

        PipelineRun run = PipelineRun.of(interleave(good, unsupported, oversized),
                config().maxFrameWidth(200).maxFrameHeight(200).build());

        assertThat(run.sequencesOf("drone-a")).hasSize(FRAMES);
        assertThat(run.sequencesOf("drone-b")).isEmpty();
        assertThat(run.sequencesOf("drone-c")).isEmpty();
        List<DeadLetter> unsupportedLetters = run.deadLetters().stream()
                .filter(letter -> "drone-b".equals(letter.getDroneId())).toList();
        List<DeadLetter> oversizedLetters = run.deadLetters().stream()
                .filter(letter -> "drone-c".equals(letter.getDroneId())).toList();
        assertThat(unsupportedLetters).hasSize(FRAMES);
        assertThat(unsupportedLetters).extracting(DeadLetter::getErrorType).containsOnly(DeadLetterErrors.UNSUPPORTED_CODEC);
        assertThat(unsupportedLetters.get(0).getReason()).contains("vp9");
        assertThat(unsupportedLetters).extracting(DeadLetter::getSourceOffset)
                .containsExactlyInAnyOrderElementsOf(LongStream.range(1000, 1000 + FRAMES).boxed().toList());
        assertThat(oversizedLetters).hasSize(10);
        assertThat(oversizedLetters).extracting(DeadLetter::getErrorType).containsOnly(DeadLetterErrors.FRAME_TOO_LARGE);
        assertThat(oversizedLetters.get(0).getReason()).contains("320x240", "200x200");
        assertThat(run.counter(AnalysisCounters.DEAD_LETTERS)).isEqualTo(FRAMES + 10);
        assertThat(run.counter(AnalysisCounters.SESSIONS_ENDED)).isEqualTo(3);
    }

    @Test
    void deadLetterValueReplaysThePacket() throws Exception {
        List<PacketOrDeadLetter> unsupported = TestPackets.wrap(TestPackets.packets(
                TestPackets.session("drone-b", "s2", clip, 0)).stream().map(packet -> {
                    VideoPacket copy = VideoPacket.newBuilder(packet).build();
                    copy.setCodec("vp9");
                    return copy;
                }).toList(), 0);

        DeadLetter first = PipelineRun.of(unsupported, config().build()).deadLetters().stream()
                .filter(letter -> letter.getSourceOffset() == 0).findFirst().orElseThrow();

        VideoPacket replayed = io.uavstream.schemas.AvroCodec.of(VideoPacket.class).decode(bytes(first.getRecordValue()));
        assertThat(replayed).isEqualTo(unsupported.get(0).packet());
        assertThat(first.getSourceTopic()).isEqualTo(TestPackets.TOPIC);
    }

    @Test
    void gapsAndDuplicatesAreDropped() throws Exception {
        List<PacketOrDeadLetter> session = TestPackets.session("drone-d", "s1", clip, 0);
        List<PacketOrDeadLetter> records = new ArrayList<>(session);
        records.add(6, session.get(5));
        records.remove(session.get(12));

        PipelineRun run = PipelineRun.of(records, config().build());

        // Frames 13 to 19 predict from the missing access unit 12, so decoding resumes at keyframe 20.
        List<Long> expected = new ArrayList<>(LongStream.range(0, 12).boxed().toList());
        expected.addAll(LongStream.range(20, FRAMES).boxed().toList());
        assertThat(run.sequencesOf("drone-d")).containsExactlyElementsOf(expected);
        assertThat(run.counter(AnalysisCounters.PACKETS_DROPPED)).isEqualTo(1 + 7);
        assertThat(run.deadLetters()).isEmpty();
    }

    @Test
    void sessionJoinedMidwayWaitsForKeyframe() throws Exception {
        List<PacketOrDeadLetter> session = TestPackets.session("drone-e", "s1", clip, 0);

        PipelineRun run = PipelineRun.of(session.subList(3, session.size()), config().build());

        assertThat(run.sequencesOf("drone-e")).containsExactlyElementsOf(LongStream.range(10, FRAMES).boxed().toList());
        assertThat(run.counter(AnalysisCounters.PACKETS_DROPPED)).isEqualTo(7);
    }

    @Test
    void newSessionDrainsThePreviousOne() throws Exception {
        List<PacketOrDeadLetter> first = TestPackets.session("drone-f", "s1", clip, 0);
        List<PacketOrDeadLetter> records = new ArrayList<>(first.subList(0, 15));
        records.addAll(TestPackets.session("drone-f", "s2", clip, 100));

        PipelineRun run = PipelineRun.of(records, config().build());

        assertThat(run.detectionsOf("drone-f").stream().filter(frame -> frame.getSessionId().equals("s1"))).hasSize(15);
        assertThat(run.detectionsOf("drone-f").stream().filter(frame -> frame.getSessionId().equals("s2"))).hasSize(FRAMES);
        assertThat(run.counter(AnalysisCounters.SESSIONS_ENDED)).isEqualTo(1);
    }

    @Test
    void undecodableAccessUnitBecomesDeadLetter() throws Exception {
        List<PacketOrDeadLetter> session = TestPackets.session("drone-g", "s1", clip, 0);
        VideoPacket garbage = VideoPacket.newBuilder(session.get(4).packet()).build();
        byte[] noise = new byte[300];
        new Random(3).nextBytes(noise);
        garbage.setAccessUnit(ByteBuffer.wrap(noise));
        List<PacketOrDeadLetter> records = new ArrayList<>(session);
        records.set(4, PacketOrDeadLetter.ofPacket(garbage, TestPackets.TOPIC, 0, 4, TestPackets.BASE_TIMESTAMP_MILLIS));

        PipelineRun run = PipelineRun.of(records, config().build());

        assertThat(run.deadLetters()).hasSize(1);
        assertThat(run.deadLetters().get(0).getErrorType()).isEqualTo(DeadLetterErrors.UNDECODABLE_ACCESS_UNIT);
        assertThat(run.deadLetters().get(0).getSourceOffset()).isEqualTo(4);
        List<Long> expected = new ArrayList<>(LongStream.range(0, 4).boxed().toList());
        expected.addAll(LongStream.range(10, FRAMES).boxed().toList());
        assertThat(run.sequencesOf("drone-g")).containsExactlyElementsOf(expected);
        assertThat(run.counter(AnalysisCounters.PACKETS_DROPPED)).isEqualTo(5);
    }

    @Test
    void damagedFramesAreCountedNotAnalysed() throws Exception {
        List<PacketOrDeadLetter> session = TestPackets.session("drone-h", "s1", clip, 0);
        VideoPacket damaged = VideoPacket.newBuilder(session.get(3).packet()).build();
        byte[] accessUnit = DecodeFunction.bytes(damaged.getAccessUnit()).clone();
        for (int i = accessUnit.length / 2; i < accessUnit.length; i += 7) {
            accessUnit[i] ^= 0x5a;
        }
        damaged.setAccessUnit(ByteBuffer.wrap(accessUnit));
        List<PacketOrDeadLetter> records = new ArrayList<>(session);
        records.set(3, PacketOrDeadLetter.ofPacket(damaged, TestPackets.TOPIC, 0, 3, TestPackets.BASE_TIMESTAMP_MILLIS));

        PipelineRun run = PipelineRun.of(records, config().build());

        // Frame 3 is damaged and frames 4 to 9 predict from it; keyframe 10 is clean again.
        assertThat(run.counter(AnalysisCounters.CORRUPT_FRAMES)).isEqualTo(7);
        assertThat(run.counter(AnalysisCounters.FRAMES_DECODED)).isEqualTo(FRAMES);
        List<Long> expected = new ArrayList<>(LongStream.range(0, 3).boxed().toList());
        expected.addAll(LongStream.range(10, FRAMES).boxed().toList());
        assertThat(run.sequencesOf("drone-h")).containsExactlyElementsOf(expected);
    }

    @Test
    void deserializerDeadLettersReachOutput() throws Exception {
        DeadLetter fromDeserializer = DeadLetter.newBuilder().setSourceTopic(TestPackets.TOPIC).setSourcePartition(0)
                .setSourceOffset(77).setDroneId("drone-a").setReason("Invalid VideoPacket record")
                .setErrorType(DeadLetterErrors.MALFORMED_RECORD).setFailedAtMicros(Instant.now()).build();
        List<PacketOrDeadLetter> records = new ArrayList<>(TestPackets.session("drone-a", "s1", clip, 0));
        records.add(10, PacketOrDeadLetter.ofDeadLetter(fromDeserializer, TestPackets.BASE_TIMESTAMP_MILLIS));

        PipelineRun run = PipelineRun.of(records, config().build());

        assertThat(run.deadLetterField(DeadLetter::getSourceOffset)).containsExactly(77L);
        assertThat(run.counter(AnalysisCounters.DEAD_LETTERS)).isEqualTo(1);
        assertThat(run.sequencesOf("drone-a")).hasSize(FRAMES);
    }

    @Test
    void frameRateLimitSkipsFrames() throws Exception {
        // The clip has 10 frames per second; at most 5 are analysed, by capture time.
        PipelineRun run = PipelineRun.of(TestPackets.session("drone-a", "s1", clip, 0),
                config().maxAnalysedFps(5).build());

        assertThat(run.sequencesOf("drone-a")).containsExactlyElementsOf(
                LongStream.range(0, FRAMES).filter(i -> i % 2 == 0).boxed().toList());
        assertThat(run.counter(AnalysisCounters.FRAMES_SKIPPED)).isEqualTo(FRAMES / 2);
    }

    @Test
    void liveModeSkipsOldFrames() throws Exception {
        List<PacketOrDeadLetter> records = withCaptureTime(TestPackets.session("drone-a", "s1", clip, 0),
                Instant.parse("2020-01-01T00:00:00Z"));

        PipelineRun run = PipelineRun.of(records, config().liveMode(true).maxFrameAge(Duration.ofMinutes(1)).build());

        assertThat(run.detections()).isEmpty();
        assertThat(run.counter(AnalysisCounters.FRAMES_SKIPPED)).isEqualTo(FRAMES);
    }

    @Test
    void liveModeAnalysesRecentFrames() throws Exception {
        List<PacketOrDeadLetter> records = withCaptureTime(TestPackets.session("drone-a", "s1", clip, 0),
                Instant.now().plus(Duration.ofHours(1)));

        PipelineRun run = PipelineRun.of(records, config().liveMode(true).maxFrameAge(Duration.ofMinutes(1)).build());

        assertThat(run.detections()).hasSize(FRAMES);
        assertThat(run.counter(AnalysisCounters.FRAMES_SKIPPED)).isZero();
    }

    @Test
    void reorderedFramesKeepTheirAccessUnit() throws Exception {
        Path file = Path.of(DroneAnalysisPipelineTest.class.getResource("/video/h264-high-bframes-160x120.mkv").toURI());
        List<PacketOrDeadLetter> records = TestPackets.session("drone-b", "s1", TestPackets.demux(file), 0);

        PipelineRun run = PipelineRun.of(records, config().build());

        // With B-frames, decoding and presentation order differ: each frame must name the access
        // unit that carried it, found by its PTS.
        assertThat(run.detectionsOf("drone-b")).hasSize(20);
        assertThat(run.detectionsOf("drone-b")).allSatisfy(frame -> assertThat(frame.getPtsMicros())
                .isEqualTo(records.get((int) frame.getFrameSequence()).packet().getPtsMicros()));
    }

    @Test
    void megamindDamagedFramesAreNotAnalysed() throws Exception {
        List<DemuxedPacket> megamind = TestPackets.demux(SharedData.require("video/Megamind_bugy.avi"));

        PipelineRun run = PipelineRun.of(TestPackets.session("drone-m", "s1", megamind, 0), config().build());

        assertThat(run.counter(AnalysisCounters.FRAMES_DECODED)).isEqualTo(270);
        assertThat(run.counter(AnalysisCounters.CORRUPT_FRAMES)).isBetween(21L, 36L);
        assertThat(run.counter(AnalysisCounters.FRAMES_ANALYSED))
                .isEqualTo(270 - run.counter(AnalysisCounters.CORRUPT_FRAMES));
        assertThat(run.detections()).hasSize((int) run.counter(AnalysisCounters.FRAMES_ANALYSED));
    }

    /** Moves every packet's capture time so that the session starts at {@code start}. */
    private static List<PacketOrDeadLetter> withCaptureTime(List<PacketOrDeadLetter> records, Instant start) {
        List<PacketOrDeadLetter> moved = new ArrayList<>();
        for (PacketOrDeadLetter record : records) {
            VideoPacket packet = VideoPacket.newBuilder(record.packet()).build();
            packet.setCaptureTimeMicros(start.plusNanos(packet.getPtsMicros() * 1000));
            packet.setCaptureTimeSource(CaptureTimeSource.STREAM_CLOCK);
            moved.add(PacketOrDeadLetter.ofPacket(packet, record.topic(), record.partition(), record.offset(),
                    record.timestampMillis()));
        }
        return moved;
    }

    @SafeVarargs
    private static List<PacketOrDeadLetter> interleave(List<PacketOrDeadLetter>... sessions) {
        List<PacketOrDeadLetter> records = new ArrayList<>();
        int longest = java.util.Arrays.stream(sessions).mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (List<PacketOrDeadLetter> session : sessions) {
                if (i < session.size()) {
                    records.add(session.get(i));
                }
            }
        }
        return records;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
