package io.uavstream.operators;

import java.util.Objects;

/**
 * A checked zone and line document of one drone, as broadcast to {@link AnalyticsFunction}: it
 * applies to the drone's frames captured at or after {@code effectiveMicros}. A Flink POJO.
 */
public final class DefinitionUpdate {

    private String droneId;
    private long effectiveMicros;
    private String document;

    /** For Flink's POJO serializer. */
    public DefinitionUpdate() {}

    /**
     * @param effectiveMicros capture time in microseconds since the epoch from which the document applies
     * @param document the JSON document, which {@code DefinitionParser.parse} accepted for this
     *     drone, or null to remove the drone's zones and lines
     */
    public DefinitionUpdate(String droneId, long effectiveMicros, String document) {
        this.droneId = droneId;
        this.effectiveMicros = effectiveMicros;
        this.document = document;
    }

    public String getDroneId() {
        return droneId;
    }

    public void setDroneId(String droneId) {
        this.droneId = droneId;
    }

    public long getEffectiveMicros() {
        return effectiveMicros;
    }

    public void setEffectiveMicros(long effectiveMicros) {
        this.effectiveMicros = effectiveMicros;
    }

    public String getDocument() {
        return document;
    }

    public void setDocument(String document) {
        this.document = document;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DefinitionUpdate update && effectiveMicros == update.effectiveMicros
                && Objects.equals(droneId, update.droneId) && Objects.equals(document, update.document);
    }

    @Override
    public int hashCode() {
        return Objects.hash(droneId, effectiveMicros, document);
    }

    @Override
    public String toString() {
        return "DefinitionUpdate{droneId=" + droneId + ", effectiveMicros=" + effectiveMicros + ", removal="
                + (document == null) + "}";
    }
}
