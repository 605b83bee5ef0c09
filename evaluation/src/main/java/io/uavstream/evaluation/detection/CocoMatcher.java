package io.uavstream.evaluation.detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Matches the detections of one image and class to its ground truth, COCO style, at each IoU
 * threshold of {@link IouThresholds}.
 *
 * <p>Detections are taken in order of descending score (ties keep their input order), at most
 * {@code maxDetections} of them. Each takes the unmatched ground-truth object with the highest
 * IoU &ge; the threshold and is a true positive. A detection that finds none is ignored (neither
 * true nor false positive) when its intersection with a crowd region, divided by the detection's
 * own area, is &ge; the threshold. A crowd region can absorb any number of detections. Any other
 * detection is a false positive.
 */
final class CocoMatcher {

    private CocoMatcher() {
    }

    static ImageMatch match(List<DetectionRecord> groundTruth, List<DetectionRecord> detections,
                            int maxDetections, boolean crowdRegions) {
        List<DetectionRecord> objects = new ArrayList<>();
        List<DetectionRecord> crowds = new ArrayList<>();
        for (DetectionRecord record : groundTruth) {
            (crowdRegions && record.crowd() ? crowds : objects).add(record);
        }
        List<DetectionRecord> ranked = new ArrayList<>(detections);
        ranked.sort(Comparator.comparingDouble(DetectionRecord::score).reversed());
        if (ranked.size() > maxDetections) {
            ranked = ranked.subList(0, maxDetections);
        }
        double[] scores = new double[ranked.size()];
        for (int d = 0; d < ranked.size(); d++) {
            scores[d] = ranked.get(d).score();
        }
        Outcome[][] outcomes = new Outcome[IouThresholds.COUNT][];
        for (int t = 0; t < IouThresholds.COUNT; t++) {
            outcomes[t] = matchAt(IouThresholds.get(t), objects, crowds, ranked);
        }
        return new ImageMatch(objects.size(), scores, outcomes);
    }

    private static Outcome[] matchAt(double threshold, List<DetectionRecord> objects, List<DetectionRecord> crowds,
                                     List<DetectionRecord> ranked) {
        boolean[] matched = new boolean[objects.size()];
        Outcome[] outcomes = new Outcome[ranked.size()];
        for (int d = 0; d < ranked.size(); d++) {
            DetectionRecord detection = ranked.get(d);
            int best = -1;
            double bestIou = -1;
            for (int g = 0; g < objects.size(); g++) {
                if (matched[g]) {
                    continue;
                }
                double iou = detection.box().iou(objects.get(g).box());
                if (iou >= threshold && iou > bestIou) {
                    best = g;
                    bestIou = iou;
                }
            }
            if (best >= 0) {
                matched[best] = true;
                outcomes[d] = Outcome.TRUE_POSITIVE;
            } else if (insideCrowd(detection, crowds, threshold)) {
                outcomes[d] = Outcome.IGNORED;
            } else {
                outcomes[d] = Outcome.FALSE_POSITIVE;
            }
        }
        return outcomes;
    }

    private static boolean insideCrowd(DetectionRecord detection, List<DetectionRecord> crowds, double threshold) {
        for (DetectionRecord crowd : crowds) {
            if (detection.box().intersectionOverArea(crowd.box()) >= threshold) {
                return true;
            }
        }
        return false;
    }

    /** Outcome of one detection at one threshold. */
    enum Outcome {
        TRUE_POSITIVE,
        FALSE_POSITIVE,
        IGNORED
    }

    /**
     * Matching result of one image and class.
     *
     * @param objectCount ground-truth objects that must be found (crowd regions excluded)
     * @param scores scores of the kept detections, descending
     * @param outcomes outcome of each kept detection, per threshold index
     */
    record ImageMatch(int objectCount, double[] scores, Outcome[][] outcomes) {
    }
}
