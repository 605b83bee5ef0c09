package io.uavstream.evaluation.detection;

import io.uavstream.evaluation.detection.CocoMatcher.ImageMatch;
import io.uavstream.evaluation.detection.CocoMatcher.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the image matches of one class over many images and computes its AP. */
final class ClassAccumulator {

    private final List<ImageMatch> images = new ArrayList<>();
    private long objectCount;
    private long detectionCount;

    void add(ImageMatch match) {
        images.add(match);
        objectCount += match.objectCount();
        detectionCount += match.scores().length;
    }

    long objectCount() {
        return objectCount;
    }

    long detectionCount() {
        return detectionCount;
    }

    /** Returns AP at each IoU threshold, or NaN where there are no objects. */
    double[] averagePrecisions() {
        List<int[]> ranked = rankDetections();
        double[] precisions = new double[IouThresholds.COUNT];
        for (int t = 0; t < IouThresholds.COUNT; t++) {
            List<Boolean> truePositives = new ArrayList<>(ranked.size());
            for (int[] entry : ranked) {
                Outcome outcome = images.get(entry[0]).outcomes()[t][entry[1]];
                if (outcome != Outcome.IGNORED) {
                    truePositives.add(outcome == Outcome.TRUE_POSITIVE);
                }
            }
            boolean[] flags = new boolean[truePositives.size()];
            for (int i = 0; i < flags.length; i++) {
                flags[i] = truePositives.get(i);
            }
            precisions[t] = AveragePrecision.compute(flags, objectCount);
        }
        return precisions;
    }

    /** Returns (image, detection) indices by descending score, ties in image order. */
    private List<int[]> rankDetections() {
        List<int[]> entries = new ArrayList<>();
        for (int image = 0; image < images.size(); image++) {
            for (int detection = 0; detection < images.get(image).scores().length; detection++) {
                entries.add(new int[] {image, detection});
            }
        }
        entries.sort(Comparator.comparingDouble((int[] entry) -> images.get(entry[0]).scores()[entry[1]]).reversed());
        return entries;
    }
}
