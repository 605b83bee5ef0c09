package io.uavstream.simulator.geo;

/**
 * A WGS84 position.
 *
 * @param latitudeDegrees geodetic latitude, north positive
 * @param longitudeDegrees longitude, east positive
 * @param heightMetres height above the WGS84 ellipsoid
 */
public record GeodeticPosition(double latitudeDegrees, double longitudeDegrees, double heightMetres) {

    public GeodeticPosition {
        if (!(latitudeDegrees >= -90 && latitudeDegrees <= 90)) {
            throw new IllegalArgumentException("latitude must be between -90 and 90 degrees, got " + latitudeDegrees);
        }
        if (!(longitudeDegrees >= -180 && longitudeDegrees <= 180)) {
            throw new IllegalArgumentException("longitude must be between -180 and 180 degrees, got " + longitudeDegrees);
        }
        if (!Double.isFinite(heightMetres)) {
            throw new IllegalArgumentException("height must be finite, got " + heightMetres);
        }
    }
}
