package io.uavstream.models;

import java.util.Arrays;

/**
 * Detection candidates of one image before NMS, as parallel primitive arrays: corner boxes,
 * score and class ID. Decoders add boxes in model input pixels, and {@link #mapToSource} moves
 * them to source image pixels. The arrays grow by doubling and are reused after
 * {@link #clear()}, so steady-state decoding allocates nothing. Not thread-safe.
 */
final class Candidates {

    private float[] x1;
    private float[] y1;
    private float[] x2;
    private float[] y2;
    private float[] scores;
    private int[] classIds;
    private int size;

    Candidates(int initialCapacity) {
        int capacity = Math.max(1, initialCapacity);
        x1 = new float[capacity];
        y1 = new float[capacity];
        x2 = new float[capacity];
        y2 = new float[capacity];
        scores = new float[capacity];
        classIds = new int[capacity];
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    /** Appends a candidate given by its corners. */
    void add(int classId, float score, float left, float top, float right, float bottom) {
        if (size == scores.length) {
            grow();
        }
        x1[size] = left;
        y1[size] = top;
        x2[size] = right;
        y2[size] = bottom;
        scores[size] = score;
        classIds[size] = classId;
        size++;
    }

    /** Appends a candidate given by its centre, width and height. */
    void addCentered(int classId, float score, float centerX, float centerY, float width,
            float height) {
        float halfWidth = width * 0.5f;
        float halfHeight = height * 0.5f;
        add(classId, score, centerX - halfWidth, centerY - halfHeight, centerX + halfWidth,
                centerY + halfHeight);
    }

    /**
     * Maps every box back through {@code letterbox} to source image pixels, clipped to the image,
     * and removes the boxes that end up empty because they lay in the letterbox padding.
     */
    void mapToSource(Letterbox letterbox) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            float left = letterbox.toSourceX(x1[i]);
            float top = letterbox.toSourceY(y1[i]);
            float right = letterbox.toSourceX(x2[i]);
            float bottom = letterbox.toSourceY(y2[i]);
            if (right > left && bottom > top) {
                x1[kept] = left;
                y1[kept] = top;
                x2[kept] = right;
                y2[kept] = bottom;
                scores[kept] = scores[i];
                classIds[kept] = classIds[i];
                kept++;
            }
        }
        size = kept;
    }

    float x1(int i) {
        return x1[i];
    }

    float y1(int i) {
        return y1[i];
    }

    float x2(int i) {
        return x2[i];
    }

    float y2(int i) {
        return y2[i];
    }

    float score(int i) {
        return scores[i];
    }

    int classId(int i) {
        return classIds[i];
    }

    /** Returns the intersection over union of candidates {@code i} and {@code j}. */
    float iou(int i, int j) {
        float width = Math.min(x2[i], x2[j]) - Math.max(x1[i], x1[j]);
        float height = Math.min(y2[i], y2[j]) - Math.max(y1[i], y1[j]);
        if (width <= 0f || height <= 0f) {
            return 0f;
        }
        float intersection = width * height;
        float union = area(i) + area(j) - intersection;
        return union <= 0f ? 0f : intersection / union;
    }

    private float area(int i) {
        return Math.max(0f, x2[i] - x1[i]) * Math.max(0f, y2[i] - y1[i]);
    }

    private void grow() {
        int capacity = scores.length * 2;
        x1 = Arrays.copyOf(x1, capacity);
        y1 = Arrays.copyOf(y1, capacity);
        x2 = Arrays.copyOf(x2, capacity);
        y2 = Arrays.copyOf(y2, capacity);
        scores = Arrays.copyOf(scores, capacity);
        classIds = Arrays.copyOf(classIds, capacity);
    }
}
