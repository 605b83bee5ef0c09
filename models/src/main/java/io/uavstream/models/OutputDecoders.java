package io.uavstream.models;

import java.util.List;

/** Creates the {@link OutputDecoder} for a descriptor's format. */
final class OutputDecoders {

    private OutputDecoders() {}

    static OutputDecoder create(ModelDescriptor descriptor) {
        return switch (descriptor.format()) {
            case YOLOX -> new YoloxDecoder(descriptor);
            case NANODET_PLUS -> new NanoDetPlusDecoder(descriptor);
            case YOLOV5 -> new Yolov5Decoder(descriptor);
            case YOLOV8 -> new Yolov8Decoder(descriptor);
        };
    }

    /**
     * Returns the number of grid cells over all strides, sum of (W / s) * (H / s), or
     * {@link OutputSpec#ANY} when the descriptor lists no strides.
     */
    static long gridCells(ModelDescriptor descriptor) {
        List<Integer> strides = descriptor.strides();
        if (strides.isEmpty()) {
            return OutputSpec.ANY;
        }
        long cells = 0;
        for (int stride : strides) {
            cells += (long) (descriptor.inputWidth() / stride) * (descriptor.inputHeight() / stride);
        }
        return cells;
    }
}
