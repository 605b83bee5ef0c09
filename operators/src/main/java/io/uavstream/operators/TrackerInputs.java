package io.uavstream.operators;

import io.uavstream.schemas.DetectedBox;
import io.uavstream.tracking.TrackerDetection;
import io.uavstream.tracking.geometry.Box;
import java.util.ArrayList;
import java.util.List;

/**
 * The tracker's detections of one frame, made from its {@link DetectedBox}es, with the index of
 * each in the frame's box list. Boxes the tracker cannot take are skipped: those without positive
 * width and height, with non-finite corners, or with a score outside [0, 1].
 */
record TrackerInputs(List<TrackerDetection> detections, int[] boxIndexes, int skipped) {

    static TrackerInputs of(List<DetectedBox> boxes) {
        List<TrackerDetection> detections = new ArrayList<>(boxes.size());
        int[] boxIndexes = new int[boxes.size()];
        for (int i = 0; i < boxes.size(); i++) {
            DetectedBox box = boxes.get(i);
            if (isTrackable(box)) {
                boxIndexes[detections.size()] = i;
                detections.add(new TrackerDetection(box.getClassId(), box.getScore(),
                        new Box(box.getX1(), box.getY1(), box.getX2(), box.getY2())));
            }
        }
        return new TrackerInputs(detections, boxIndexes, boxes.size() - detections.size());
    }

    /** Returns the index in the frame's box list of the tracker's detection {@code detectionIndex}. */
    int boxIndex(int detectionIndex) {
        return boxIndexes[detectionIndex];
    }

    private static boolean isTrackable(DetectedBox box) {
        float score = box.getScore();
        return box.getClassId() >= 0 && score >= 0 && score <= 1
                && Float.isFinite(box.getX1()) && Float.isFinite(box.getY1())
                && Float.isFinite(box.getX2()) && Float.isFinite(box.getY2())
                && box.getX2() > box.getX1() && box.getY2() > box.getY1();
    }
}
