package io.uavstream.simulator.render;

import java.util.List;

/**
 * One rendered picture with its pixel-exact object ownership. The buffers belong to the {@link
 * FrameRenderer} that returned this frame and are overwritten by its next call.
 */
public final class RenderedFrame {

    private final int width;
    private final int height;
    private final byte[] bgr;
    private final int[] owner;
    private final List<ObjectView> objects;

    RenderedFrame(int width, int height, byte[] bgr, int[] owner, List<ObjectView> objects) {
        this.width = width;
        this.height = height;
        this.bgr = bgr;
        this.owner = owner;
        this.objects = List.copyOf(objects);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Returns the picture as packed BGR24, rows of {@code 3 * width} bytes from the top. */
    public byte[] bgr() {
        return bgr;
    }

    /** Returns the objects with at least one silhouette pixel in the image, ordered by object ID. */
    public List<ObjectView> objects() {
        return objects;
    }

    /** Returns the ID of the object shown at pixel (column, row), or -1 where none is. */
    public int objectIdAt(int column, int row) {
        int index = owner[row * width + column];
        return index < 0 ? -1 : objects.get(index).objectId();
    }
}
