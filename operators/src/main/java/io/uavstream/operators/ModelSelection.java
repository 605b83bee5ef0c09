package io.uavstream.operators;

import java.util.Objects;

/**
 * A checked model record of the analytics control topic, as broadcast to {@link ModelSelectFunction}:
 * the model that one drone, or the whole fleet, uses from its next frame on. A Flink POJO.
 *
 * <p>Model records have their own keys, {@code model:<drone ID>} and {@link #FLEET_KEY}, so that
 * the compacted control topic keeps a drone's latest zone record and its latest model record side
 * by side. A drone's own selection takes precedence over the fleet's, and the fleet's over the
 * job's {@code --model}.
 */
public final class ModelSelection {

    /** Prefix of the control-record keys of model records. */
    public static final String KEY_PREFIX = "model:";

    /** Scope of a selection for every drone without one of its own. */
    public static final String FLEET = "*";

    /** Control-record key of a fleet-wide model record. */
    public static final String FLEET_KEY = KEY_PREFIX + FLEET;

    private String scope;
    private String model;
    private String topic;
    private int partition;
    private long offset;
    private long timestampMillis;

    /** For Flink's POJO serializer. */
    public ModelSelection() {}

    /**
     * @param scope the drone ID, or {@link #FLEET} for every drone without a selection of its own
     * @param model the model reference ({@code io.uavstream.models.ModelReference} text form), or
     *     null to clear the scope's selection
     * @param topic where the control record came from, with {@code partition} and {@code offset}
     * @param timestampMillis the control record's Kafka timestamp
     */
    public ModelSelection(String scope, String model, String topic, int partition, long offset, long timestampMillis) {
        this.scope = scope;
        this.model = model;
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.timestampMillis = timestampMillis;
    }

    /** Returns the control-record key of a model record for {@code droneId}, or for the fleet when it is null. */
    public static String controlKey(String droneId) {
        return KEY_PREFIX + (droneId == null ? FLEET : droneId);
    }

    /** Returns whether this selection clears its scope's model, so that the fleet's or the job's applies. */
    public boolean isClear() {
        return model == null;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
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

    /** Returns where the control record came from, as {@code topic-partition@offset}, to identify the selection. */
    String source() {
        return topic + "-" + partition + "@" + offset;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModelSelection selection && partition == selection.partition
                && offset == selection.offset && timestampMillis == selection.timestampMillis
                && Objects.equals(scope, selection.scope) && Objects.equals(model, selection.model)
                && Objects.equals(topic, selection.topic);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scope, model, topic, partition, offset);
    }

    @Override
    public String toString() {
        return "ModelSelection{scope=" + scope + ", model=" + model + ", source=" + source() + "}";
    }
}
