package io.uavstream.cli.bench;

import io.uavstream.evaluation.geometry.BoundingBox;
import io.uavstream.evaluation.mot.MotRecord;
import io.uavstream.ingest.DemuxedPacket;
import io.uavstream.ingest.StreamDemuxer;
import io.uavstream.ingest.VideoSource;
import io.uavstream.models.Detection;
import io.uavstream.models.ObjectDetector;
import io.uavstream.video.DecodedFrame;
import io.uavstream.video.PacketDecoder;
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
        try (StreamDemuxer demuxer = StreamDemuxer.open(VideoSource.ofFile(video))) {
            DemuxedPacket first = demuxer.nextPacket();
            if (first == null) {
                throw new IllegalArgumentException("Video has no access units: " + video);
            }
            try (PacketDecoder decoder = InferenceLoop.openDecoder(first)) {
                int[] frame = {0};
                DemuxedPacket packet = first;
                while (packet != null) {
                    addAll(rows, frame, decoder.decode(packet.accessUnit(), packet.ptsMicros(), packet.dtsMicros()), detector);
                    packet = demuxer.nextPacket();
                }
                addAll(rows, frame, decoder.drain(), detector);
            }
        }
        return rows;
    }

    private static void addAll(Map<Integer, List<MotRecord>> rows, int[] frame, List<DecodedFrame> decoded,
            ObjectDetector detector) {
        for (DecodedFrame image : decoded) {
            int number = ++frame[0];
            List<MotRecord> frameRows = new ArrayList<>();
            for (Detection detection : detector.detect(image.image())) {
                BoundingBox box = new BoundingBox(detection.x1(), detection.y1(), detection.width(), detection.height());
                frameRows.add(new MotRecord(number, MotRecord.NOT_GIVEN, box, detection.score(),
                        visDroneClass(detection.className()), MotRecord.NOT_GIVEN));
            }
            rows.put(number, frameRows);
        }
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
