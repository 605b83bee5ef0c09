package io.uavstream.evaluation.mot;

/**
 * The scored ground truth and the kept predictions of one frame, with their IoU.
 *
 * @param frame frame number
 * @param gtTracks dense index of each ground-truth box's track
 * @param predTracks dense index of each prediction's track
 * @param iou IoU of ground-truth box i and prediction j at {@code iou[i][j]}
 */
record FrameOverlaps(int frame, int[] gtTracks, int[] predTracks, double[][] iou) {
}
