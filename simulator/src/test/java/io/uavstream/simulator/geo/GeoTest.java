package io.uavstream.simulator.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.uavstream.simulator.camera.CameraAttitude;
import org.junit.jupiter.api.Test;

class GeoTest {

    private final EnuFrame frame = new EnuFrame(new GeodeticPosition(47.3769, 8.5417, 408));

    @Test
    void enuRoundTripIsExact() {
        Vec3 point = new Vec3(1234.5, -987.25, 87.5);

        Vec3 back = frame.toEnu(frame.toGeodetic(point));

        assertThat(back.minus(point).norm()).isLessThan(1e-6);
    }

    @Test
    void oneKilometreNorthMatchesMeridianArc() {
        GeodeticPosition north = frame.toGeodetic(new Vec3(0, 1000, 0));

        // Meridian radius of curvature M = a (1 - e^2) / (1 - e^2 sin^2(latitude))^1.5 on WGS84; the
        // tangent plane lies at the origin's height of 408 m, so the arc has radius M + 408.
        double eccentricitySquared = (2 - 1 / 298.257223563) / 298.257223563;
        double sin = Math.sin(Math.toRadians(47.3769 + 0.0045));
        double meridianRadius = 6378137.0 * (1 - eccentricitySquared) / Math.pow(1 - eccentricitySquared * sin * sin, 1.5);
        double expectedDegrees = Math.toDegrees(1000 / (meridianRadius + 408));
        assertThat(north.latitudeDegrees() - 47.3769).isCloseTo(expectedDegrees, within(1e-8));
        assertThat(north.longitudeDegrees()).isCloseTo(8.5417, within(1e-9));
    }

    @Test
    void originMapsToOrigin() {
        GeodeticPosition origin = frame.toGeodetic(Vec3.ZERO);

        assertThat(origin.latitudeDegrees()).isCloseTo(47.3769, within(1e-10));
        assertThat(origin.longitudeDegrees()).isCloseTo(8.5417, within(1e-10));
        assertThat(origin.heightMetres()).isCloseTo(408, within(1e-6));
    }

    @Test
    void quaternionRotatesLikeMatrix() {
        Rotation rotation = new CameraAttitude(211, 38, 7).toRotation();
        Quaternion q = rotation.toQuaternion();
        Vec3 v = new Vec3(0.3, -1.2, 2.5);

        Vec3 expected = rotation.apply(v);
        Vec3 u = new Vec3(q.x(), q.y(), q.z());
        // v' = v + 2 w (u x v) + 2 u x (u x v)
        Vec3 uv = u.cross(v);
        Vec3 actual = v.plus(uv.times(2 * q.w())).plus(u.cross(uv).times(2));

        assertThat(actual.minus(expected).norm()).isLessThan(1e-12);
        assertThat(q.w()).isGreaterThanOrEqualTo(0);
    }
}
