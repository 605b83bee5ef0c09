package io.uavstream.simulator.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.uavstream.simulator.geo.Rotation;
import io.uavstream.simulator.geo.Vec3;
import org.junit.jupiter.api.Test;

class CameraAttitudeTest {

    private static final double EPSILON = 1e-12;

    @Test
    void nadirNorthLooksDownWithEastRight() {
        Rotation rotation = new CameraAttitude(0, 0, 0).toRotation();

        assertVector(rotation.column(0), new Vec3(1, 0, 0));
        assertVector(rotation.column(1), new Vec3(0, -1, 0));
        assertVector(rotation.column(2), new Vec3(0, 0, -1));
    }

    @Test
    void tiltTurnsAxisTowardsHeading() {
        Rotation rotation = new CameraAttitude(90, 45, 0).toRotation();

        double s = Math.sqrt(0.5);
        assertVector(rotation.column(2), new Vec3(s, 0, -s));
        assertVector(rotation.column(0), new Vec3(0, -1, 0));
    }

    @Test
    void rollTurnsImageClockwise() {
        Rotation rotation = new CameraAttitude(0, 0, 90).toRotation();

        assertVector(rotation.column(0), new Vec3(0, -1, 0));
        assertVector(rotation.column(1), new Vec3(-1, 0, 0));
    }

    @Test
    void rotationIsRightHandedOrthonormal() {
        Rotation rotation = new CameraAttitude(123, 31, -4).toRotation();
        Vec3 x = rotation.column(0);
        Vec3 y = rotation.column(1);
        Vec3 z = rotation.column(2);

        assertThat(x.norm()).isCloseTo(1, within(EPSILON));
        assertThat(x.dot(y)).isCloseTo(0, within(EPSILON));
        assertVector(x.cross(y), z);
    }

    @Test
    void gimbalPitchFollowsDjiConvention() {
        assertThat(new CameraAttitude(0, 0, 0).gimbalPitchDegrees()).isEqualTo(-90);
        assertThat(new CameraAttitude(0, 45, 0).gimbalPitchDegrees()).isEqualTo(-45);
    }

    private static void assertVector(Vec3 actual, Vec3 expected) {
        assertThat(actual.x()).as("x of %s", actual).isCloseTo(expected.x(), within(EPSILON));
        assertThat(actual.y()).as("y of %s", actual).isCloseTo(expected.y(), within(EPSILON));
        assertThat(actual.z()).as("z of %s", actual).isCloseTo(expected.z(), within(EPSILON));
    }
}
