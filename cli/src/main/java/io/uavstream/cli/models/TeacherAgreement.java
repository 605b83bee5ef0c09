package io.uavstream.cli.models;

import io.uavstream.models.BgrImage;
import io.uavstream.models.Detection;
import io.uavstream.models.ObjectDetector;
import io.uavstream.models.ObjectDetectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Agreement of several models with a teacher detector on real frames: the share of the teacher's
 * boxes with score at least {@link #TEACHER_SCORE} that a model finds, with the same class name and
 * IoU at least {@link #MATCH_IOU}, matched greedily by descending model score. Only teacher boxes of
 * classes that the model has are counted. Models run with their descriptors' own thresholds, as in
 * the pipeline.
 */
final class TeacherAgreement {

    static final float TEACHER_SCORE = 0.5f;
    static final double MATCH_IOU = 0.5;

    /** Agreement of one model: teacher boxes matched out of those counted. */
    record Result(int matched, int teacherBoxes) {

        double share() {
            return teacherBoxes == 0 ? Double.NaN : (double) matched / teacherBoxes;
        }
    }

    private TeacherAgreement() {}

    /**
     * Runs the teacher and every model on frames 0, every, 2 x every, ... below {@code endIndex} of
     * {@code video}; returns one result per model.
     */
    static List<Result> measure(BenchModel teacher, List<BenchModel> models, Path video, int every, int endIndex) {
        int[] matched = new int[models.size()];
        int[] counted = new int[models.size()];
        List<ObjectDetector> detectors = new ArrayList<>();
        try (ObjectDetector reference = ObjectDetectors.open(teacher.descriptor(), 1)) {
            for (BenchModel model : models) {
                detectors.add(ObjectDetectors.open(model.descriptor(), 1));
            }
            VideoFrames.forEach(video, every, endIndex, (index, image) -> {
                List<Detection> teacherBoxes = reference.detect(image).stream()
                        .filter(d -> d.score() >= TEACHER_SCORE).toList();
                for (int m = 0; m < detectors.size(); m++) {
                    compare(teacherBoxes, detectors.get(m), image, m, matched, counted);
                }
            });
        } finally {
            detectors.forEach(ObjectDetector::close);
        }
        List<Result> results = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            results.add(new Result(matched[m], counted[m]));
        }
        return results;
    }

    private static void compare(List<Detection> teacherBoxes, ObjectDetector detector, BgrImage image, int m,
            int[] matched, int[] counted) {
        Set<String> known = Set.copyOf(detector.descriptor().classNames());
        List<Detection> reference = teacherBoxes.stream().filter(d -> known.contains(d.className()))
                .collect(Collectors.toCollection(ArrayList::new));
        counted[m] += reference.size();
        matched[m] += matchCount(reference, detector.detect(image));
    }

    /** Counts reference boxes matched one-to-one by candidates, candidates taken by descending score. */
    static int matchCount(List<Detection> reference, List<Detection> candidates) {
        List<Detection> unmatched = new ArrayList<>(reference);
        List<Detection> sorted = new ArrayList<>(candidates);
        sorted.sort((a, b) -> Float.compare(b.score(), a.score()));
        int count = 0;
        for (Detection candidate : sorted) {
            Detection best = null;
            double bestIou = MATCH_IOU;
            for (Detection target : unmatched) {
                double iou = iou(candidate, target);
                if (target.className().equals(candidate.className()) && iou >= bestIou) {
                    best = target;
                    bestIou = iou;
                }
            }
            if (best != null) {
                unmatched.remove(best);
                count++;
            }
        }
        return count;
    }

    static double iou(Detection a, Detection b) {
        double width = Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1());
        double height = Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1());
        if (width <= 0 || height <= 0) {
            return 0;
        }
        double intersection = width * height;
        double union = (a.x2() - a.x1()) * (a.y2() - a.y1()) + (b.x2() - b.x1()) * (b.y2() - b.y1()) - intersection;
        return union <= 0 ? 0 : intersection / union;
    }
}
