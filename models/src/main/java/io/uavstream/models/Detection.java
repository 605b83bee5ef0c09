package io.uavstream.models;

/**
 * One detected object. The box is in pixels of the image given to the detector, with (x1, y1)
 * the top-left and (x2, y2) the bottom-right corner.
 */
public record Detection(int classId, String className, float score, float x1, float y1, float x2, float y2) {

    public float width() {
        return x2 - x1;
    }

    public float height() {
        return y2 - y1;
    }

    /** Returns the intersection over union of the two boxes, 0 when either box is empty. */
    public float iou(Detection other) {
        float ix = Math.min(x2, other.x2) - Math.max(x1, other.x1);
        float iy = Math.min(y2, other.y2) - Math.max(y1, other.y1);
        if (ix <= 0 || iy <= 0) {
            return 0f;
        }
        float intersection = ix * iy;
        float union = width() * height() + other.width() * other.height() - intersection;
        return union <= 0 ? 0f : intersection / union;
    }
}
