package io.uavstream.tracking.testing;

import io.uavstream.tracking.geometry.Box;

/**
 * Object of a synthetic scene that moves at constant velocity in scene pixels (the image
 * coordinates of a camera that never moves).
 *
 * @param objectId ground-truth identity
 * @param classId detector class ID
 * @param startX centre x at time 0, in pixels
 * @param startY centre y at time 0, in pixels
 * @param velocityX pixels per second
 * @param velocityY pixels per second
 * @param width box width in pixels
 * @param height box height in pixels
 */
public record MovingObject(
        int objectId, int classId, double startX, double startY, double velocityX, double velocityY,
        double width, double height) {

    public static MovingObject stationary(int objectId, double x, double y, double size) {
        return new MovingObject(objectId, 0, x, y, 0, 0, size, size);
    }

    public static MovingObject moving(int objectId, double x, double y, double velocityX, double velocityY, double size) {
        return new MovingObject(objectId, 0, x, y, velocityX, velocityY, size, size);
    }

    /** Returns the box at {@code seconds} in scene pixels. */
    public Box boxAt(double seconds) {
        return Box.ofCenter(startX + velocityX * seconds, startY + velocityY * seconds, width, height);
    }
}
