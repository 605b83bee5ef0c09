package io.uavstream.operators;

import io.uavstream.schemas.DetectedBox;
import io.uavstream.schemas.FrameDetections;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A scripted, already tracked scene for analytics tests: 640x480 frames at 10 fps from a still
 * camera. Car track 1 drives right along the image at 10 pixels per frame, its bottom centre at
 * x = 10 i + 20, y = 220 in frame i; it passes the zone from frame 8 to 18 and the line x = 300
 * between frames 27 and 28. Person track 2 is inside the zone at (150, 200) in every frame.
 */
final class ZoneScene {

    static final String DRONE = "drone-z";
    static final long FIRST_CAPTURE_MICROS = 1_750_000_000_000_000L;
    static final long FRAME_MICROS = 100_000;
    static final int FRAMES = 40;

    /** Control document: zone "yard" from x = 100 to 200, y = 150 to 250, and line "gate" down the image at x = 300. */
    static final String DEFINITIONS = """
            {"zones": [{"id": "yard", "polygon": [[100, 150], [200, 150], [200, 250], [100, 250]]}],
             "lines": [{"id": "gate", "from": [300, 0], "to": [300, 480]}]}
            """;

    private ZoneScene() {}

    static long captureMicros(int frame) {
        return FIRST_CAPTURE_MICROS + frame * FRAME_MICROS;
    }

    /** Returns every frame of session "s1" with both tracks. */
    static List<FrameDetections> frames() {
        return frames(Set.of());
    }

    /** Returns every frame of session "s1", without the person's box in the frames listed. */
    static List<FrameDetections> frames(Set<Integer> framesWithoutPerson) {
        List<FrameDetections> frames = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            List<DetectedBox> boxes = new ArrayList<>();
            boxes.add(box(2, "car", 1L, 10 * i, 180, 10 * i + 40, 220));
            if (!framesWithoutPerson.contains(i)) {
                boxes.add(box(0, "person", 2L, 140, 150, 160, 200));
            }
            frames.add(frame("s1", i, boxes));
        }
        return frames;
    }

    static FrameDetections frame(String sessionId, int index, List<DetectedBox> boxes) {
        return FrameDetections.newBuilder()
                .setDroneId(DRONE)
                .setSessionId(sessionId)
                .setFrameSequence(index)
                .setPtsMicros(index * FRAME_MICROS)
                .setCaptureTimeMicros(Instant.EPOCH.plus(captureMicros(index), ChronoUnit.MICROS))
                .setModelId("scripted")
                .setFrameWidth(640)
                .setFrameHeight(480)
                .setBoxes(boxes)
                .setPose(null)
                .setPublishedAtMicros(null)
                .setAnalysedAtMicros(null)
                .build();
    }

    static DetectedBox box(int classId, String className, Long trackId, double x1, double y1, double x2, double y2) {
        return DetectedBox.newBuilder()
                .setClassId(classId)
                .setClassName(className)
                .setScore(0.9f)
                .setX1((float) x1)
                .setY1((float) y1)
                .setX2((float) x2)
                .setY2((float) y2)
                .setX1Norm((float) (x1 / 640))
                .setY1Norm((float) (y1 / 480))
                .setX2Norm((float) (x2 / 640))
                .setY2Norm((float) (y2 / 480))
                .setTrackId(trackId)
                .build();
    }
}
