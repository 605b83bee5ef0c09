package io.uavstream.operators;

import io.uavstream.schemas.DetectedBox;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.tracking.geometry.Homography;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted scene for tracking tests: frames of 640x480 pixels at 10 fps from a camera that pans
 * by (3, -2) pixels per frame, with exact camera-motion homographies. A car drives through the
 * whole clip at 6 pixels per frame, a person is still from frame 5 to frame 20, and in every
 * third frame a dog is detected with a score below the tracker's new-track score.
 */
final class TrackScene {

    static final String DRONE = "drone-t";
    static final long FIRST_CAPTURE_MICROS = 1_750_000_000_000_000L;
    static final long FRAME_MICROS = 100_000;
    static final double PAN_X = 3;
    static final double PAN_Y = -2;
    static final int PERSON_FIRST_FRAME = 5;
    static final int PERSON_LAST_FRAME = 20;

    private TrackScene() {}

    /** Returns frames {@code 0} to {@code frames - 1} of session {@code sessionId}, as new objects. */
    static List<AnalysedFrame> frames(String sessionId, int frames) {
        return frames(sessionId, 0, frames, FIRST_CAPTURE_MICROS);
    }

    /** Returns the frames {@code first} to {@code end - 1}, the first one captured at {@code firstCaptureMicros}. */
    static List<AnalysedFrame> frames(String sessionId, int first, int end, long firstCaptureMicros) {
        List<AnalysedFrame> frames = new ArrayList<>();
        for (int i = first; i < end; i++) {
            frames.add(frame(sessionId, i, firstCaptureMicros + (i - first) * FRAME_MICROS, i > first));
        }
        return frames;
    }

    /** Returns the capture time of frame {@code index} of a clip that starts at the default time. */
    static long captureMicros(int index) {
        return FIRST_CAPTURE_MICROS + index * FRAME_MICROS;
    }

    private static AnalysedFrame frame(String sessionId, int index, long captureMicros, boolean withMotion) {
        double panX = PAN_X * index;
        double panY = PAN_Y * index;
        List<DetectedBox> boxes = new ArrayList<>();
        boxes.add(box(2, "car", 0.9f, 50 + 6 * index + panX, 100 + panY, 40, 30));
        if (index >= PERSON_FIRST_FRAME && index <= PERSON_LAST_FRAME) {
            boxes.add(box(0, "person", 0.8f, 300 + panX, 200 + panY, 20, 50));
        }
        if (index % 3 == 0) {
            boxes.add(box(16, "dog", 0.55f, 500 + panX, 400 + panY, 30, 20));
        }
        FrameDetections detections = FrameDetections.newBuilder()
                .setDroneId(DRONE)
                .setSessionId(sessionId)
                .setFrameSequence(index)
                .setPtsMicros(index * FRAME_MICROS)
                .setCaptureTimeMicros(Instant.EPOCH.plus(captureMicros, ChronoUnit.MICROS))
                .setModelId("scripted")
                .setFrameWidth(640)
                .setFrameHeight(480)
                .setBoxes(boxes)
                .setPublishedAtMicros(null)
                .setAnalysedAtMicros(null)
                .build();
        return new AnalysedFrame(detections, withMotion ? Homography.translation(PAN_X, PAN_Y) : null);
    }

    private static DetectedBox box(int classId, String className, float score, double x1, double y1, double width,
            double height) {
        return DetectedBox.newBuilder()
                .setClassId(classId)
                .setClassName(className)
                .setScore(score)
                .setX1((float) x1)
                .setY1((float) y1)
                .setX2((float) (x1 + width))
                .setY2((float) (y1 + height))
                .setX1Norm((float) (x1 / 640))
                .setY1Norm((float) (y1 / 480))
                .setX2Norm((float) ((x1 + width) / 640))
                .setY2Norm((float) ((y1 + height) / 480))
                .build();
    }
}
