package io.uavstream.tracking.bytetrack;

import io.uavstream.tracking.Track;
import io.uavstream.tracking.TrackerDetection;
import io.uavstream.tracking.assignment.Assignment;
import io.uavstream.tracking.assignment.LinearAssignmentSolver;
import io.uavstream.tracking.geometry.Box;
import java.util.Arrays;
import java.util.List;

/**
 * One matching stage: optimal assignment of tracks to candidate detections on the cost
 * 1 - IoU between the track's predicted box and the detection box, both enlarged by a fixed
 * margin in pixels. The margin is a fixed-size variant of the buffered IoU of C-BIoU (F. Yang,
 * S. Odashima, S. Masui and S. Jiang, "Hard to Track Objects with Irregular Motions and Similar
 * Appearances? Make It Easier by Buffering the Matching Space", WACV 2023), whose buffer grows
 * with the box: a fixed margin helps the small boxes whose detections scatter by a few pixels
 * without merging the large, densely parked ones.
 */
final class IouMatcher {

    private final boolean perClass;
    private final double marginPixels;

    /**
     * @param perClass whether a detection may match only tracks of its class
     * @param marginPixels margin added on each side of both boxes before their IoU
     */
    IouMatcher(boolean perClass, double marginPixels) {
        this.perClass = perClass;
        this.marginPixels = marginPixels;
    }

    /**
     * Returns, for each track, the index into {@code detections} of its matched candidate, or
     * {@link Track#NO_DETECTION}. A pair matches only when its IoU is strictly above
     * {@code minIou} and, with per-class matching, the classes are equal.
     *
     * @param candidates indexes into {@code detections} that this stage may match
     */
    int[] match(List<KalmanTrack> tracks, List<TrackerDetection> detections, int[] candidates, double minIou) {
        int[] detectionByTrack = new int[tracks.size()];
        Arrays.fill(detectionByTrack, Track.NO_DETECTION);
        if (tracks.isEmpty() || candidates.length == 0) {
            return detectionByTrack;
        }
        double[][] cost = new double[tracks.size()][candidates.length];
        for (int row = 0; row < tracks.size(); row++) {
            KalmanTrack track = tracks.get(row);
            Box predicted = enlarged(track.box());
            for (int column = 0; column < candidates.length; column++) {
                TrackerDetection detection = detections.get(candidates[column]);
                boolean allowed = !perClass || detection.classId() == track.classId;
                cost[row][column] = allowed ? 1 - predicted.iou(enlarged(detection.box())) : Double.POSITIVE_INFINITY;
            }
        }
        Assignment assignment = LinearAssignmentSolver.solve(cost, 1 - minIou);
        for (int row = 0; row < tracks.size(); row++) {
            int column = assignment.columnOf(row);
            if (column != Assignment.UNASSIGNED) {
                detectionByTrack[row] = candidates[column];
            }
        }
        return detectionByTrack;
    }

    private Box enlarged(Box box) {
        if (marginPixels == 0) {
            return box;
        }
        return new Box(box.x1() - marginPixels, box.y1() - marginPixels, box.x2() + marginPixels,
                box.y2() + marginPixels);
    }
}
