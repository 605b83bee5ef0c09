package io.uavstream.operators;

import java.util.Arrays;
import java.util.Objects;

/**
 * One record of the analytics control topic as read, before parsing: the drone ID from the key,
 * the value bytes, and where the record came from. A Flink POJO, so it needs no Kryo.
 */
public final class ControlRecord {

    private String droneId;
    private byte[] value;
    private String topic;
    private int partition;
    private long offset;
    private long timestampMillis;

    /** For Flink's POJO serializer. */
    public ControlRecord() {}

    /**
     * @param droneId the record key as UTF-8, or null when the record has no key
     * @param value the value bytes, or null for a tombstone
     * @param timestampMillis the Kafka record timestamp in milliseconds since the epoch
     */
    public ControlRecord(String droneId, byte[] value, String topic, int partition, long offset, long timestampMillis) {
        this.droneId = droneId;
        this.value = value;
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.timestampMillis = timestampMillis;
    }

    /** Returns whether the value is null or empty, which removes the drone's definitions. */
    public boolean isRemoval() {
        return value == null || value.length == 0;
    }

    public String getDroneId() {
        return droneId;
    }

    public void setDroneId(String droneId) {
        this.droneId = droneId;
    }

    public byte[] getValue() {
        return value;
    }

    public void setValue(byte[] value) {
        this.value = value;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public int getPartition() {
        return partition;
    }

    public void setPartition(int partition) {
        this.partition = partition;
    }

    public long getOffset() {
        return offset;
    }

    public void setOffset(long offset) {
        this.offset = offset;
    }

    public long getTimestampMillis() {
        return timestampMillis;
    }

    public void setTimestampMillis(long timestampMillis) {
        this.timestampMillis = timestampMillis;
    }

    @Override
    public String toString() {
        return "ControlRecord{droneId=" + droneId + ", topic=" + topic + ", partition=" + partition + ", offset="
                + offset + ", timestampMillis=" + timestampMillis + ", valueBytes="
                + (value == null ? "null" : Integer.toString(value.length)) + "}";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ControlRecord record && partition == record.partition && offset == record.offset
                && timestampMillis == record.timestampMillis && Objects.equals(droneId, record.droneId)
                && Objects.equals(topic, record.topic) && Arrays.equals(value, record.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(droneId, topic, partition, offset);
    }
}
