package io.uavstream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.evaluation.odometry.Pose;
import io.uavstream.evaluation.odometry.Trajectory;
import io.uavstream.simulator.camera.Camera;
import io.uavstream.simulator.camera.CameraIntrinsics;
import io.uavstream.simulator.camera.ImagePoint;
import io.uavstream.simulator.geo.Vec3;
import io.uavstream.tracking.geometry.Homography;
import io.uavstream.tracking.geometry.Point;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrueCameraMotionTest {

    private static final CameraIntrinsics BARREL = CameraIntrinsics.ofHorizontalFov(640, 480, 70, -0.08, 0.01);

    @Test
    void distortedMotionFitsWithinResidual() {
        Camera previous = distorted(GroundPlaneHomographyTest.camera(new Vec3(0, -20, 60), 15, 10));
        Camera current = distorted(GroundPlaneHomographyTest.camera(new Vec3(1.5, -19, 59.5), 18, 13));
        TrueCameraMotion motion = TrueCameraMotion.of(BARREL, trajectory(previous, current));
        Vec3 ground = new Vec3(3, 4, 0);

        ImagePoint before = previous.project(ground);
        ImagePoint after = current.project(ground);
        Point mapped = motion.into(1).map(before.u(), before.v());

        assertThat(Math.hypot(mapped.x() - after.u(), mapped.y() - after.v()))
                .isLessThanOrEqualTo(motion.maxFitResidualPixels() + 1e-6);
    }

    @Test
    void fittedMotionBeatsPinholeNearCorner() {
        Camera previous = distorted(GroundPlaneHomographyTest.camera(new Vec3(0, -20, 60), 15, 10));
        Camera current = distorted(GroundPlaneHomographyTest.camera(new Vec3(1.5, -19, 59.5), 18, 13));
        Homography fitted = TrueCameraMotion.of(BARREL, trajectory(previous, current)).into(1);
        Homography pinhole = GroundPlaneHomography.toHomography(GroundPlaneHomography.frameToFrame(
                GroundPlaneHomography.groundToImage(BARREL, GroundPlaneHomographyTest.pose(previous)),
                GroundPlaneHomography.groundToImage(BARREL, GroundPlaneHomographyTest.pose(current))));
        double u = 20;
        double v = 20;

        ImagePoint after = current.project(previous.intersectHorizontalPlane(u, v, 0));
        Point byFit = fitted.map(u, v);
        Point byPinhole = pinhole.map(u, v);

        assertThat(Math.hypot(byFit.x() - after.u(), byFit.y() - after.v()))
                .isLessThan(Math.hypot(byPinhole.x() - after.u(), byPinhole.y() - after.v()));
    }

    @Test
    void pinholeMotionHasNoResidual() {
        Camera previous = GroundPlaneHomographyTest.camera(new Vec3(0, -20, 60), 15, 10);
        Camera current = GroundPlaneHomographyTest.camera(new Vec3(1.5, -19, 59.5), 18, 13);

        TrueCameraMotion motion = TrueCameraMotion.of(previous.intrinsics(), trajectory(previous, current));

        assertThat(motion.maxFitResidualPixels()).isZero();
        assertThat(motion.frames()).isEqualTo(2);
    }

    private static Camera distorted(Camera camera) {
        return new Camera(BARREL, camera.position(), camera.cameraToWorld());
    }

    private static Trajectory trajectory(Camera previous, Camera current) {
        Pose first = GroundPlaneHomographyTest.pose(previous);
        Pose second = GroundPlaneHomographyTest.pose(current);
        return Trajectory.of(List.of(first, new Pose(0.1, second.position(), second.orientation())));
    }
}
