package io.uavstream.cli.models;

import io.uavstream.evaluation.detection.DetectionConfig;
import io.uavstream.evaluation.detection.DetectionEvaluator;
import io.uavstream.evaluation.detection.DetectionRecord;
import io.uavstream.evaluation.detection.DetectionResult;
import io.uavstream.evaluation.detection.DetectionSet;
import io.uavstream.evaluation.geometry.BoundingBox;
import io.uavstream.evaluation.io.MotChallengeReader;
import io.uavstream.evaluation.mot.MotRecord;
import io.uavstream.models.Detection;
import io.uavstream.models.ModelDescriptor;
import io.uavstream.models.ObjectDetector;
import io.uavstream.models.ObjectDetectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * COCO-style AP50 of several models on a simulated flight directory ({@code drone-N/video.ts} and
 * {@code drone-N/gt/gt.txt} per drone), every n-th frame. Objects with visibility under
 * {@link #MIN_VISIBILITY} are ignore regions, as in the model card. Each model runs with its
 * descriptor's pre-processing and NMS, but with score threshold {@link #SCORE_THRESHOLD} and up to
 * {@link #MAX_DETECTIONS} boxes, so that the precision-recall curve reaches low scores.
 */
final class SimulatorAccuracy {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorAccuracy.class);

    static final double MIN_VISIBILITY = 0.25;
    static final float SCORE_THRESHOLD = 0.05f;
    static final int MAX_DETECTIONS = 300;

    private SimulatorAccuracy() {}

    /** Returns one result per model, in the order of {@code models}. */
    static List<DetectionResult> evaluate(List<BenchModel> models, Path flight, int every) throws IOException {
        List<Path> drones = droneDirectories(flight);
        Map<String, DetectionSet> groundTruth = new LinkedHashMap<>();
        List<Map<String, DetectionSet>> detections = new ArrayList<>();
        models.forEach(m -> detections.add(new LinkedHashMap<>()));
        List<ObjectDetector> detectors = new ArrayList<>();
        try {
            for (BenchModel model : models) {
                ModelDescriptor lowered = model.descriptor().toBuilder()
                        .scoreThreshold(SCORE_THRESHOLD).maxDetections(MAX_DETECTIONS).build();
                detectors.add(ObjectDetectors.open(lowered, 1));
            }
            for (Path drone : drones) {
                String name = drone.getFileName().toString();
                List<List<DetectionRecord>> records = new ArrayList<>();
                models.forEach(m -> records.add(new ArrayList<>()));
                Set<Integer> frames = new HashSet<>();
                VideoFrames.forEach(drone.resolve("video.ts"), every, 0, (index, image) -> {
                    int frame = index + 1;
                    frames.add(frame);
                    for (int m = 0; m < detectors.size(); m++) {
                        records.get(m).addAll(toRecords(frame, detectors.get(m).detect(image)));
                    }
                });
                groundTruth.put(name, groundTruth(drone.resolve("gt").resolve("gt.txt"), frames));
                for (int m = 0; m < models.size(); m++) {
                    detections.get(m).put(name, DetectionSet.of(records.get(m)));
                }
                LOG.info("Detected {} frames of {}", frames.size(), drone);
            }
        } finally {
            detectors.forEach(ObjectDetector::close);
        }
        DetectionConfig config = DetectionConfig.builder().classes(VisDroneClasses.EVALUATED)
                .maxDetectionsPerImage(MAX_DETECTIONS).build();
        List<DetectionResult> results = new ArrayList<>();
        for (Map<String, DetectionSet> modelDetections : detections) {
            results.add(DetectionEvaluator.evaluate(groundTruth, modelDetections, config));
        }
        return results;
    }

    private static List<Path> droneDirectories(Path flight) throws IOException {
        try (Stream<Path> entries = Files.list(flight)) {
            List<Path> drones = entries.filter(d -> Files.isRegularFile(d.resolve("video.ts"))
                    && Files.isRegularFile(d.resolve("gt").resolve("gt.txt"))).sorted().toList();
            if (drones.isEmpty()) {
                throw new IllegalArgumentException("Flight directory " + flight + " has no drone folders with"
                        + " video.ts and gt/gt.txt; pass the --out folder of uavstream simulate");
            }
            return drones;
        }
    }

    private static DetectionSet groundTruth(Path file, Set<Integer> frames) throws IOException {
        List<DetectionRecord> records = new ArrayList<>();
        for (MotRecord row : MotChallengeReader.read(file)) {
            if (frames.contains(row.frame())) {
                boolean ignored = row.confidence() == 0 || row.visibility() < MIN_VISIBILITY;
                records.add(new DetectionRecord(row.frame(), row.classId(), row.box(), 1.0, ignored));
            }
        }
        return DetectionSet.of(records);
    }

    private static List<DetectionRecord> toRecords(int frame, List<Detection> detections) {
        List<DetectionRecord> records = new ArrayList<>();
        for (Detection detection : detections) {
            OptionalInt classId = VisDroneClasses.idOf(detection.className());
            if (classId.isPresent()) {
                BoundingBox box = new BoundingBox(detection.x1(), detection.y1(), detection.x2() - detection.x1(),
                        detection.y2() - detection.y1());
                records.add(DetectionRecord.detection(frame, classId.getAsInt(), box, detection.score()));
            }
        }
        return records;
    }
}
