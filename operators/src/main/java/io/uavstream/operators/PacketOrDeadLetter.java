package io.uavstream.operators;

import io.uavstream.schemas.DeadLetter;
import io.uavstream.schemas.VideoPacket;
import java.io.Serializable;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One record of the video topic after deserialization: either a valid {@link VideoPacket} with the
 * Kafka coordinates it came from, or the {@link DeadLetter} that replaces an invalid record.
 * Exactly one of {@link #packet()} and {@link #deadLetter()} is non-null.
 */
@TypeInfo(PacketOrDeadLetterTypeInfo.Factory.class)
public final class PacketOrDeadLetter implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Marks an unknown Kafka coordinate or timestamp. */
    public static final long UNKNOWN = -1;

    private final VideoPacket packet;
    private final DeadLetter deadLetter;
    private final String topic;
    private final int partition;
    private final long offset;
    private final long timestampMillis;

    private PacketOrDeadLetter(VideoPacket packet, DeadLetter deadLetter, String topic, int partition, long offset,
            long timestampMillis) {
        this.packet = packet;
        this.deadLetter = deadLetter;
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.timestampMillis = timestampMillis;
    }

    /**
     * Wraps a valid packet.
     *
     * @param topic Kafka topic of the record, or null when unknown
     * @param partition Kafka partition, or {@value #UNKNOWN}
     * @param offset Kafka offset, or {@value #UNKNOWN}
     * @param timestampMillis Kafka record timestamp in epoch milliseconds (the publish time for
     *     {@code CreateTime} topics), or {@value #UNKNOWN}
     */
    public static PacketOrDeadLetter ofPacket(VideoPacket packet, String topic, int partition, long offset,
            long timestampMillis) {
        return new PacketOrDeadLetter(Objects.requireNonNull(packet, "packet"), null, topic, partition, offset,
                timestampMillis);
    }

    /** Wraps a dead letter; its Kafka coordinates are those it names. */
    public static PacketOrDeadLetter ofDeadLetter(DeadLetter deadLetter, long timestampMillis) {
        Objects.requireNonNull(deadLetter, "deadLetter");
        return new PacketOrDeadLetter(null, deadLetter, deadLetter.getSourceTopic(), deadLetter.getSourcePartition(),
                deadLetter.getSourceOffset(), timestampMillis);
    }

    /** Returns the packet, or null if this is a dead letter. */
    public VideoPacket packet() {
        return packet;
    }

    /** Returns the dead letter, or null if this is a packet. */
    public DeadLetter deadLetter() {
        return deadLetter;
    }

    /** Returns whether this is a packet. */
    public boolean isPacket() {
        return packet != null;
    }

    /** Returns the drone ID of the packet, or of the dead letter where it could be read (else null). */
    public String droneId() {
        return packet != null ? packet.getDroneId() : deadLetter.getDroneId();
    }

    /** Returns the Kafka topic of the record, or null when unknown. */
    public String topic() {
        return topic;
    }

    /** Returns the Kafka partition of the record, or {@value #UNKNOWN}. */
    public int partition() {
        return partition;
    }

    /** Returns the Kafka offset of the record, or {@value #UNKNOWN}. */
    public long offset() {
        return offset;
    }

    /** Returns the Kafka record timestamp in epoch milliseconds, or {@value #UNKNOWN}. */
    public long timestampMillis() {
        return timestampMillis;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PacketOrDeadLetter that
                && Objects.equals(packet, that.packet)
                && Objects.equals(deadLetter, that.deadLetter)
                && Objects.equals(topic, that.topic)
                && partition == that.partition
                && offset == that.offset
                && timestampMillis == that.timestampMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(packet, deadLetter, topic, partition, offset, timestampMillis);
    }

    @Override
    public String toString() {
        String where = topic + "-" + partition + "@" + offset;
        return packet != null
                ? "Packet{drone=" + packet.getDroneId() + ", session=" + packet.getSessionId() + ", sequence="
                        + packet.getSequence() + ", from=" + where + "}"
                : "DeadLetter{errorType=" + deadLetter.getErrorType() + ", reason=" + deadLetter.getReason()
                        + ", from=" + where + "}";
    }
}
