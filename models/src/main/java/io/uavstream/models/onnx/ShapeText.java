package io.uavstream.models.onnx;

import java.util.List;

/** Formats tensor shapes as {@code [1, 3, 416, 416]}, with {@code ?} for an unknown dimension. */
final class ShapeText {

    private ShapeText() {}

    static String of(List<Long> shape) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < shape.size(); i++) {
            text.append(i == 0 ? "" : ", ");
            long d = shape.get(i);
            text.append(d < 0 ? "?" : Long.toString(d));
        }
        return text.append(']').toString();
    }
}
