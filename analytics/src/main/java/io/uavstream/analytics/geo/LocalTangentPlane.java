package io.uavstream.analytics.geo;

import java.io.Serializable;

/**
 * Local east-north-up (ENU) frame, in metres, tangent to the WGS84 ellipsoid at an origin.
 *
 * <p>Model: geodetic coordinates are converted to Earth-centred, Earth-fixed (ECEF) coordinates
 * on the WGS84 ellipsoid (semi-major axis 6378137 m, flattening 1/298.257223563), and ECEF offsets from the origin are rotated into the origin's east, north and
 * up axes. The inverse rotates back to ECEF and solves for latitude by fixed-point iteration.
 * The frame is a plane, so ENU up of a distant point on the ellipsoid is negative (the Earth
 * curves away, by about d^2 / (2 R), 0.8 mm at 100 m and 7.8 m at 10 km).
 */
public final class LocalTangentPlane implements Serializable {

    private static final long serialVersionUID = 1L;

    /** WGS84 semi-major axis in metres. */
    public static final double SEMI_MAJOR_AXIS = 6378137.0;
    /** WGS84 flattening. */
    public static final double FLATTENING = 1 / 298.257223563;
    private static final double ECCENTRICITY_SQUARED = FLATTENING * (2 - FLATTENING);

    private final GeodeticPoint origin;
    private final Vector3 originEcef;
    private final Vector3 east;
    private final Vector3 north;
    private final Vector3 up;

    public LocalTangentPlane(GeodeticPoint origin) {
        if (origin == null) {
            throw new IllegalArgumentException("Tangent plane origin must not be null");
        }
        this.origin = origin;
        this.originEcef = toEcef(origin);
        double lat = Math.toRadians(origin.latitudeDegrees());
        double lon = Math.toRadians(origin.longitudeDegrees());
        double sinLat = Math.sin(lat);
        double cosLat = Math.cos(lat);
        double sinLon = Math.sin(lon);
        double cosLon = Math.cos(lon);
        this.east = new Vector3(-sinLon, cosLon, 0);
        this.north = new Vector3(-sinLat * cosLon, -sinLat * sinLon, cosLat);
        this.up = new Vector3(cosLat * cosLon, cosLat * sinLon, sinLat);
    }

    public GeodeticPoint origin() {
        return origin;
    }

    /** Converts a WGS84 position to ENU metres relative to the origin. */
    public Vector3 toEnu(GeodeticPoint point) {
        Vector3 offset = toEcef(point).minus(originEcef);
        return new Vector3(offset.dot(east), offset.dot(north), offset.dot(up));
    }

    /** Converts ENU metres relative to the origin to a WGS84 position. */
    public GeodeticPoint toGeodetic(Vector3 enu) {
        double x = originEcef.x() + enu.x() * east.x() + enu.y() * north.x() + enu.z() * up.x();
        double y = originEcef.y() + enu.x() * east.y() + enu.y() * north.y() + enu.z() * up.y();
        double z = originEcef.z() + enu.x() * east.z() + enu.y() * north.z() + enu.z() * up.z();
        return fromEcef(x, y, z);
    }

    /** Converts a WGS84 position to ECEF metres. */
    public static Vector3 toEcef(GeodeticPoint point) {
        double lat = Math.toRadians(point.latitudeDegrees());
        double lon = Math.toRadians(point.longitudeDegrees());
        double sinLat = Math.sin(lat);
        double primeVerticalRadius = SEMI_MAJOR_AXIS / Math.sqrt(1 - ECCENTRICITY_SQUARED * sinLat * sinLat);
        double h = point.heightMetres();
        double horizontal = (primeVerticalRadius + h) * Math.cos(lat);
        return new Vector3(
                horizontal * Math.cos(lon),
                horizontal * Math.sin(lon),
                (primeVerticalRadius * (1 - ECCENTRICITY_SQUARED) + h) * sinLat);
    }

    private static GeodeticPoint fromEcef(double x, double y, double z) {
        double lon = Math.atan2(y, x);
        double p = Math.hypot(x, y);
        // Start from the spherical latitude and iterate tan(lat) = z / (p (1 - e^2 N / (N + h))).
        double lat = Math.atan2(z, p * (1 - ECCENTRICITY_SQUARED));
        double h = 0;
        for (int i = 0; i < 10; i++) {
            double sinLat = Math.sin(lat);
            double primeVerticalRadius = SEMI_MAJOR_AXIS / Math.sqrt(1 - ECCENTRICITY_SQUARED * sinLat * sinLat);
            h = p / Math.cos(lat) - primeVerticalRadius;
            double next = Math.atan2(z, p * (1 - ECCENTRICITY_SQUARED * primeVerticalRadius / (primeVerticalRadius + h)));
            boolean converged = Math.abs(next - lat) < 1e-14;
            lat = next;
            if (converged) {
                break;
            }
        }
        // NOTE: p / cos(lat) loses precision within metres of the poles; drones there are not expected.
        return new GeodeticPoint(Math.toDegrees(lat), Math.toDegrees(lon), h);
    }
}
