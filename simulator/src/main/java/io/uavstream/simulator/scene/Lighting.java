package io.uavstream.simulator.scene;

import java.util.SplittableRandom;

/**
 * Sun and sky of one simulation run, baked into the ground texture.
 *
 * <p>NOTE: the sun position is drawn from the seed, not computed from the flight's date, time and
 * location.
 *
 * @param sunAzimuthDegrees compass direction towards the sun, clockwise from north
 * @param sunElevationDegrees angle of the sun above the horizon
 * @param shadowRatio brightness of a shadowed surface relative to a sunlit one (1 = no shadows, overcast)
 * @param redGain colour tint of the light on red, 1 = neutral
 * @param greenGain colour tint on green
 * @param blueGain colour tint on blue
 */
public record Lighting(double sunAzimuthDegrees, double sunElevationDegrees, double shadowRatio,
        double redGain, double greenGain, double blueGain) {

    public Lighting {
        if (!(sunElevationDegrees >= 5 && sunElevationDegrees <= 90)) {
            throw new IllegalArgumentException("sun elevation must be between 5 and 90 degrees, got " + sunElevationDegrees);
        }
        if (!(shadowRatio > 0 && shadowRatio <= 1)) {
            throw new IllegalArgumentException("shadow ratio must be in (0, 1], got " + shadowRatio);
        }
    }

    /** Draws a clear-sky or overcast lighting from {@code random}: about one run in four is overcast. */
    public static Lighting random(SplittableRandom random) {
        double azimuth = random.nextDouble(0, 360);
        boolean overcast = random.nextDouble() < 0.25;
        double elevation = overcast ? random.nextDouble(30, 70) : random.nextDouble(18, 72);
        double shadowRatio = overcast ? random.nextDouble(0.82, 0.92) : random.nextDouble(0.38, 0.58);
        // Low sun is warmer; overcast light is slightly blue.
        double warmth = overcast ? -0.04 : 0.12 * (1 - (elevation - 18) / 54);
        double brightness = overcast ? random.nextDouble(0.82, 0.95) : random.nextDouble(0.95, 1.05);
        return new Lighting(azimuth, elevation, shadowRatio,
                brightness * (1 + warmth), brightness, brightness * (1 - warmth));
    }

    /** Returns the horizontal offset (east, north) in metres of the shadow of a point {@code height} metres up. */
    public double[] shadowOffset(double height) {
        double azimuth = Math.toRadians(sunAzimuthDegrees);
        double length = height / Math.tan(Math.toRadians(sunElevationDegrees));
        return new double[] {-Math.sin(azimuth) * length, -Math.cos(azimuth) * length};
    }

    /** Returns the unit horizontal vector (east, north) pointing towards the sun. */
    public double[] sunDirection() {
        double azimuth = Math.toRadians(sunAzimuthDegrees);
        return new double[] {Math.sin(azimuth), Math.cos(azimuth)};
    }
}
