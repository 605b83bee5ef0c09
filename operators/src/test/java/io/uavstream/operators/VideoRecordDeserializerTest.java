package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.schemas.AvroCodec;
import io.uavstream.schemas.DeadLetter;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.VideoPacket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class VideoRecordDeserializerTest {

    private static final AvroCodec<VideoPacket> CODEC = AvroCodec.of(VideoPacket.class);
    private static final long OFFSET = 42;
    private static final long TIMESTAMP = 1_700_000_000_123L;

    private final VideoRecordDeserializer deserializer = new VideoRecordDeserializer();

    @Test
    void validRecordBecomesPacket() {
        VideoPacket packet = TestPackets.packet("drone-7", 3);

        PacketOrDeadLetter result = deserialize(key("drone-7"), CODEC.encode(packet));

        assertThat(result.packet()).isEqualTo(packet);
        assertThat(result.deadLetter()).isNull();
        assertThat(result.topic()).isEqualTo(TestPackets.TOPIC);
        assertThat(result.partition()).isEqualTo(2);
        assertThat(result.offset()).isEqualTo(OFFSET);
        assertThat(result.timestampMillis()).isEqualTo(TIMESTAMP);
    }

    @Test
    void garbageBytesBecomeDeadLetter() {
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);

        DeadLetter deadLetter = deadLetterFor(key("drone-7"), garbage);

        assertThat(deadLetter.getErrorType()).isEqualTo(DeadLetterErrors.MALFORMED_RECORD);
        assertThat(deadLetter.getReason()).contains("VideoPacket");
        assertThat(deadLetter.getDroneId()).isEqualTo("drone-7");
        assertThat(bytes(deadLetter.getRecordValue())).isEqualTo(garbage);
        assertThat(bytes(deadLetter.getRecordKey())).isEqualTo(key("drone-7"));
        assertThat(deadLetter.getSourceTopic()).isEqualTo(TestPackets.TOPIC);
        assertThat(deadLetter.getSourcePartition()).isEqualTo(2);
        assertThat(deadLetter.getSourceOffset()).isEqualTo(OFFSET);
    }

    @Test
    void detectionsRecordBecomesDeadLetter() {
        FrameDetections detections = FrameDetections.newBuilder()
                .setDroneId("drone-7").setSessionId("s").setFrameSequence(1).setPtsMicros(0)
                .setCaptureTimeMicros(Instant.EPOCH).setModelId("m").setFrameWidth(10).setFrameHeight(10)
                .setBoxes(List.of()).build();

        DeadLetter deadLetter = deadLetterFor(key("drone-7"), AvroCodec.of(FrameDetections.class).encode(detections));

        assertThat(deadLetter.getErrorType()).isEqualTo(DeadLetterErrors.MALFORMED_RECORD);
    }

    @Test
    void deadLetterRecordBecomesDeadLetter() {
        DeadLetter written = DeadLetter.newBuilder().setSourceTopic("t").setSourcePartition(0).setSourceOffset(1)
                .setReason("r").setErrorType("E").setFailedAtMicros(Instant.EPOCH).build();

        DeadLetter deadLetter = deadLetterFor(key("drone-7"), AvroCodec.of(DeadLetter.class).encode(written));

        assertThat(deadLetter.getErrorType()).isEqualTo(DeadLetterErrors.MALFORMED_RECORD);
    }

    @Test
    void nullValueBecomesDeadLetter() {
        DeadLetter deadLetter = deadLetterFor(key("drone-7"), null);

        assertThat(deadLetter.getErrorType()).isEqualTo(DeadLetterErrors.MALFORMED_RECORD);
        assertThat(deadLetter.getReason()).contains("null");
        assertThat(deadLetter.getRecordValue()).isNull();
    }

    @Test
    void keyMismatchBecomesDeadLetter() {
        DeadLetter deadLetter = deadLetterFor(key("drone-8"), CODEC.encode(TestPackets.packet("drone-7", 0)));

        assertThat(deadLetter.getErrorType()).isEqualTo(DeadLetterErrors.KEY_MISMATCH);
        assertThat(deadLetter.getReason()).contains("'drone-8'", "'drone-7'");
        assertThat(deadLetter.getDroneId()).isEqualTo("drone-7");
    }

    @Test
    void missingKeyBecomesDeadLetter() {
        DeadLetter deadLetter = deadLetterFor(null, CODEC.encode(TestPackets.packet("drone-7", 0)));

        assertThat(deadLetter.getErrorType()).isEqualTo(DeadLetterErrors.KEY_MISMATCH);
        assertThat(deadLetter.getReason()).contains("missing");
    }

    @Test
    void emptyAccessUnitBecomesDeadLetter() {
        VideoPacket packet = TestPackets.packet("drone-7", 4);
        packet.setAccessUnit(ByteBuffer.allocate(0));

        DeadLetter deadLetter = deadLetterFor(key("drone-7"), CODEC.encode(packet));

        assertThat(deadLetter.getErrorType()).isEqualTo(DeadLetterErrors.INVALID_FIELD);
        assertThat(deadLetter.getReason()).contains("accessUnit is empty");
    }

    @Test
    void endOfStreamWithoutAccessUnitIsValid() {
        VideoPacket packet = TestPackets.packet("drone-7", 4);
        packet.setAccessUnit(ByteBuffer.allocate(0));
        packet.setEndOfStream(true);

        PacketOrDeadLetter result = deserialize(key("drone-7"), CODEC.encode(packet));

        assertThat(result.isPacket()).isTrue();
    }

    @Test
    void absurdFrameSizeBecomesDeadLetter() {
        for (int[] size : new int[][] {{100_000, 120}, {160, -5}, {0, 120}}) {
            VideoPacket packet = TestPackets.packet("drone-7", 1);
            packet.setWidth(size[0]);
            packet.setHeight(size[1]);

            DeadLetter deadLetter = deadLetterFor(key("drone-7"), CODEC.encode(packet));

            assertThat(deadLetter.getErrorType()).as("size %dx%d", size[0], size[1]).isEqualTo(DeadLetterErrors.INVALID_FIELD);
            assertThat(deadLetter.getReason()).as("size %dx%d", size[0], size[1]).contains("Frame size");
        }
    }

    @Test
    void negativeSequenceBecomesDeadLetter() {
        DeadLetter deadLetter = deadLetterFor(key("drone-7"), CODEC.encode(TestPackets.packet("drone-7", -1)));

        assertThat(deadLetter.getErrorType()).isEqualTo(DeadLetterErrors.INVALID_FIELD);
        assertThat(deadLetter.getReason()).contains("sequence is negative");
    }

    @Test
    void blankCodecBecomesDeadLetter() {
        VideoPacket packet = TestPackets.packet("drone-7", 1);
        packet.setCodec(" ");

        DeadLetter deadLetter = deadLetterFor(key("drone-7"), CODEC.encode(packet));

        assertThat(deadLetter.getErrorType()).isEqualTo(DeadLetterErrors.INVALID_FIELD);
        assertThat(deadLetter.getReason()).contains("codec is blank");
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(11);
        byte[] valid = CODEC.encode(TestPackets.packet("drone-7", 1));
        for (int i = 0; i < 500; i++) {
            byte[] value = i % 2 == 0 ? new byte[random.nextInt(200)] : valid.clone();
            if (i % 2 == 0) {
                random.nextBytes(value);
            } else {
                value[random.nextInt(value.length)] ^= (byte) (1 + random.nextInt(255));
            }

            PacketOrDeadLetter result = deserialize(key("drone-7"), value);

            assertThat(result.isPacket() || result.deadLetter() != null).isTrue();
        }
    }

    private PacketOrDeadLetter deserialize(byte[] key, byte[] value) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(TestPackets.TOPIC, 2, OFFSET, TIMESTAMP,
                TimestampType.CREATE_TIME, -1, -1, key, value, new RecordHeaders(), Optional.empty());
        List<PacketOrDeadLetter> out = new ArrayList<>();
        deserializer.deserialize(record, new ListCollector<>(out));
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private DeadLetter deadLetterFor(byte[] key, byte[] value) {
        PacketOrDeadLetter result = deserialize(key, value);
        assertThat(result.isPacket()).as("record %s should be a dead letter", result).isFalse();
        return result.deadLetter();
    }

    private static byte[] key(String droneId) {
        return droneId.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
