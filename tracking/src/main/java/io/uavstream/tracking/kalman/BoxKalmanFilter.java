package io.uavstream.tracking.kalman;

import io.uavstream.tracking.geometry.Box;
import java.util.Arrays;

/**
 * Constant-velocity Kalman filter for an image box. The state has eight components: centre x,
 * centre y, width, height (pixels) and their rates (pixels per second), in that order. The
 * measurement is a detector box as (centre x, centre y, width, height).
 *
 * <p>The mean is a {@code double[8]} and the covariance a row-major {@code double[64]}, both
 * owned by the caller and changed in place. Every method leaves the covariance exactly
 * symmetric, so a state that is saved as its upper triangle and restored stays bit-identical.
 *
 * <p>Prediction uses the continuous white-noise acceleration model plus a random walk on
 * position, discretized exactly for the real time step. While the box size stays constant,
 * predicting twice by t/2 therefore gives the same state as predicting once by t (up to
 * rounding), so skipped frames and a variable frame rate keep the noise level meaningful.
 *
 * <p>Instances keep scratch arrays and are not thread-safe.
 */
public final class BoxKalmanFilter {

    public static final int STATE_SIZE = 8;
    public static final int MEASUREMENT_SIZE = 4;
    public static final int COVARIANCE_SIZE = STATE_SIZE * STATE_SIZE;

    /** Smallest width and height in pixels of a box read from the state, and of a noise scale. */
    public static final double MIN_SIZE = 1.0;

    private final KalmanNoise noise;
    private final double[] innovationCovariance = new double[MEASUREMENT_SIZE * MEASUREMENT_SIZE];
    private final double[] crossCovariance = new double[STATE_SIZE * MEASUREMENT_SIZE];
    private final double[] gainTransposed = new double[MEASUREMENT_SIZE * STATE_SIZE];
    private final double[] innovation = new double[MEASUREMENT_SIZE];

    public BoxKalmanFilter(KalmanNoise noise) {
        if (noise == null) {
            throw new IllegalArgumentException("Kalman noise must not be null");
        }
        this.noise = noise;
    }

    /** Fills {@code mean} and {@code covariance} with the state of a new track at {@code box}, at rest. */
    public void initiate(Box box, double[] mean, double[] covariance) {
        checkSizes(mean, covariance);
        mean[0] = box.centerX();
        mean[1] = box.centerY();
        mean[2] = box.width();
        mean[3] = box.height();
        for (int i = 4; i < STATE_SIZE; i++) {
            mean[i] = 0;
        }
        Arrays.fill(covariance, 0);
        for (int i = 0; i < MEASUREMENT_SIZE; i++) {
            double scale = scale(mean, i);
            double positionStd = noise.measurementStd(scale);
            double velocityStd = noise.initialVelocityStd() * scale;
            covariance[i * STATE_SIZE + i] = positionStd * positionStd;
            covariance[(i + 4) * STATE_SIZE + i + 4] = velocityStd * velocityStd;
        }
    }

    /**
     * Predicts the state {@code dtSeconds} ahead. The noise scale is the box size before the step.
     *
     * @throws IllegalArgumentException if the time step is negative or not finite
     */
    public void predict(double[] mean, double[] covariance, double dtSeconds) {
        checkSizes(mean, covariance);
        if (!(dtSeconds >= 0) || Double.isInfinite(dtSeconds)) {
            throw new IllegalArgumentException("Time step must be finite and non-negative, got " + dtSeconds + " s");
        }
        double[] scales = {scale(mean, 0), scale(mean, 1), scale(mean, 2), scale(mean, 3)};
        for (int i = 0; i < MEASUREMENT_SIZE; i++) {
            mean[i] += mean[i + 4] * dtSeconds;
        }
        propagateCovariance(covariance, dtSeconds);
        addProcessNoise(covariance, scales, dtSeconds);
        Matrices.mirrorUpperTriangle(covariance, STATE_SIZE);
    }

    /**
     * Corrects the state with a detector box. The measurement noise scale is the predicted box size.
     *
     * @throws IllegalStateException if the innovation covariance is not positive definite, which
     *     means the covariance was corrupted
     */
    public void update(double[] mean, double[] covariance, Box measurement) {
        checkSizes(mean, covariance);
        for (int row = 0; row < MEASUREMENT_SIZE; row++) {
            for (int column = 0; column < MEASUREMENT_SIZE; column++) {
                innovationCovariance[row * MEASUREMENT_SIZE + column] = covariance[row * STATE_SIZE + column];
            }
            double measurementStd = noise.measurementStd(scale(mean, row));
            innovationCovariance[row * MEASUREMENT_SIZE + row] += measurementStd * measurementStd;
        }
        for (int row = 0; row < STATE_SIZE; row++) {
            for (int column = 0; column < MEASUREMENT_SIZE; column++) {
                crossCovariance[row * MEASUREMENT_SIZE + column] = covariance[row * STATE_SIZE + column];
            }
        }
        // The gain K = P H^T S^-1 is found by solving S K^T = (P H^T)^T, because S is symmetric.
        Matrices.transpose(crossCovariance, STATE_SIZE, MEASUREMENT_SIZE, gainTransposed);
        Matrices.choleskySolveInPlace(innovationCovariance, MEASUREMENT_SIZE, gainTransposed, STATE_SIZE);

        innovation[0] = measurement.centerX() - mean[0];
        innovation[1] = measurement.centerY() - mean[1];
        innovation[2] = measurement.width() - mean[2];
        innovation[3] = measurement.height() - mean[3];
        for (int row = 0; row < STATE_SIZE; row++) {
            double correction = 0;
            for (int k = 0; k < MEASUREMENT_SIZE; k++) {
                correction += gainTransposed[k * STATE_SIZE + row] * innovation[k];
            }
            mean[row] += correction;
        }
        // P' = P - K S K^T = P - (P H^T) K^T; only the upper triangle is computed, then mirrored.
        for (int row = 0; row < STATE_SIZE; row++) {
            for (int column = row; column < STATE_SIZE; column++) {
                double reduction = 0;
                for (int k = 0; k < MEASUREMENT_SIZE; k++) {
                    reduction += crossCovariance[row * MEASUREMENT_SIZE + k] * gainTransposed[k * STATE_SIZE + column];
                }
                covariance[row * STATE_SIZE + column] -= reduction;
            }
        }
        Matrices.mirrorUpperTriangle(covariance, STATE_SIZE);
    }

    /** Returns the box of the state's mean, with width and height at least {@link #MIN_SIZE} pixels. */
    public static Box box(double[] mean) {
        return Box.ofCenter(mean[0], mean[1], Math.max(mean[2], MIN_SIZE), Math.max(mean[3], MIN_SIZE));
    }

    /**
     * Returns the size that scales the noise of measurement component {@code index}: the width for
     * x and width (0, 2), the height for y and height (1, 3).
     */
    private static double scale(double[] mean, int index) {
        double size = index % 2 == 0 ? mean[2] : mean[3];
        return Math.max(size, MIN_SIZE);
    }

    /**
     * Replaces P by F P F^T for F = [[I, dt I], [0, I]], block by block: with P = [[A, B], [B^T, D]]
     * the result is [[A + dt (B + B^T) + dt^2 D, B + dt D], [B^T + dt D, D]].
     */
    private static void propagateCovariance(double[] covariance, double dt) {
        for (int i = 0; i < MEASUREMENT_SIZE; i++) {
            for (int j = 0; j < MEASUREMENT_SIZE; j++) {
                double a = covariance[i * STATE_SIZE + j];
                double b = covariance[i * STATE_SIZE + j + 4];
                double bTransposed = covariance[(i + 4) * STATE_SIZE + j];
                double d = covariance[(i + 4) * STATE_SIZE + j + 4];
                covariance[i * STATE_SIZE + j] = a + dt * (b + bTransposed) + dt * dt * d;
                covariance[i * STATE_SIZE + j + 4] = b + dt * d;
                covariance[(i + 4) * STATE_SIZE + j] = bTransposed + dt * d;
            }
        }
    }

    /**
     * Adds the exact discrete process noise of a step of {@code dt} seconds for each component
     * pair (position p, rate v): var(p) += qp dt + qa dt^3 / 3, cov(p, v) += qa dt^2 / 2 and
     * var(v) += qa dt, with qp and qa the squared position and acceleration noise densities.
     */
    private void addProcessNoise(double[] covariance, double[] scales, double dt) {
        for (int i = 0; i < MEASUREMENT_SIZE; i++) {
            double positionDensity = square(noise.positionNoise() * scales[i]);
            double accelerationDensity = square(noise.accelerationNoise() * scales[i]);
            int velocity = i + 4;
            covariance[i * STATE_SIZE + i] += positionDensity * dt + accelerationDensity * dt * dt * dt / 3;
            covariance[i * STATE_SIZE + velocity] += accelerationDensity * dt * dt / 2;
            covariance[velocity * STATE_SIZE + velocity] += accelerationDensity * dt;
        }
    }

    private static double square(double value) {
        return value * value;
    }

    private static void checkSizes(double[] mean, double[] covariance) {
        if (mean.length != STATE_SIZE || covariance.length != COVARIANCE_SIZE) {
            throw new IllegalArgumentException("Kalman state needs a mean of " + STATE_SIZE + " and a covariance of "
                    + COVARIANCE_SIZE + " entries, got " + mean.length + " and " + covariance.length);
        }
    }
}
