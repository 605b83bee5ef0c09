package io.uavstream.simulator.render;

/**
 * Image-space ground truth of one object in a rendered frame.
 *
 * <p>The box is the bounding box of the projected corners of the object's whole box, ignoring
 * occlusion (amodal, as in MOTChallenge), clipped to the image; coordinates are continuous pixels
 * with the image spanning [0, width] x [0, height].
 *
 * @param objectId the object's ID
 * @param left left edge of the box in pixels
 * @param top top edge of the box
 * @param right right edge of the box
 * @param bottom bottom edge of the box
 * @param silhouettePixels pixels inside the image that the object's silhouette covers
 * @param visiblePixels of those, pixels that show the object in the final image
 * @param depth distance of the object's centre from the camera along the optical axis, in metres
 */
public record ObjectView(int objectId, double left, double top, double right, double bottom,
        int silhouettePixels, int visiblePixels, double depth) {

    /** Returns the visible share of the in-frame silhouette, 0 (hidden) to 1 (fully visible). */
    public double visibility() {
        return silhouettePixels == 0 ? 0 : (double) visiblePixels / silhouettePixels;
    }

    public double width() {
        return right - left;
    }

    public double height() {
        return bottom - top;
    }
}
