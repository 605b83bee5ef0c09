package io.uavstream.simulator.render;

/**
 * An object to draw, modelled as an oriented box standing on its base.
 *
 * @param id object (track) ID, at least 1
 * @param shape decoration of the box
 * @param x base centre east in ENU metres
 * @param y base centre north in ENU metres
 * @param z base height in metres
 * @param headingDegrees compass heading of the box's length axis (the front), clockwise from north
 * @param length extent along the heading in metres
 * @param width extent across the heading in metres
 * @param height extent upwards in metres
 * @param bodyColor main colour, 0xRRGGBB
 * @param accentColor second colour (truck cab, hair), 0xRRGGBB
 */
public record RenderObject(int id, ObjectShape shape, double x, double y, double z, double headingDegrees,
        double length, double width, double height, int bodyColor, int accentColor) {

    public RenderObject {
        if (id < 1) {
            throw new IllegalArgumentException("object ID must be at least 1, got " + id);
        }
        if (!(length > 0 && width > 0 && height > 0)) {
            throw new IllegalArgumentException("object size must be positive, got " + length + " x " + width + " x " + height);
        }
    }
}
