package io.uavstream.analytics.geo;

import io.uavstream.analytics.geometry.Point2;
import java.util.Optional;

/**
 * Maps pixels to the ground plane z = 0 of a local east-north-up frame and back, for a pinhole
 * camera with a known pose. The ground is taken as flat at the frame's origin height, so terrain
 * relief shifts the result.
 */
public final class GroundProjection {

    private GroundProjection() {
    }

    /**
     * Intersects the viewing ray of an undistorted pixel with the ground plane z = 0. Returns
     * empty when the ray does not go down to the ground (horizon and above), or when the camera is
     * not above the ground.
     *
     * @return the ground point in ENU metres, with z = 0
     */
    public static Optional<Vector3> pixelToGround(Point2 pixel, CameraIntrinsics intrinsics, CameraPose pose) {
        Vector3 rayCamera = new Vector3(
                (pixel.x() - intrinsics.cx()) / intrinsics.fx(),
                (pixel.y() - intrinsics.cy()) / intrinsics.fy(),
                1);
        Vector3 ray = pose.cameraToWorld(rayCamera);
        Vector3 centre = pose.position();
        if (!(centre.z() > 0) || !(ray.z() < 0)) {
            return Optional.empty();
        }
        double distance = -centre.z() / ray.z();
        return Optional.of(new Vector3(centre.x() + distance * ray.x(), centre.y() + distance * ray.y(), 0));
    }

    /** Projects a world point (ENU metres) to pixels; returns empty for a point behind the camera. */
    public static Optional<Point2> worldToPixel(Vector3 world, CameraIntrinsics intrinsics, CameraPose pose) {
        Vector3 camera = pose.worldToCamera(world.minus(pose.position()));
        if (!(camera.z() > 0)) {
            return Optional.empty();
        }
        return Optional.of(new Point2(
                intrinsics.fx() * camera.x() / camera.z() + intrinsics.cx(),
                intrinsics.fy() * camera.y() / camera.z() + intrinsics.cy()));
    }
}
