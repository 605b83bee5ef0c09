package io.uavstream.sinks;

import com.fasterxml.jackson.core.JsonGenerator;
import io.uavstream.schemas.AnalyticsEvent;
import io.uavstream.schemas.ClassCounts;
import io.uavstream.schemas.GeoPosition;
import io.uavstream.schemas.ZoneExit;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes one {@link AnalyticsEvent} as one line of JSON, terminated by {@code \n}, in UTF-8.
 *
 * <p>Field names and units are those of the Avro schema, and every field is always present, in
 * this order, null where the schema allows it:
 *
 * <ul>
 *   <li>{@code droneId}, {@code sessionId}: strings
 *   <li>{@code eventType}: {@code ZONE_ENTERED}, {@code ZONE_EXITED}, {@code LINE_CROSSED} or {@code CLASS_COUNTS}
 *   <li>{@code captureTimeMicros}: capture time of the triggering frame (window end for counts),
 *       UTC microseconds since the epoch; {@code frameSequence}: that frame's sequence number
 *   <li>{@code zoneId}, {@code lineId}, {@code trackId}, {@code className}
 *   <li>{@code pixelX}, {@code pixelY}: the track's reference point in pixels
 *   <li>{@code position}: object with {@code latitudeDegrees}, {@code longitudeDegrees} and
 *       {@code heightMetres} (WGS84)
 *   <li>{@code exit}: object with {@code enteredAtMicros}, {@code exitedAtMicros} (UTC
 *       microseconds), {@code dwellSeconds} and {@code cause}
 *   <li>{@code direction}: {@code LEFT_TO_RIGHT} or {@code RIGHT_TO_LEFT}
 *   <li>{@code counts}: object with {@code windowStartMicros}, {@code windowEndMicros} (UTC
 *       microseconds) and {@code tracksPerClass}, an object from class name to count, sorted by name
 * </ul>
 */
public final class AnalyticsEventJsonEncoder extends JsonLinesEncoder<AnalyticsEvent> {
    private static final long serialVersionUID = 1L;

    @Override
    void writeRecord(JsonGenerator json, AnalyticsEvent event) throws IOException {
        writeEvent(json, event);
    }

    private static void writeEvent(JsonGenerator json, AnalyticsEvent event) throws IOException {
        json.writeStartObject();
        json.writeStringField("droneId", event.getDroneId());
        json.writeStringField("sessionId", event.getSessionId());
        json.writeStringField("eventType", event.getEventType().name());
        json.writeNumberField("captureTimeMicros", epochMicros(event.getCaptureTimeMicros()));
        json.writeNumberField("frameSequence", event.getFrameSequence());
        json.writeStringField("zoneId", event.getZoneId());
        json.writeStringField("lineId", event.getLineId());
        writeNullableNumber(json, "trackId", event.getTrackId());
        json.writeStringField("className", event.getClassName());
        writeNullableNumber(json, "pixelX", event.getPixelX());
        writeNullableNumber(json, "pixelY", event.getPixelY());
        writePosition(json, event.getPosition());
        writeExit(json, event.getExit());
        json.writeStringField("direction", event.getDirection() == null ? null : event.getDirection().name());
        writeCounts(json, event.getCounts());
        json.writeEndObject();
    }

    private static void writeNullableNumber(JsonGenerator json, String name, Number value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else if (value instanceof Long longValue) {
            json.writeNumberField(name, longValue);
        } else {
            json.writeNumberField(name, value.floatValue());
        }
    }

    private static void writePosition(JsonGenerator json, GeoPosition position) throws IOException {
        if (position == null) {
            json.writeNullField("position");
            return;
        }
        json.writeObjectFieldStart("position");
        json.writeNumberField("latitudeDegrees", position.getLatitudeDegrees());
        json.writeNumberField("longitudeDegrees", position.getLongitudeDegrees());
        json.writeNumberField("heightMetres", position.getHeightMetres());
        json.writeEndObject();
    }

    private static void writeExit(JsonGenerator json, ZoneExit exit) throws IOException {
        if (exit == null) {
            json.writeNullField("exit");
            return;
        }
        json.writeObjectFieldStart("exit");
        json.writeNumberField("enteredAtMicros", epochMicros(exit.getEnteredAtMicros()));
        json.writeNumberField("exitedAtMicros", epochMicros(exit.getExitedAtMicros()));
        json.writeNumberField("dwellSeconds", exit.getDwellSeconds());
        json.writeStringField("cause", exit.getCause().name());
        json.writeEndObject();
    }

    private static void writeCounts(JsonGenerator json, ClassCounts counts) throws IOException {
        if (counts == null) {
            json.writeNullField("counts");
            return;
        }
        json.writeObjectFieldStart("counts");
        json.writeNumberField("windowStartMicros", epochMicros(counts.getWindowStartMicros()));
        json.writeNumberField("windowEndMicros", epochMicros(counts.getWindowEndMicros()));
        json.writeObjectFieldStart("tracksPerClass");
        for (Map.Entry<String, Integer> entry : new TreeMap<>(counts.getTracksPerClass()).entrySet()) {
            json.writeNumberField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

}
