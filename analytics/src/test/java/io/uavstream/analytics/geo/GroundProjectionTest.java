package io.uavstream.analytics.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.uavstream.analytics.geometry.Point2;
import org.junit.jupiter.api.Test;

class GroundProjectionTest {

    private static final CameraIntrinsics INTRINSICS = new CameraIntrinsics(1000, 1000, 960, 540);
    /** Oblique camera 80 m up, looking north-east and down. */
    private static final CameraPose POSE = CameraPose.lookingAt(new Vector3(10, -50, 80), new Vector3(20, 30, 0));

    @Test
    void groundPointRoundTripsThroughImage() {
        Vector3 ground = new Vector3(17.25, 41.5, 0);

        Point2 pixel = GroundProjection.worldToPixel(ground, INTRINSICS, POSE).orElseThrow();
        Vector3 back = GroundProjection.pixelToGround(pixel, INTRINSICS, POSE).orElseThrow();

        assertThat(back.minus(ground).norm()).isLessThan(1e-6);
    }

    @Test
    void principalPointHitsTarget() {
        Vector3 ground = GroundProjection.pixelToGround(new Point2(960, 540), INTRINSICS, POSE).orElseThrow();

        assertThat(ground.x()).isCloseTo(20, within(1e-9));
        assertThat(ground.y()).isCloseTo(30, within(1e-9));
    }

    @Test
    void imageRightIsEastWhenFacingNorth() {
        CameraPose facingNorth = CameraPose.lookingAt(new Vector3(0, 0, 50), new Vector3(0, 50, 0));

        Vector3 right = GroundProjection.pixelToGround(new Point2(1500, 540), INTRINSICS, facingNorth).orElseThrow();

        assertThat(right.x()).isPositive();
    }

    @Test
    void pixelAboveHorizonHasNoGroundPoint() {
        // The optical axis is 44.8 degrees below horizontal, and a pixel 1040 px above the
        // principal point looks atan(1.04) = 46.1 degrees above the axis, so above the horizon.
        assertThat(GroundProjection.pixelToGround(new Point2(960, -500), INTRINSICS, POSE)).isEmpty();
    }

    @Test
    void pointBehindCameraHasNoPixel() {
        assertThat(GroundProjection.worldToPixel(new Vector3(0, -200, 0), INTRINSICS, POSE)).isEmpty();
    }

    @Test
    void reflectionIsRejected() {
        double[] mirror = {1, 0, 0, 0, 1, 0, 0, 0, -1};

        assertThatThrownBy(() -> new CameraPose(mirror, new Vector3(0, 0, 10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("determinant");
    }
}
