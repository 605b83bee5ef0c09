package io.uavstream.evaluation.detection;

/**
 * Detection metrics of one class, or the mean over classes, for one sequence or all combined.
 *
 * @param sequence sequence name, or {@link #COMBINED} for all sequences pooled
 * @param classLabel a class ID, or {@link #MEAN} for the mean over classes
 * @param objects ground-truth objects to find (crowd regions excluded)
 * @param detections detections scored (after the per-image limit)
 * @param ap50 AP at IoU 0.50
 * @param ap75 AP at IoU 0.75
 * @param ap AP averaged over IoU 0.50, 0.55, ..., 0.95
 */
public record DetectionRow(String sequence, String classLabel, long objects, long detections, double ap50,
                           double ap75, double ap) {

    /** Sequence name of the rows that pool the images of all sequences. */
    public static final String COMBINED = "COMBINED";

    /**
     * Class label of the rows that average over classes (mAP). Classes without ground-truth
     * objects have an undefined AP (NaN) and are left out of the mean.
     */
    public static final String MEAN = "mean";
}
