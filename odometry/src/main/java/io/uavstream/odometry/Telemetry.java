package io.uavstream.odometry;

/**
 * Flight telemetry of one frame, each part optional: the height above ground (from a barometer,
 * laser range finder or an ST 0601 packet), the camera position in the local east-north-up frame
 * (from GPS, already converted with {@code LocalTangentPlane}) and the camera attitude (from the
 * gimbal). NaN marks an absent height, null an absent position or attitude.
 *
 * @param heightAboveGroundMetres camera height above the ground plane in metres, or NaN
 * @param eastMetres GPS position east of the ENU origin in metres, or NaN
 * @param northMetres GPS position north of the ENU origin in metres, or NaN
 * @param cameraToEnu unit quaternion (w, x, y, z) of the rotation from camera axes (OpenCV: x
 *     right, y down, z forward) to ENU axes, or null
 */
public record Telemetry(double heightAboveGroundMetres, double eastMetres, double northMetres, double[] cameraToEnu) {

    /** Telemetry without any part. */
    public static final Telemetry NONE = new Telemetry(Double.NaN, Double.NaN, Double.NaN, null);

    public Telemetry {
        if (!Double.isNaN(heightAboveGroundMetres) && !(heightAboveGroundMetres > 0 && Double.isFinite(heightAboveGroundMetres))) {
            throw new IllegalArgumentException("Height above ground must be positive and finite or NaN, got "
                    + heightAboveGroundMetres);
        }
        if (Double.isNaN(eastMetres) != Double.isNaN(northMetres) || Double.isInfinite(eastMetres) || Double.isInfinite(northMetres)) {
            throw new IllegalArgumentException("GPS position needs both east and north, finite, got east="
                    + eastMetres + ", north=" + northMetres);
        }
        if (cameraToEnu != null) {
            cameraToEnu = Rotations.normalizeQuaternion(cameraToEnu);
        }
    }

    /** Returns telemetry with only the height above ground, in metres. */
    public static Telemetry ofHeight(double heightAboveGroundMetres) {
        return new Telemetry(heightAboveGroundMetres, Double.NaN, Double.NaN, null);
    }

    public boolean hasHeight() {
        return !Double.isNaN(heightAboveGroundMetres);
    }

    public boolean hasPosition() {
        return !Double.isNaN(eastMetres);
    }

    public boolean hasAttitude() {
        return cameraToEnu != null;
    }

    /** Returns a copy without the GPS position, as during a GPS dropout. */
    public Telemetry withoutPosition() {
        return new Telemetry(heightAboveGroundMetres, Double.NaN, Double.NaN, cameraToEnu);
    }

    /** Returns a copy with the GPS position set, in ENU metres. */
    public Telemetry withPosition(double east, double north) {
        return new Telemetry(heightAboveGroundMetres, east, north, cameraToEnu);
    }
}
