package io.uavstream.models;

/** Output layout of a detector model, which selects the decoder for its raw outputs. */
public enum ModelFormat {

    /**
     * YOLOX without in-graph decoding: one output [1, N, 5 + C] with, per grid cell, x and y
     * offsets from the cell index, log width and log height (all in stride units), sigmoid
     * objectness and C sigmoid class scores. N is the sum over strides of (W / s) * (H / s).
     */
    YOLOX(true),

    /**
     * NanoDet-Plus: per stride, a class-score map [1, N, C] (already sigmoid), then per stride a
     * box map [1, N, 4 * (regMax + 1)] with left, top, right and bottom distance distributions
     * over regMax + 1 bins in stride units.
     */
    NANODET_PLUS(true),

    /**
     * YOLOv5: one output [1, N, 5 + C] with centre x, centre y, width and height in input
     * pixels, sigmoid objectness and C sigmoid class scores.
     */
    YOLOV5(false),

    /**
     * YOLOv8 and YOLO11: one output [1, 4 + C, N], channel-major, with centre x, centre y, width
     * and height in input pixels and C sigmoid class scores, without objectness.
     */
    YOLOV8(false);

    private final boolean stridesRequired;

    ModelFormat(boolean stridesRequired) {
        this.stridesRequired = stridesRequired;
    }

    /** Returns whether decoding needs the feature-map strides, because boxes are per grid cell. */
    public boolean stridesRequired() {
        return stridesRequired;
    }
}
