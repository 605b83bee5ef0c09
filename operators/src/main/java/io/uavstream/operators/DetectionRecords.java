package io.uavstream.operators;

import io.uavstream.models.Detection;
import io.uavstream.schemas.DetectedBox;
import io.uavstream.schemas.FrameDetections;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Converts detector output into {@link FrameDetections} records. */
final class DetectionRecords {

    private DetectionRecords() {}

    /**
     * Returns the record for one analysed frame. Pixel boxes are copied as the detector returned
     * them; normalised ones divide by the frame width and height.
     */
    static FrameDetections toFrameDetections(DecodedVideoFrame frame, List<Detection> detections, String modelId,
            long analysedAtMicros) {
        int width = frame.image().width();
        int height = frame.image().height();
        List<DetectedBox> boxes = new ArrayList<>(detections.size());
        for (Detection detection : detections) {
            boxes.add(DetectedBox.newBuilder()
                    .setClassId(detection.classId())
                    .setClassName(detection.className())
                    .setScore(detection.score())
                    .setX1(detection.x1())
                    .setY1(detection.y1())
                    .setX2(detection.x2())
                    .setY2(detection.y2())
                    .setX1Norm(detection.x1() / width)
                    .setY1Norm(detection.y1() / height)
                    .setX2Norm(detection.x2() / width)
                    .setY2Norm(detection.y2() / height)
                    .build());
        }
        return FrameDetections.newBuilder()
                .setDroneId(frame.droneId())
                .setSessionId(frame.sessionId())
                .setFrameSequence(frame.sequence())
                .setPtsMicros(frame.ptsMicros())
                .setCaptureTimeMicros(Instant.EPOCH.plus(frame.captureTimeMicros(), ChronoUnit.MICROS))
                .setModelId(modelId)
                .setFrameWidth(width)
                .setFrameHeight(height)
                .setBoxes(boxes)
                .setPublishedAtMicros(frame.publishedAtMicros())
                .setAnalysedAtMicros(analysedAtMicros)
                .build();
    }
}
