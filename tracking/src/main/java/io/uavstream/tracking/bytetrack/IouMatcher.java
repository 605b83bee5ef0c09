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
 * 1 - IoU between the track's predicted box and the detection box.
 */
final class IouMatcher {

    private final boolean perClass;

    IouMatcher(boolean perClass) {
        this.perClass = perClass;
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
            Box predicted = track.box();
            for (int column = 0; column < candidates.length; column++) {
                TrackerDetection detection = detections.get(candidates[column]);
                boolean allowed = !perClass || detection.classId() == track.classId;
                cost[row][column] = allowed ? 1 - predicted.iou(detection.box()) : Double.POSITIVE_INFINITY;
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
}
