package io.uavstream.simulator.geo;

import java.util.Objects;

/**
 * A local east-north-up (ENU) tangent frame at a WGS84 origin, with exact conversions through
 * Earth-centred Earth-fixed (ECEF) coordinates. WGS84 constants: a = 6378137 m, 1/f = 298.257223563.
 */
public final class EnuFrame {

    private static final double SEMI_MAJOR_AXIS = 6378137.0;
    private static final double FLATTENING = 1 / 298.257223563;
    private static final double ECCENTRICITY_SQUARED = FLATTENING * (2 - FLATTENING);

    private final GeodeticPosition origin;
    private final double[] originEcef;
    private final double sinLatitude;
    private final double cosLatitude;
    private final double sinLongitude;
    private final double cosLongitude;

    public EnuFrame(GeodeticPosition origin) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.originEcef = toEcef(origin);
        double latitude = Math.toRadians(origin.latitudeDegrees());
        double longitude = Math.toRadians(origin.longitudeDegrees());
        this.sinLatitude = Math.sin(latitude);
        this.cosLatitude = Math.cos(latitude);
        this.sinLongitude = Math.sin(longitude);
        this.cosLongitude = Math.cos(longitude);
    }

    public GeodeticPosition origin() {
        return origin;
    }

    /** Converts a local ENU point (metres from the origin) to WGS84. */
    public GeodeticPosition toGeodetic(Vec3 enu) {
        double e = enu.x();
        double n = enu.y();
        double u = enu.z();
        double x = originEcef[0] - sinLongitude * e - sinLatitude * cosLongitude * n + cosLatitude * cosLongitude * u;
        double y = originEcef[1] + cosLongitude * e - sinLatitude * sinLongitude * n + cosLatitude * sinLongitude * u;
        double z = originEcef[2] + cosLatitude * n + sinLatitude * u;
        return fromEcef(x, y, z);
    }

    /** Converts a WGS84 position to local ENU metres. */
    public Vec3 toEnu(GeodeticPosition position) {
        double[] ecef = toEcef(position);
        double dx = ecef[0] - originEcef[0];
        double dy = ecef[1] - originEcef[1];
        double dz = ecef[2] - originEcef[2];
        double e = -sinLongitude * dx + cosLongitude * dy;
        double n = -sinLatitude * cosLongitude * dx - sinLatitude * sinLongitude * dy + cosLatitude * dz;
        double u = cosLatitude * cosLongitude * dx + cosLatitude * sinLongitude * dy + sinLatitude * dz;
        return new Vec3(e, n, u);
    }

    private static double[] toEcef(GeodeticPosition position) {
        double latitude = Math.toRadians(position.latitudeDegrees());
        double longitude = Math.toRadians(position.longitudeDegrees());
        double sinLat = Math.sin(latitude);
        double primeVerticalRadius = SEMI_MAJOR_AXIS / Math.sqrt(1 - ECCENTRICITY_SQUARED * sinLat * sinLat);
        double h = position.heightMetres();
        return new double[] {
            (primeVerticalRadius + h) * Math.cos(latitude) * Math.cos(longitude),
            (primeVerticalRadius + h) * Math.cos(latitude) * Math.sin(longitude),
            (primeVerticalRadius * (1 - ECCENTRICITY_SQUARED) + h) * sinLat,
        };
    }

    /** Inverts {@link #toEcef} by fixed-point iteration on latitude, which converges to below 1e-12 rad in a few steps near the surface. */
    private static GeodeticPosition fromEcef(double x, double y, double z) {
        double longitude = Math.atan2(y, x);
        double p = Math.hypot(x, y);
        double latitude = Math.atan2(z, p * (1 - ECCENTRICITY_SQUARED));
        double height = 0;
        for (int i = 0; i < 10; i++) {
            double sinLat = Math.sin(latitude);
            double primeVerticalRadius = SEMI_MAJOR_AXIS / Math.sqrt(1 - ECCENTRICITY_SQUARED * sinLat * sinLat);
            height = p / Math.cos(latitude) - primeVerticalRadius;
            double next = Math.atan2(z, p * (1 - ECCENTRICITY_SQUARED * primeVerticalRadius / (primeVerticalRadius + height)));
            boolean converged = Math.abs(next - latitude) < 1e-14;
            latitude = next;
            if (converged) {
                break;
            }
        }
        return new GeodeticPosition(Math.toDegrees(latitude), Math.toDegrees(longitude), height);
    }
}
