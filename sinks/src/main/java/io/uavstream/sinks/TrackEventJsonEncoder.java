package io.uavstream.sinks;

import com.fasterxml.jackson.core.JsonGenerator;
import io.uavstream.schemas.TrackBox;
import io.uavstream.schemas.TrackEvent;
import io.uavstream.schemas.TrackSummary;
import java.io.IOException;

/**
 * Writes one {@link TrackEvent} as one line of JSON, terminated by {@code \n}, in UTF-8.
 *
 * <p>Field names and units are those of the Avro schema:
 *
 * <ul>
 *   <li>{@code droneId}, {@code sessionId}, {@code className}: strings
 *   <li>{@code eventType}: {@code STARTED}, {@code UPDATED} or {@code ENDED}
 *   <li>{@code trackId}, {@code classId}; {@code frameSequence}, the sequence number of the access
 *       unit that completed the frame of the track's latest detection
 *   <li>{@code captureTimeMicros}: capture time of that frame, UTC microseconds since the epoch
 *   <li>{@code score}: confidence of the latest detection, 0 to 1
 *   <li>{@code box}: object with {@code x1}, {@code y1}, {@code x2}, {@code y2} in pixels
 *   <li>{@code summary}: {@code null}, or for ENDED an object with {@code durationSeconds},
 *       {@code frames}, {@code meanScore}, {@code pathLengthPixels} and the box centres
 *       {@code firstCenterX}, {@code firstCenterY}, {@code lastCenterX}, {@code lastCenterY} in
 *       pixels
 * </ul>
 *
 * <p>Every field is always present, in this order.
 */
public final class TrackEventJsonEncoder extends JsonLinesEncoder<TrackEvent> {
    private static final long serialVersionUID = 1L;

    @Override
    void writeRecord(JsonGenerator json, TrackEvent event) throws IOException {
        writeEvent(json, event);
    }

    private static void writeEvent(JsonGenerator json, TrackEvent event) throws IOException {
        json.writeStartObject();
        json.writeStringField("droneId", event.getDroneId());
        json.writeStringField("sessionId", event.getSessionId());
        json.writeStringField("eventType", event.getEventType().name());
        json.writeNumberField("trackId", event.getTrackId());
        json.writeNumberField("classId", event.getClassId());
        json.writeStringField("className", event.getClassName());
        json.writeNumberField("frameSequence", event.getFrameSequence());
        json.writeNumberField("captureTimeMicros", epochMicros(event.getCaptureTimeMicros()));
        json.writeNumberField("score", event.getScore());
        writeBox(json, event.getBox());
        writeSummary(json, event.getSummary());
        json.writeEndObject();
    }

    private static void writeBox(JsonGenerator json, TrackBox box) throws IOException {
        json.writeObjectFieldStart("box");
        json.writeNumberField("x1", box.getX1());
        json.writeNumberField("y1", box.getY1());
        json.writeNumberField("x2", box.getX2());
        json.writeNumberField("y2", box.getY2());
        json.writeEndObject();
    }

    private static void writeSummary(JsonGenerator json, TrackSummary summary) throws IOException {
        if (summary == null) {
            json.writeNullField("summary");
            return;
        }
        json.writeObjectFieldStart("summary");
        json.writeNumberField("durationSeconds", summary.getDurationSeconds());
        json.writeNumberField("frames", summary.getFrames());
        json.writeNumberField("meanScore", summary.getMeanScore());
        json.writeNumberField("pathLengthPixels", summary.getPathLengthPixels());
        json.writeNumberField("firstCenterX", summary.getFirstCenterX());
        json.writeNumberField("firstCenterY", summary.getFirstCenterY());
        json.writeNumberField("lastCenterX", summary.getLastCenterX());
        json.writeNumberField("lastCenterY", summary.getLastCenterY());
        json.writeEndObject();
    }

}
