package io.uavstream.tracking.kalman;

import java.io.Serializable;

/**
 * Noise levels of {@link BoxKalmanFilter}. All but one are relative to the box size: the width
 * scales the x and width components, the height scales the y and height components. The
 * measurement noise also has a part in pixels. Process noise is given as a density per second,
 * so that the filter means the same at any frame rate.
 *
 * <p>ByteTrack's filter weights (1/20 of the box size for position and measurement, 1/160 per
 * frame for velocity, 10/160 for the initial velocity) convert at 30 frames per second to about
 * 0.25, 1.0, 0.05 and 2.0 with no pixel part. The defaults were tuned instead on simulated drone
 * flights at 10 fps with exact camera-motion compensation and detector box edges that scatter by
 * 2 px (docs/tracking.md). Their process noise is lower, because with compensation the predicted
 * motion is the object's own. Their pixel part dominates for the small boxes of aerial footage.
 * Without compensation, the ByteTrack values follow a moving camera better.
 *
 * @param positionNoise std of the random-walk position and size noise, in box sizes per square
 *     root of a second: over t seconds it adds a variance of (positionNoise * size)^2 * t
 * @param accelerationNoise std of the white-noise acceleration, in box sizes per second per
 *     square root of a second: over t seconds it adds a velocity variance of
 *     (accelerationNoise * size)^2 * t
 * @param measurementNoise std of a detector box's centre and size error, in box sizes
 * @param initialVelocityStd std of the velocity of a new track, in box sizes per second
 * @param measurementNoisePixels std of a detector box's centre and size error that does not
 *     shrink with the box, in pixels. It adds to the relative part in quadrature, so the total std
 *     of a component is sqrt((measurementNoise * size)^2 + measurementNoisePixels^2). Detectors
 *     place box edges to about a pixel or two at any object size, which for small objects is far
 *     more than the relative part
 */
public record KalmanNoise(
        double positionNoise, double accelerationNoise, double measurementNoise, double initialVelocityStd,
        double measurementNoisePixels)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public KalmanNoise {
        requirePositive("positionNoise", positionNoise);
        requirePositive("accelerationNoise", accelerationNoise);
        requirePositive("measurementNoise", measurementNoise);
        requirePositive("initialVelocityStd", initialVelocityStd);
        if (!(measurementNoisePixels >= 0) || Double.isInfinite(measurementNoisePixels)) {
            throw new IllegalArgumentException(
                    "measurementNoisePixels must be non-negative and finite, got " + measurementNoisePixels);
        }
    }

    /** Creates noise levels whose measurement noise is relative to the box size only. */
    public KalmanNoise(
            double positionNoise, double accelerationNoise, double measurementNoise, double initialVelocityStd) {
        this(positionNoise, accelerationNoise, measurementNoise, initialVelocityStd, 0);
    }

    /** Returns the std in pixels of a measured centre or size component of a box of {@code size} pixels. */
    public double measurementStd(double size) {
        return Math.hypot(measurementNoise * size, measurementNoisePixels);
    }

    /** Returns the default noise levels: 0.05, 0.3, 0.05, 2.0 and 3 px. */
    public static KalmanNoise defaults() {
        return new KalmanNoise(0.05, 0.3, 0.05, 2.0, 3.0);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
    }
}
