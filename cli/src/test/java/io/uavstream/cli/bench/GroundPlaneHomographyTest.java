package io.uavstream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.uavstream.evaluation.geometry.Matrix3;
import io.uavstream.evaluation.geometry.Quaternion;
import io.uavstream.evaluation.geometry.Vector3;
import io.uavstream.evaluation.odometry.Pose;
import io.uavstream.simulator.camera.Camera;
import io.uavstream.simulator.camera.CameraIntrinsics;
import io.uavstream.simulator.camera.ImagePoint;
import io.uavstream.simulator.geo.Rotation;
import io.uavstream.simulator.geo.Vec3;
import io.uavstream.tracking.geometry.Homography;
import io.uavstream.tracking.geometry.Point;
import org.junit.jupiter.api.Test;

/** Checks the frame-to-frame homography against the simulator's own projection of ground points. */
class GroundPlaneHomographyTest {

    private static final CameraIntrinsics PINHOLE = CameraIntrinsics.ofHorizontalFov(640, 480, 70, 0, 0);

    private static final Vec3[] GROUND_POINTS = {
        new Vec3(3, 4, 0), new Vec3(-12.5, 20, 0), new Vec3(25, -6, 0), new Vec3(-30, -18, 0), new Vec3(0.5, 31, 0),
    };

    @Test
    void groundPointMapsBetweenFrames() {
        Camera previous = camera(new Vec3(0, -20, 60), 15, 10);
        Camera current = camera(new Vec3(1.5, -19, 59.5), 18, 13);
        Homography homography = GroundPlaneHomography.toHomography(GroundPlaneHomography.frameToFrame(
                GroundPlaneHomography.groundToImage(PINHOLE, pose(previous)),
                GroundPlaneHomography.groundToImage(PINHOLE, pose(current))));

        for (Vec3 ground : GROUND_POINTS) {
            ImagePoint before = previous.project(ground);
            ImagePoint after = current.project(ground);
            Point mapped = homography.map(before.u(), before.v());

            assertThat(mapped.x()).as("u of %s", ground).isCloseTo(after.u(), within(1e-6));
            assertThat(mapped.y()).as("v of %s", ground).isCloseTo(after.v(), within(1e-6));
        }
    }

    @Test
    void groundToImageProjectsLikeCamera() {
        Camera camera = camera(new Vec3(5, 2, 80), 40, 25);
        Matrix3 groundToImage = GroundPlaneHomography.groundToImage(PINHOLE, pose(camera));

        for (Vec3 ground : GROUND_POINTS) {
            Vector3 pixel = groundToImage.times(new Vector3(ground.x(), ground.y(), 1));
            ImagePoint expected = camera.project(ground);

            assertThat(pixel.x() / pixel.z()).as("u of %s", ground).isCloseTo(expected.u(), within(1e-6));
            assertThat(pixel.y() / pixel.z()).as("v of %s", ground).isCloseTo(expected.v(), within(1e-6));
        }
    }

    @Test
    void inverseUndoesMatrix() {
        Matrix3 matrix = new Matrix3(2, 1, 0.5, -1, 3, 2, 0.25, 0.5, 4);

        Matrix3 product = matrix.times(GroundPlaneHomography.inverse(matrix));

        assertThat(product.maxAbsDifference(Matrix3.IDENTITY)).isLessThan(1e-12);
    }

    /**
     * Returns a camera at {@code position} that looks down, tilted {@code tiltDegrees} from nadir
     * towards the compass heading {@code headingDegrees}.
     */
    static Camera camera(Vec3 position, double headingDegrees, double tiltDegrees) {
        double tilt = Math.toRadians(tiltDegrees);
        double heading = Math.toRadians(headingDegrees);
        // At heading 0 the image top points north: x east, y (image down) south-ish, z down and north.
        Vec3 x = new Vec3(1, 0, 0);
        Vec3 y = new Vec3(0, -Math.cos(tilt), -Math.sin(tilt));
        Vec3 z = new Vec3(0, Math.sin(tilt), -Math.cos(tilt));
        return new Camera(PINHOLE, position,
                Rotation.fromColumns(turn(x, heading), turn(y, heading), turn(z, heading)));
    }

    static Pose pose(Camera camera) {
        io.uavstream.simulator.geo.Quaternion q = camera.cameraToWorld().toQuaternion();
        Vec3 p = camera.position();
        return new Pose(0, new Vector3(p.x(), p.y(), p.z()), new Quaternion(q.x(), q.y(), q.z(), q.w()));
    }

    /** Turns a world vector clockwise seen from above (compass direction) by {@code radians}. */
    private static Vec3 turn(Vec3 v, double radians) {
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        return new Vec3(cos * v.x() + sin * v.y(), -sin * v.x() + cos * v.y(), v.z());
    }
}
