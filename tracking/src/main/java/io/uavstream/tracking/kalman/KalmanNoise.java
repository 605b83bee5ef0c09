package io.uavstream.tracking.kalman;

import java.io.Serializable;

/**
 * Noise levels of {@link BoxKalmanFilter}, each relative to the box size: the width scales the
 * x and width components, the height scales the y and height components. Process noise is given
 * as a density per second, so that the filter means the same at any frame rate.
 *
 * <p>The defaults roughly match the per-frame weights of ByteTrack's filter (1/20 of the box
 * size for position and measurement, 1/160 per frame for velocity and 10/160 per frame for the
 * initial velocity), converted to rates per second at 30 frames per second.
 *
 * @param positionNoise std of the random-walk position and size noise, in box sizes per square
 *     root of a second: over t seconds it adds a variance of (positionNoise * size)^2 * t
 * @param accelerationNoise std of the white-noise acceleration, in box sizes per second per
 *     square root of a second: over t seconds it adds a velocity variance of
 *     (accelerationNoise * size)^2 * t
 * @param measurementNoise std of a detector box's centre and size error, in box sizes
 * @param initialVelocityStd std of the velocity of a new track, in box sizes per second
 */
public record KalmanNoise(
        double positionNoise, double accelerationNoise, double measurementNoise, double initialVelocityStd)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public KalmanNoise {
        requirePositive("positionNoise", positionNoise);
        requirePositive("accelerationNoise", accelerationNoise);
        requirePositive("measurementNoise", measurementNoise);
        requirePositive("initialVelocityStd", initialVelocityStd);
    }

    /** Returns the default noise levels: 0.25, 1.0, 0.05 and 2.0. */
    public static KalmanNoise defaults() {
        return new KalmanNoise(0.25, 1.0, 0.05, 2.0);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
    }
}
