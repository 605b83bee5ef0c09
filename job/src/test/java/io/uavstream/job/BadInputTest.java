package io.uavstream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.ingest.DemuxedPacket;
import io.uavstream.ingest.IngestResult;
import io.uavstream.ingest.StreamDemuxer;
import io.uavstream.ingest.SyntheticVideo;
import io.uavstream.ingest.VideoSource;
import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.models.testing.SharedData;
import io.uavstream.models.testing.TinyModels;
import io.uavstream.operators.AnalysisCounters;
import io.uavstream.operators.DeadLetterErrors;
import io.uavstream.schemas.AvroCodec;
import io.uavstream.schemas.CaptureTimeSource;
import io.uavstream.schemas.DeadLetter;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.VideoPacket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the job over a clean drone next to broken input and checks that every broken record lands
 * in the dead-letter topic with its reason while the clean drone's output stays complete.
 */
class BadInputTest {

    private static final String CLEAN_DRONE = "drone-a";
    private static final String BAD_DRONE = "drone-b";
    private static final String TRUNCATED_DRONE = "drone-c";

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineHarness.oneSlotCluster();

    @TempDir
    static Path directory;

    private static EmbeddedKafkaBroker kafka;
    private static Path model;
    private static PipelineHarness harness;
    private static BadRecords badRecords;
    private static IngestResult truncatedIngest;
    private static JobExecutionResult result;

    @BeforeAll
    static void publishInput() throws Exception {
        kafka = EmbeddedKafkaBroker.start();
        model = TinyModels.yolox(Files.createDirectories(directory.resolve("model")));
        harness = new PipelineHarness(kafka, "e2e-bad-input");
        Path clip = PipelineHarness.syntheticClip(directory, "clean.ts");

        harness.ingest(CLEAN_DRONE, clip);
        badRecords = BadRecords.publish(harness);
        truncatedIngest = harness.ingest(TRUNCATED_DRONE, truncatedCopy(clip));
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    private static synchronized JobExecutionResult result() throws Exception {
        if (result == null) {
            result = harness.run(harness.options(model).maxFrameSize(640, 480).build());
        }
        return result;
    }

    @Test
    void cleanDroneOutputIsComplete() throws Exception {
        result();

        List<Long> sequences = detectionsOf(harness, CLEAN_DRONE).stream()
                .map(FrameDetections::getFrameSequence)
                .sorted()
                .toList();

        assertThat(sequences).containsExactlyElementsOf(
                LongStream.range(0, PipelineHarness.CLIP_FRAMES).boxed().toList());
    }

    @Test
    void garbageRecordIsDeadLettered() throws Exception {
        DeadLetter deadLetter = deadLetterAt(badRecords.garbageOffset());

        assertThat(deadLetter.getErrorType()).isEqualTo(DeadLetterErrors.MALFORMED_RECORD);
        assertThat(deadLetter.getReason()).isNotBlank();
        assertThat(bytes(deadLetter.getRecordValue())).isEqualTo(badRecords.garbage());
    }

    @Test
    void wrongSchemaRecordIsDeadLettered() throws Exception {
        DeadLetter deadLetter = deadLetterAt(badRecords.wrongSchemaOffset());

        assertThat(deadLetter.getErrorType()).isIn(DeadLetterErrors.MALFORMED_RECORD,
                DeadLetterErrors.INVALID_FIELD, DeadLetterErrors.KEY_MISMATCH);
        assertThat(deadLetter.getReason()).isNotBlank();
    }

    @Test
    void unknownCodecPacketIsDeadLettered() throws Exception {
        DeadLetter deadLetter = deadLetterAt(badRecords.unknownCodecOffset());

        assertThat(deadLetter.getErrorType()).isEqualTo(DeadLetterErrors.UNSUPPORTED_CODEC);
        assertThat(deadLetter.getReason()).contains(BadRecords.UNKNOWN_CODEC);
        assertThat(deadLetter.getDroneId()).isEqualTo(BAD_DRONE);
    }

    @Test
    void oversizedFramePacketIsDeadLettered() throws Exception {
        DeadLetter deadLetter = deadLetterAt(badRecords.oversizedOffset());

        assertThat(deadLetter.getErrorType()).isEqualTo(DeadLetterErrors.FRAME_TOO_LARGE);
        assertThat(deadLetter.getReason()).contains("1280").contains("720");
        assertThat(deadLetter.getDroneId()).isEqualTo(BAD_DRONE);
    }

    @Test
    void deadLettersAreCounted() throws Exception {
        assertThat(PipelineHarness.counter(result(), AnalysisCounters.DEAD_LETTERS)).isGreaterThanOrEqualTo(4);
    }

    @Test
    void truncatedFileIsCountedAndAnalysed() throws Exception {
        long corruptFrames = PipelineHarness.counter(result(), AnalysisCounters.CORRUPT_FRAMES);

        assertThat(truncatedIngest.ending()).isEqualTo(IngestResult.Ending.DAMAGED);
        assertThat(truncatedIngest.errors()).isPositive();
        assertThat(corruptFrames).as("damaged frames; only the truncated clip has any").isPositive();
        assertThat(detectionsOf(harness, TRUNCATED_DRONE)).isNotEmpty();
    }

    @Test
    void damagedSharedVideoRunsThrough() throws Exception {
        Path damaged = SharedData.require("video/Megamind_bugy.avi");
        PipelineHarness megamind = new PipelineHarness(kafka, "e2e-megamind");
        IngestResult ingest = megamind.ingest("drone-m", damaged);

        JobExecutionResult run = megamind.run(megamind.options(model).build());
        long analysed = PipelineHarness.counter(run, AnalysisCounters.FRAMES_ANALYSED);
        long corruptFrames = PipelineHarness.counter(run, AnalysisCounters.CORRUPT_FRAMES);

        // FFmpeg decodes this file without an error, so only the artefact check finds the damage.
        assertThat(ingest.packets()).isPositive();
        assertThat(corruptFrames).as("damaged frames in %s", PipelineHarness.counters(run)).isPositive();
        assertThat(megamind.committedDetections()).hasSize((int) analysed);
    }

    private static DeadLetter deadLetterAt(long offset) throws Exception {
        result();
        Map<Long, DeadLetter> byOffset = harness.committedDeadLetters().stream()
                .filter(deadLetter -> deadLetter.getSourceTopic().equals(harness.videoTopic()))
                .collect(Collectors.toMap(DeadLetter::getSourceOffset, Function.identity(), (a, b) -> a));
        assertThat(byOffset).as("dead letters by source offset").containsKey(offset);
        return byOffset.get(offset);
    }

    private static List<FrameDetections> detectionsOf(PipelineHarness harness, String droneId) {
        return harness.committedDetections().stream()
                .filter(detections -> detections.getDroneId().equals(droneId))
                .toList();
    }

    /** Copies {@code clip} cut at 60 % of its size, inside a transport stream packet. */
    private static Path truncatedCopy(Path clip) throws Exception {
        byte[] bytes = Files.readAllBytes(clip);
        int cut = (bytes.length * 3 / 5 / 188) * 188 + 100;
        return Files.write(directory.resolve("truncated.ts"), Arrays.copyOf(bytes, cut));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    /** The broken records of {@link #BAD_DRONE}, with the offsets Kafka gave them. */
    private record BadRecords(byte[] garbage, long garbageOffset, long wrongSchemaOffset,
            long unknownCodecOffset, long oversizedOffset) {

        static final String UNKNOWN_CODEC = "nosuchcodec";

        static BadRecords publish(PipelineHarness harness) throws Exception {
            byte[] garbage = new byte[512];
            new Random(7).nextBytes(garbage);
            try (KafkaProducer<byte[], byte[]> producer = producer(harness.bootstrapServers())) {
                long garbageOffset = send(producer, harness, garbage);
                long wrongSchemaOffset = send(producer, harness, wrongSchemaValue());
                long unknownCodecOffset = send(producer, harness,
                        AvroCodec.of(VideoPacket.class).encode(unknownCodecPacket()));
                long oversizedOffset = send(producer, harness,
                        AvroCodec.of(VideoPacket.class).encode(oversizedPacket()));
                return new BadRecords(garbage, garbageOffset, wrongSchemaOffset, unknownCodecOffset, oversizedOffset);
            }
        }

        /** Returns a valid Avro record of another type: detections where a video packet belongs. */
        private static byte[] wrongSchemaValue() {
            FrameDetections detections = FrameDetections.newBuilder()
                    .setDroneId(BAD_DRONE)
                    .setSessionId("not-a-video-session")
                    .setFrameSequence(0)
                    .setPtsMicros(0)
                    .setCaptureTimeMicros(Instant.now())
                    .setModelId("some-model")
                    .setFrameWidth(320)
                    .setFrameHeight(240)
                    .setBoxes(List.of())
                    .build();
            return AvroCodec.of(FrameDetections.class).encode(detections);
        }

        /** Returns a keyframe of a codec FFmpeg does not know, in a session of its own. */
        private static VideoPacket unknownCodecPacket() {
            return VideoPacket.newBuilder()
                    .setDroneId(BAD_DRONE)
                    .setSessionId(UUID.randomUUID().toString())
                    .setSequence(0)
                    .setPtsMicros(0)
                    .setDtsMicros(0)
                    .setCaptureTimeMicros(Instant.now())
                    .setCaptureTimeSource(CaptureTimeSource.WALL_CLOCK_PLUS_PTS)
                    .setKeyframe(true)
                    .setCodec(UNKNOWN_CODEC)
                    .setWidth(320)
                    .setHeight(240)
                    .setAccessUnit(ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 0x65, 0x11}))
                    .build();
        }

        /** Returns the real first access unit of a 1280x720 clip, over the job's 640x480 limit. */
        private static VideoPacket oversizedPacket() throws Exception {
            Path large = SyntheticVideo.builder().frames(2).size(1280, 720).fps(10).gop(10)
                    .write(directory.resolve("large.ts"));
            try (StreamDemuxer demuxer = StreamDemuxer.open(VideoSource.ofFile(large))) {
                DemuxedPacket first = demuxer.nextPacket();
                return first.toVideoPacket(BAD_DRONE, UUID.randomUUID().toString(), 0);
            }
        }

        private static long send(KafkaProducer<byte[], byte[]> producer, PipelineHarness harness, byte[] value)
                throws Exception {
            byte[] key = BAD_DRONE.getBytes(StandardCharsets.UTF_8);
            return producer.send(new ProducerRecord<>(harness.videoTopic(), key, value)).get().offset();
        }

        private static KafkaProducer<byte[], byte[]> producer(String bootstrapServers) {
            return new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
        }
    }
}
