package io.uavstream.evaluation.detection;

/** The COCO IoU thresholds 0.50, 0.55, ..., 0.95. */
final class IouThresholds {

    static final int COUNT = 10;
    static final int INDEX_50 = 0;
    static final int INDEX_75 = 5;

    private IouThresholds() {
    }

    /** Returns threshold number {@code index}: (50 + 5 index) / 100. */
    static double get(int index) {
        return (50 + 5 * index) / 100.0;
    }
}
