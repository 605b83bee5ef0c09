package io.uavstream.operators;

import io.uavstream.analytics.geo.CameraIntrinsics;
import io.uavstream.analytics.geo.CameraPose;
import io.uavstream.analytics.geo.GeodeticPoint;
import io.uavstream.analytics.geo.GroundProjection;
import io.uavstream.analytics.geo.LocalTangentPlane;
import io.uavstream.analytics.geo.Vector3;
import io.uavstream.analytics.geometry.Point2;
import io.uavstream.schemas.FramePose;
import io.uavstream.schemas.PoseStatus;
import io.uavstream.schemas.ScaleSource;
import java.util.Optional;

/**
 * Projects pixels of one frame onto the ground and returns their WGS84 positions, from the frame's
 * {@link FramePose}: pinhole intrinsics, camera-to-ENU rotation and camera centre, and the WGS84
 * origin of the ENU frame. The ground is the plane z = 0 of that frame, so terrain relief shifts
 * the result.
 */
final class PoseProjection {

    private final CameraIntrinsics intrinsics;
    private final CameraPose pose;
    private final LocalTangentPlane plane;

    private PoseProjection(CameraIntrinsics intrinsics, CameraPose pose, LocalTangentPlane plane) {
        this.intrinsics = intrinsics;
        this.pose = pose;
        this.plane = plane;
    }

    /**
     * Returns the projection of a usable pose: status OK, a metric scale ({@code scaleSource} not
     * NONE), a WGS84 origin, and a valid quaternion and intrinsics. Returns empty for a null pose.
     *
     * @throws IllegalArgumentException naming the problem of a pose that is present but not usable
     */
    static Optional<PoseProjection> of(FramePose framePose) {
        if (framePose == null) {
            return Optional.empty();
        }
        if (framePose.getStatus() != PoseStatus.OK) {
            throw new IllegalArgumentException("pose status is " + framePose.getStatus() + ", not OK");
        }
        if (framePose.getScaleSource() == ScaleSource.NONE) {
            throw new IllegalArgumentException("pose has no metric scale (scaleSource NONE)");
        }
        if (framePose.getOriginLatitudeDegrees() == null || framePose.getOriginLongitudeDegrees() == null) {
            throw new IllegalArgumentException("pose is not georeferenced: its WGS84 origin is missing");
        }
        double originHeight = framePose.getOriginAltitudeMetres() == null ? 0 : framePose.getOriginAltitudeMetres();
        GeodeticPoint origin = new GeodeticPoint(
                framePose.getOriginLatitudeDegrees(), framePose.getOriginLongitudeDegrees(), originHeight);
        CameraIntrinsics intrinsics = new CameraIntrinsics(
                framePose.getFx(), framePose.getFy(), framePose.getCx(), framePose.getCy());
        Vector3 position = new Vector3(framePose.getEastMetres(), framePose.getNorthMetres(), framePose.getUpMetres());
        CameraPose pose = new CameraPose(
                rotation(framePose.getQw(), framePose.getQx(), framePose.getQy(), framePose.getQz()), position);
        return Optional.of(new PoseProjection(intrinsics, pose, new LocalTangentPlane(origin)));
    }

    /** Returns the WGS84 ground position seen at an undistorted pixel, or empty at or above the horizon. */
    Optional<GeodeticPoint> groundPosition(Point2 pixel) {
        return GroundProjection.pixelToGround(pixel, intrinsics, pose).map(plane::toGeodetic);
    }

    /**
     * Returns the row-major rotation matrix of a quaternion (w, x, y, z), normalised first.
     *
     * @throws IllegalArgumentException for a quaternion of zero or non-finite norm
     */
    static double[] rotation(double w, double x, double y, double z) {
        double norm = Math.sqrt(w * w + x * x + y * y + z * z);
        if (!(norm > 1e-9) || !Double.isFinite(norm)) {
            throw new IllegalArgumentException("pose quaternion (" + w + ", " + x + ", " + y + ", " + z
                    + ") has no direction; its norm must be positive and finite");
        }
        w /= norm;
        x /= norm;
        y /= norm;
        z /= norm;
        return new double[] {
            1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
            2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
            2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)
        };
    }
}
