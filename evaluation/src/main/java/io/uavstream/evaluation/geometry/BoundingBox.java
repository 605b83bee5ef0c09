package io.uavstream.evaluation.geometry;

/**
 * Axis-aligned image box in pixels, given as in MOTChallenge files: the top-left corner
 * ({@code left}, {@code top}) and the size ({@code width}, {@code height}).
 */
public record BoundingBox(double left, double top, double width, double height) {

    public BoundingBox {
        if (!Double.isFinite(left) || !Double.isFinite(top)) {
            throw new IllegalArgumentException("Box corner must be finite, got (" + left + ", " + top + ")");
        }
        if (!(width >= 0) || !(height >= 0) || Double.isInfinite(width) || Double.isInfinite(height)) {
            throw new IllegalArgumentException(
                    "Box width and height must be finite and non-negative, got " + width + " x " + height);
        }
    }

    public double right() {
        return left + width;
    }

    public double bottom() {
        return top + height;
    }

    public double area() {
        return width * height;
    }

    /** Returns the area of the intersection of the two boxes, 0 when they do not overlap. */
    public double intersectionArea(BoundingBox other) {
        double overlapWidth = Math.min(right(), other.right()) - Math.max(left, other.left);
        double overlapHeight = Math.min(bottom(), other.bottom()) - Math.max(top, other.top);
        if (overlapWidth <= 0 || overlapHeight <= 0) {
            return 0;
        }
        return overlapWidth * overlapHeight;
    }

    /** Returns the intersection over union (IoU) of the two boxes, 0 when either box is empty. */
    public double iou(BoundingBox other) {
        double intersection = intersectionArea(other);
        if (intersection == 0) {
            return 0;
        }
        return intersection / (area() + other.area() - intersection);
    }

    /**
     * Returns the intersection divided by the area of this box, the overlap that COCO uses between
     * a detection (this box) and a crowd region. Returns 0 when this box is empty.
     */
    public double intersectionOverArea(BoundingBox other) {
        double intersection = intersectionArea(other);
        if (intersection == 0) {
            return 0;
        }
        return intersection / area();
    }
}
