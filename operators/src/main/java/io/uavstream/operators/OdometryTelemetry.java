package io.uavstream.operators;

import io.uavstream.analytics.geo.GeodeticPoint;
import io.uavstream.analytics.geo.LocalTangentPlane;
import io.uavstream.analytics.geo.Vector3;
import io.uavstream.odometry.Telemetry;
import io.uavstream.schemas.CameraAttitude;
import io.uavstream.schemas.FlightTelemetry;

/**
 * Converts a drone's {@link FlightTelemetry} to the odometry's {@link Telemetry}: the height above
 * ground as is, the GPS fix to east and north metres in the local tangent plane around the drone's
 * {@link #originOf origin}, and the camera attitude quaternion as is.
 *
 * <p>NOTE: the camera attitude is taken as relative to the axes of that tangent plane, while a
 * gimbal reports it relative to east-north-up at the drone. The two differ by the angle between
 * the verticals, about 0.009 degrees per kilometre from the origin.
 */
final class OdometryTelemetry {

    private OdometryTelemetry() {
    }

    /**
     * Returns the WGS84 origin of the drone's local frame, taken from its first fix, or null when
     * the sample has no fix. The origin is the latitude and longitude in degrees, and the ground
     * height below the fix above the WGS84 ellipsoid in metres. That height is NaN unless the
     * sample has both the ellipsoid height and the height above ground.
     */
    static double[] originOf(FlightTelemetry telemetry) {
        if (!hasFix(telemetry)) {
            return null;
        }
        Double ellipsoidHeight = telemetry.getSensorEllipsoidHeightMetres();
        Double heightAboveGround = telemetry.getHeightAboveGroundMetres();
        double groundHeight = ellipsoidHeight != null && heightAboveGround != null
                ? ellipsoidHeight - heightAboveGround
                : Double.NaN;
        return new double[] {telemetry.getSensorLatitudeDegrees(), telemetry.getSensorLongitudeDegrees(), groundHeight};
    }

    /**
     * Returns the odometry telemetry of a sample.
     *
     * @param origin the drone's origin from {@link #originOf}, or null when it has none yet; a
     *     fix is then left out
     * @throws IllegalArgumentException if a value is out of range, such as a latitude beyond 90
     *     degrees. A height above ground that is not positive is left out instead.
     */
    static Telemetry toOdometry(FlightTelemetry telemetry, double[] origin) {
        // A drone on the ground reports a height of about zero, which gives the odometry no scale.
        Double heightAboveGround = telemetry.getHeightAboveGroundMetres();
        double height = heightAboveGround != null && heightAboveGround > 0 && Double.isFinite(heightAboveGround)
                ? heightAboveGround
                : Double.NaN;
        double east = Double.NaN;
        double north = Double.NaN;
        if (origin != null && hasFix(telemetry)) {
            Vector3 enu = planeAround(origin).toEnu(new GeodeticPoint(telemetry.getSensorLatitudeDegrees(),
                    telemetry.getSensorLongitudeDegrees(), heightOf(telemetry, origin)));
            east = enu.x();
            north = enu.y();
        }
        CameraAttitude attitude = telemetry.getCameraAttitude();
        double[] cameraToEnu = attitude == null
                ? null
                : new double[] {attitude.getQw(), attitude.getQx(), attitude.getQy(), attitude.getQz()};
        return new Telemetry(height, east, north, cameraToEnu);
    }

    /** Returns the local tangent plane around an origin from {@link #originOf}. */
    static LocalTangentPlane planeAround(double[] origin) {
        double height = Double.isNaN(origin[2]) ? 0 : origin[2];
        return new LocalTangentPlane(new GeodeticPoint(origin[0], origin[1], height));
    }

    private static boolean hasFix(FlightTelemetry telemetry) {
        return telemetry.getSensorLatitudeDegrees() != null && telemetry.getSensorLongitudeDegrees() != null;
    }

    /** Returns the fix's height above the ellipsoid, or the origin's when the sample has none. */
    private static double heightOf(FlightTelemetry telemetry, double[] origin) {
        if (telemetry.getSensorEllipsoidHeightMetres() != null) {
            return telemetry.getSensorEllipsoidHeightMetres();
        }
        return Double.isNaN(origin[2]) ? 0 : origin[2];
    }
}
