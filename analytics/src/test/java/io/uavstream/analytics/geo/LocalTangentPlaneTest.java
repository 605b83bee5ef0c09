package io.uavstream.analytics.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LocalTangentPlaneTest {

    private static final GeodeticPoint ORIGIN = GeodeticPoint.of(45.0, 10.0);

    /**
     * Hand computation at latitude 45 degrees on WGS84 (a = 6378137 m, f = 1/298.257223563,
     * e^2 = f (2 - f) = 0.00669437999):
     * w = 1 - e^2 sin^2(45 deg) = 0.99665281;
     * meridian radius M = a (1 - e^2) / w^1.5 = 6367381.82 m;
     * prime-vertical radius N = a / sqrt(w) = 6388838.29 m.
     * 100 m north: dLat = 100 / M rad = 0.00089983263 deg.
     * 100 m east: dLon = 100 / (N cos 45 deg) rad = 0.00126828172 deg.
     * The tangent plane leaves the ellipsoid by about 1 mm over 100 m, far below 1e-7 deg (about 1 cm).
     */
    @Test
    void hundredMetresNorthMatchesMeridianRadius() {
        GeodeticPoint north = new LocalTangentPlane(ORIGIN).toGeodetic(new Vector3(0, 100, 0));

        assertThat(north.latitudeDegrees() - 45.0).isCloseTo(0.00089983263, within(1e-7));
        assertThat(north.longitudeDegrees()).isCloseTo(10.0, within(1e-7));
    }

    @Test
    void hundredMetresEastMatchesPrimeVerticalRadius() {
        GeodeticPoint east = new LocalTangentPlane(ORIGIN).toGeodetic(new Vector3(100, 0, 0));

        assertThat(east.longitudeDegrees() - 10.0).isCloseTo(0.00126828172, within(1e-7));
        assertThat(east.latitudeDegrees()).isCloseTo(45.0, within(1e-7));
    }

    @Test
    void enuRoundTripIsExactToMicrometres() {
        LocalTangentPlane plane = new LocalTangentPlane(new GeodeticPoint(-33.9, 151.2, 40));
        Vector3 offset = new Vector3(-1234.5, 678.9, 12.3);

        Vector3 back = plane.toEnu(plane.toGeodetic(offset));

        assertThat(back.x()).isCloseTo(offset.x(), within(1e-6));
        assertThat(back.y()).isCloseTo(offset.y(), within(1e-6));
        assertThat(back.z()).isCloseTo(offset.z(), within(1e-6));
    }

    @Test
    void originMapsToZero() {
        LocalTangentPlane plane = new LocalTangentPlane(ORIGIN);

        assertThat(plane.toEnu(ORIGIN).norm()).isLessThan(1e-9);
    }
}
