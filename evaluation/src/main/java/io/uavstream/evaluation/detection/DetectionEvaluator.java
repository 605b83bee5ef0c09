package io.uavstream.evaluation.detection;

import io.uavstream.evaluation.detection.CocoMatcher.ImageMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores detector output against ground truth with COCO-style average precision (T.-Y. Lin et
 * al., "Microsoft COCO: Common Objects in Context", ECCV 2014): AP at IoU 0.50, at 0.75, and
 * averaged over 0.50:0.05:0.95, per class and as the mean over classes. See {@link CocoMatcher}
 * for the matching and {@link AveragePrecision} for the interpolation. The combined rows pool
 * the images of all sequences before the precision-recall curve is built.
 *
 * <p>NOTE: COCO's per-area results (small, medium, large) and average recall are not computed.
 */
public final class DetectionEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(DetectionEvaluator.class);

    private DetectionEvaluator() {
    }

    /**
     * Evaluates every sequence of {@code groundTruth}, in name order.
     *
     * @param groundTruth ground truth by sequence name
     * @param detections detector output by sequence name. A missing sequence is scored as empty
     *     output (and logged)
     * @throws IllegalArgumentException if {@code detections} names a sequence without ground truth
     */
    public static DetectionResult evaluate(Map<String, DetectionSet> groundTruth, Map<String, DetectionSet> detections,
                                           DetectionConfig config) {
        Objects.requireNonNull(config, "config");
        for (String name : detections.keySet()) {
            if (!groundTruth.containsKey(name)) {
                throw new IllegalArgumentException("Detections name sequence '" + name
                        + "', which has no ground truth. Ground truth has " + new TreeMap<>(groundTruth).keySet());
            }
        }
        NavigableSet<Integer> classes = classesToEvaluate(groundTruth, detections, config);
        Map<Integer, ClassAccumulator> combined = newAccumulators(classes);
        List<DetectionRow> rows = new ArrayList<>();
        for (Map.Entry<String, DetectionSet> entry : new TreeMap<>(groundTruth).entrySet()) {
            String name = entry.getKey();
            DetectionSet predicted = detections.get(name);
            if (predicted == null) {
                LOG.warn("No detections for sequence {}, so it is scored as empty detector output", name);
                predicted = DetectionSet.empty();
            }
            Map<Integer, ClassAccumulator> perSequence = newAccumulators(classes);
            accumulate(entry.getValue(), predicted, config, perSequence, combined);
            addRows(name, perSequence, rows);
        }
        addRows(DetectionRow.COMBINED, combined, rows);
        DetectionRow mean = rows.get(rows.size() - 1);
        LOG.info("Detection over {} sequences and {} classes: mAP@0.5 {}, mAP@[0.5:0.95] {}", groundTruth.size(),
                classes.size(), mean.ap50(), mean.ap());
        return new DetectionResult(config, rows);
    }

    /** Evaluates a single sequence. The result has its rows and the combined rows. */
    public static DetectionResult evaluate(String name, DetectionSet groundTruth, DetectionSet detections,
                                           DetectionConfig config) {
        return evaluate(Map.of(name, groundTruth), Map.of(name, detections), config);
    }

    private static NavigableSet<Integer> classesToEvaluate(Map<String, DetectionSet> groundTruth,
                                                           Map<String, DetectionSet> detections,
                                                           DetectionConfig config) {
        if (!config.classes().isEmpty()) {
            return new TreeSet<>(config.classes());
        }
        NavigableSet<Integer> classes = new TreeSet<>();
        for (Map<String, DetectionSet> sets : List.of(groundTruth, detections)) {
            for (DetectionSet set : sets.values()) {
                set.recordsByImage().values().forEach(list -> list.forEach(record -> classes.add(record.classId())));
            }
        }
        return classes;
    }

    private static Map<Integer, ClassAccumulator> newAccumulators(NavigableSet<Integer> classes) {
        Map<Integer, ClassAccumulator> accumulators = new TreeMap<>();
        for (int classId : classes) {
            accumulators.put(classId, new ClassAccumulator());
        }
        return accumulators;
    }

    private static void accumulate(DetectionSet groundTruth, DetectionSet detections, DetectionConfig config,
                                   Map<Integer, ClassAccumulator> perSequence,
                                   Map<Integer, ClassAccumulator> combined) {
        NavigableSet<Integer> images = new TreeSet<>(groundTruth.recordsByImage().keySet());
        images.addAll(detections.recordsByImage().keySet());
        for (int image : images) {
            List<DetectionRecord> imageTruth = groundTruth.recordsByImage().getOrDefault(image, List.of());
            List<DetectionRecord> imageDetections = detections.recordsByImage().getOrDefault(image, List.of());
            for (Map.Entry<Integer, ClassAccumulator> entry : perSequence.entrySet()) {
                int classId = entry.getKey();
                ImageMatch match = CocoMatcher.match(ofClass(imageTruth, classId), ofClass(imageDetections, classId),
                        config.maxDetectionsPerImage(), config.crowdRegions());
                if (match.objectCount() == 0 && match.scores().length == 0) {
                    continue;
                }
                entry.getValue().add(match);
                combined.get(classId).add(match);
            }
        }
    }

    private static List<DetectionRecord> ofClass(List<DetectionRecord> records, int classId) {
        List<DetectionRecord> selected = new ArrayList<>();
        for (DetectionRecord record : records) {
            if (record.classId() == classId) {
                selected.add(record);
            }
        }
        return selected;
    }

    private static void addRows(String sequence, Map<Integer, ClassAccumulator> accumulators, List<DetectionRow> rows) {
        List<DetectionRow> classRows = new ArrayList<>();
        for (Map.Entry<Integer, ClassAccumulator> entry : accumulators.entrySet()) {
            ClassAccumulator accumulator = entry.getValue();
            double[] precisions = accumulator.averagePrecisions();
            classRows.add(new DetectionRow(sequence, String.valueOf(entry.getKey()), accumulator.objectCount(),
                    accumulator.detectionCount(), precisions[IouThresholds.INDEX_50],
                    precisions[IouThresholds.INDEX_75], mean(precisions)));
        }
        rows.addAll(classRows);
        rows.add(meanRow(sequence, classRows));
    }

    private static DetectionRow meanRow(String sequence, List<DetectionRow> classRows) {
        long objects = 0;
        long detections = 0;
        double[] ap50 = new double[classRows.size()];
        double[] ap75 = new double[classRows.size()];
        double[] ap = new double[classRows.size()];
        for (int i = 0; i < classRows.size(); i++) {
            DetectionRow row = classRows.get(i);
            objects += row.objects();
            detections += row.detections();
            ap50[i] = row.ap50();
            ap75[i] = row.ap75();
            ap[i] = row.ap();
        }
        return new DetectionRow(sequence, DetectionRow.MEAN, objects, detections, meanOfDefined(ap50),
                meanOfDefined(ap75), meanOfDefined(ap));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /** Returns the mean of the values that are not NaN, or NaN when all are. */
    private static double meanOfDefined(double[] values) {
        double sum = 0;
        int count = 0;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                sum += value;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
