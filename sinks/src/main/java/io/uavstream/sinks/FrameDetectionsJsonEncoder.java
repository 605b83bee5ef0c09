package io.uavstream.sinks;

import com.fasterxml.jackson.core.JsonGenerator;
import io.uavstream.schemas.DetectedBox;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.FramePose;
import java.io.IOException;

/**
 * Writes one {@link FrameDetections} as one line of JSON, terminated by {@code \n}, in UTF-8.
 *
 * <p>Field names and units are those of the Avro schema:
 *
 * <ul>
 *   <li>{@code droneId}, {@code sessionId}, {@code modelId}: strings
 *   <li>{@code frameSequence}: sequence number of the access unit that completed the frame
 *   <li>{@code ptsMicros}: presentation timestamp, microseconds
 *   <li>{@code captureTimeMicros}: capture time, UTC microseconds since the epoch
 *   <li>{@code frameWidth}, {@code frameHeight}: decoded frame size, pixels
 *   <li>{@code boxes}: array of objects with {@code classId}, {@code className}, {@code score}
 *       (0 to 1), {@code x1}, {@code y1}, {@code x2}, {@code y2} (pixels, top-left and
 *       bottom-right corner) and {@code x1Norm}, {@code y1Norm}, {@code x2Norm}, {@code y2Norm}
 *       (the same corners divided by the frame width and height), and {@code trackId}, the ID of
 *       the confirmed track that the box extends, or {@code null}
 *   <li>{@code publishedAtMicros}, {@code analysedAtMicros}: UTC microseconds, or {@code null}
 *   <li>{@code pose}: the camera pose of the frame, or {@code null}: {@code status}, {@code source}
 *       and {@code scaleSource} (enum names), {@code eastMetres}, {@code northMetres} and {@code
 *       upMetres} (camera position in local east-north-up metres), {@code qw}, {@code qx}, {@code
 *       qy}, {@code qz} (camera-to-ENU rotation), {@code fx}, {@code fy}, {@code cx}, {@code cy}
 *       (pixels), {@code originLatitudeDegrees}, {@code originLongitudeDegrees} and {@code
 *       originAltitudeMetres} (WGS84 origin of the ENU frame, {@code null} when the pose is not
 *       georeferenced), {@code inliers}, {@code motionModel} and {@code frameToFrameHomography}
 *       (row-major 3x3 array, or {@code null})
 * </ul>
 *
 * <p>Every field is always present, in this order.
 */
public final class FrameDetectionsJsonEncoder extends JsonLinesEncoder<FrameDetections> {
    private static final long serialVersionUID = 1L;

    @Override
    void writeRecord(JsonGenerator json, FrameDetections detections) throws IOException {
        writeDetections(json, detections);
    }

    private static void writeDetections(JsonGenerator json, FrameDetections detections)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("droneId", detections.getDroneId());
        json.writeStringField("sessionId", detections.getSessionId());
        json.writeNumberField("frameSequence", detections.getFrameSequence());
        json.writeNumberField("ptsMicros", detections.getPtsMicros());
        json.writeNumberField("captureTimeMicros", epochMicros(detections.getCaptureTimeMicros()));
        json.writeStringField("modelId", detections.getModelId());
        json.writeNumberField("frameWidth", detections.getFrameWidth());
        json.writeNumberField("frameHeight", detections.getFrameHeight());
        json.writeArrayFieldStart("boxes");
        for (DetectedBox box : detections.getBoxes()) {
            writeBox(json, box);
        }
        json.writeEndArray();
        writeNullableLong(json, "publishedAtMicros", detections.getPublishedAtMicros());
        writeNullableLong(json, "analysedAtMicros", detections.getAnalysedAtMicros());
        writePose(json, detections.getPose());
        json.writeEndObject();
    }

    private static void writePose(JsonGenerator json, FramePose pose) throws IOException {
        if (pose == null) {
            json.writeNullField("pose");
            return;
        }
        json.writeObjectFieldStart("pose");
        json.writeStringField("status", pose.getStatus().name());
        json.writeStringField("source", pose.getSource().name());
        json.writeStringField("scaleSource", pose.getScaleSource().name());

        json.writeNumberField("eastMetres", pose.getEastMetres());
        json.writeNumberField("northMetres", pose.getNorthMetres());
        json.writeNumberField("upMetres", pose.getUpMetres());
        json.writeNumberField("qw", pose.getQw());
        json.writeNumberField("qx", pose.getQx());
        json.writeNumberField("qy", pose.getQy());
        json.writeNumberField("qz", pose.getQz());

        json.writeNumberField("fx", pose.getFx());
        json.writeNumberField("fy", pose.getFy());
        json.writeNumberField("cx", pose.getCx());
        json.writeNumberField("cy", pose.getCy());

        writeNullableDouble(json, "originLatitudeDegrees", pose.getOriginLatitudeDegrees());
        writeNullableDouble(json, "originLongitudeDegrees", pose.getOriginLongitudeDegrees());
        writeNullableDouble(json, "originAltitudeMetres", pose.getOriginAltitudeMetres());

        json.writeNumberField("inliers", pose.getInliers());
        if (pose.getMotionModel() == null) {
            json.writeNullField("motionModel");
        } else {
            json.writeStringField("motionModel", pose.getMotionModel());
        }
        if (pose.getFrameToFrameHomography() == null) {
            json.writeNullField("frameToFrameHomography");
        } else {
            json.writeArrayFieldStart("frameToFrameHomography");
            for (double value : pose.getFrameToFrameHomography()) {
                json.writeNumber(value);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void writeBox(JsonGenerator json, DetectedBox box) throws IOException {
        json.writeStartObject();
        json.writeNumberField("classId", box.getClassId());
        json.writeStringField("className", box.getClassName());
        json.writeNumberField("score", box.getScore());
        json.writeNumberField("x1", box.getX1());
        json.writeNumberField("y1", box.getY1());
        json.writeNumberField("x2", box.getX2());
        json.writeNumberField("y2", box.getY2());
        json.writeNumberField("x1Norm", box.getX1Norm());
        json.writeNumberField("y1Norm", box.getY1Norm());
        json.writeNumberField("x2Norm", box.getX2Norm());
        json.writeNumberField("y2Norm", box.getY2Norm());
        writeNullableLong(json, "trackId", box.getTrackId());
        json.writeEndObject();
    }


    private static void writeNullableDouble(JsonGenerator json, String name, Double value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, value);
        }
    }

    private static void writeNullableLong(JsonGenerator json, String name, Long value)
            throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, value);
        }
    }
}
