package io.uavstream.operators;

import io.uavstream.schemas.AvroCodec;
import io.uavstream.schemas.DeadLetter;
import io.uavstream.schemas.VideoPacket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Builds dead letters for packets that passed deserialization but failed later. */
final class DeadLetters {

    private final AvroCodec<VideoPacket> codec = AvroCodec.of(VideoPacket.class);

    /**
     * Returns the dead letter for {@code record}. The value is the packet encoded again, which gives
     * the original bytes because Avro binary encoding is deterministic. An unknown topic becomes
     * the empty string, an unknown partition or offset {@value PacketOrDeadLetter#UNKNOWN}.
     */
    DeadLetter of(PacketOrDeadLetter record, String errorType, String reason) {
        VideoPacket packet = record.packet();
        return DeadLetter.newBuilder()
                .setSourceTopic(record.topic() == null ? "" : record.topic())
                .setSourcePartition(record.partition())
                .setSourceOffset(record.offset())
                .setDroneId(packet.getDroneId())
                .setReason(reason)
                .setErrorType(errorType)
                .setRecordKey(ByteBuffer.wrap(packet.getDroneId().getBytes(StandardCharsets.UTF_8)))
                .setRecordValue(ByteBuffer.wrap(codec.encode(packet)))
                .setFailedAtMicros(Instant.now())
                .build();
    }
}
