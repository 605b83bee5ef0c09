package io.uavstream.simulator.traffic;

import io.uavstream.simulator.render.RenderObject;

/**
 * The state of one object at one instant.
 *
 * @param id track ID, the same in every drone's ground truth
 * @param objectClass what the object is
 * @param x base centre east, ENU metres
 * @param y base centre north, ENU metres
 * @param z base height, metres
 * @param headingDegrees compass direction of the object's front, clockwise from north
 * @param speed ground speed in metres per second
 * @param length extent along the heading, metres
 * @param width extent across the heading, metres
 * @param height extent upwards, metres
 * @param bodyColor main colour, 0xRRGGBB
 * @param accentColor second colour (cab, hair), 0xRRGGBB
 * @param parked whether the object is parked and does not move during the run
 */
public record WorldObject(int id, ObjectClass objectClass, double x, double y, double z, double headingDegrees,
        double speed, double length, double width, double height, int bodyColor, int accentColor, boolean parked) {

    /** Returns the box the renderer draws for this object. */
    public RenderObject toRenderObject() {
        return new RenderObject(id, objectClass.shape(), x, y, z, headingDegrees, length, width, height, bodyColor, accentColor);
    }
}
