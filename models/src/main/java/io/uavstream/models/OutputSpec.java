package io.uavstream.models;

import java.util.Arrays;

/**
 * One output tensor that a decoder expects, checked against the model when it loads.
 *
 * @param content what the tensor contains, for messages
 * @param shape expected dimensions, with {@link #ANY} for a dimension of any size
 */
record OutputSpec(String content, long[] shape) {

    /** Dimension value that matches any size. */
    static final long ANY = -1;

    /** Returns whether {@code actual}, with -1 for a dynamic dimension, can have this shape. */
    boolean matches(long[] actual) {
        if (actual.length != shape.length) {
            return false;
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] != ANY && actual[i] >= 0 && actual[i] != shape[i]) {
                return false;
            }
        }
        return true;
    }

    /** Returns the shape as text, with "N" for a dimension of any size. */
    String shapeText() {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            text.append(i == 0 ? "" : ", ").append(shape[i] == ANY ? "N" : shape[i]);
        }
        return text.append(']').toString();
    }

    @Override
    public String toString() {
        return shapeText() + " (" + content + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutputSpec that && content.equals(that.content)
                && Arrays.equals(shape, that.shape);
    }

    @Override
    public int hashCode() {
        return 31 * content.hashCode() + Arrays.hashCode(shape);
    }
}
