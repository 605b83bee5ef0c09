package io.uavstream.tracking.geometry;

/**
 * Axis-aligned image box in pixels, given by its top-left corner ({@code x1}, {@code y1}) and its
 * bottom-right corner ({@code x2}, {@code y2}), as object detectors output it. Coordinates may be
 * negative or beyond the frame, because a predicted box can leave the image.
 */
public record Box(double x1, double y1, double x2, double y2) {

    public Box {
        if (!Double.isFinite(x1) || !Double.isFinite(y1) || !Double.isFinite(x2) || !Double.isFinite(y2)) {
            throw new IllegalArgumentException(
                    "Box corners must be finite, got (" + x1 + ", " + y1 + ", " + x2 + ", " + y2 + ")");
        }
        if (x2 < x1 || y2 < y1) {
            throw new IllegalArgumentException("Box corner (x2, y2) must not lie left of or above (x1, y1), got ("
                    + x1 + ", " + y1 + ", " + x2 + ", " + y2 + ")");
        }
    }

    /** Creates a box from its centre and size, all in pixels. */
    public static Box ofCenter(double centerX, double centerY, double width, double height) {
        if (!(width >= 0) || !(height >= 0)) {
            throw new IllegalArgumentException(
                    "Box width and height must be non-negative, got " + width + " x " + height);
        }
        double halfWidth = width / 2;
        double halfHeight = height / 2;
        return new Box(centerX - halfWidth, centerY - halfHeight, centerX + halfWidth, centerY + halfHeight);
    }

    public double width() {
        return x2 - x1;
    }

    public double height() {
        return y2 - y1;
    }

    public double centerX() {
        return (x1 + x2) / 2;
    }

    public double centerY() {
        return (y1 + y2) / 2;
    }

    public double area() {
        return width() * height();
    }

    /** Returns this box moved by ({@code dx}, {@code dy}) pixels. */
    public Box translate(double dx, double dy) {
        return new Box(x1 + dx, y1 + dy, x2 + dx, y2 + dy);
    }

    /** Returns the intersection over union (IoU) of the two boxes, 0 when they do not overlap. */
    public double iou(Box other) {
        double overlapWidth = Math.min(x2, other.x2) - Math.max(x1, other.x1);
        double overlapHeight = Math.min(y2, other.y2) - Math.max(y1, other.y1);
        if (overlapWidth <= 0 || overlapHeight <= 0) {
            return 0;
        }
        double intersection = overlapWidth * overlapHeight;
        return intersection / (area() + other.area() - intersection);
    }
}
