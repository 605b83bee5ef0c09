package io.uavstream.cli.bench;

import io.uavstream.evaluation.geometry.BoundingBox;
import io.uavstream.evaluation.mot.MotRecord;
import io.uavstream.models.Detection;
import io.uavstream.models.ObjectDetector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a detector over every frame of a video file and returns its boxes as MOTChallenge
 * detection rows, frame numbers from 1 in decoding order. The tracking benchmark uses them in
 * place of the simulator's noisy detections.
 */
final class VideoDetections {

    private VideoDetections() {
    }

    /**
     * Detects objects in every decoded frame of {@code video}.
     *
     * @return detection rows by frame number (from 1); classes are VisDrone2019 category IDs where
     *     the model's class name has one, else {@link MotRecord#NOT_GIVEN}
     */
    static Map<Integer, List<MotRecord>> detect(Path video, ObjectDetector detector) {
        Map<Integer, List<MotRecord>> rows = new TreeMap<>();
        VideoFrames.forEach(video, image -> {
            int number = rows.size() + 1;
            rows.put(number, rowsOf(number, detector.detect(image.image())));
            return true;
        });
        return rows;
    }

    private static List<MotRecord> rowsOf(int frame, List<Detection> detections) {
        List<MotRecord> rows = new ArrayList<>(detections.size());
        for (Detection detection : detections) {
            BoundingBox box = new BoundingBox(detection.x1(), detection.y1(), detection.width(), detection.height());
            rows.add(new MotRecord(frame, MotRecord.NOT_GIVEN, box, detection.score(),
                    visDroneClass(detection.className()), MotRecord.NOT_GIVEN));
        }
        return rows;
    }

    /** Maps a model's class name to the VisDrone2019 category ID that the simulator writes. */
    static int visDroneClass(String className) {
        return switch (className.toLowerCase(Locale.ROOT)) {
            case "person", "pedestrian" -> 1;
            case "bicycle" -> 3;
            case "car" -> 4;
            case "van" -> 5;
            case "truck" -> 6;
            case "bus" -> 9;
            case "motorcycle", "motorbike", "motor" -> 10;
            default -> MotRecord.NOT_GIVEN;
        };
    }
}
