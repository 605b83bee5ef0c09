package io.uavstream.analytics.geo;

import java.io.Serializable;

/**
 * WGS84 position: latitude and longitude in degrees, height above the WGS84 ellipsoid in metres
 * (not above mean sea level).
 */
public record GeodeticPoint(double latitudeDegrees, double longitudeDegrees, double heightMetres)
        implements Serializable {

    public GeodeticPoint {
        if (!(latitudeDegrees >= -90 && latitudeDegrees <= 90)) {
            throw new IllegalArgumentException("Latitude must be in [-90, 90] degrees, got " + latitudeDegrees);
        }
        if (!(longitudeDegrees >= -180 && longitudeDegrees <= 180)) {
            throw new IllegalArgumentException("Longitude must be in [-180, 180] degrees, got " + longitudeDegrees);
        }
        if (!Double.isFinite(heightMetres)) {
            throw new IllegalArgumentException("Height must be finite, got " + heightMetres);
        }
    }

    /** Creates a point on the ellipsoid (height 0). */
    public static GeodeticPoint of(double latitudeDegrees, double longitudeDegrees) {
        return new GeodeticPoint(latitudeDegrees, longitudeDegrees, 0);
    }
}
