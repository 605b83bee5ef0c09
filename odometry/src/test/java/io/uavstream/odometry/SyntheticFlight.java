package io.uavstream.odometry;

/**
 * A straight flight over a {@link PlanarScene} at constant height with a gentle sway of the
 * camera's tilt, at 10 frames per second: the true pose of every frame.
 */
final class SyntheticFlight {

    static final CameraModel CAMERA = CameraModel.pinhole(640, 480, 500, 500, 320, 240);
    static final long FRAME_MICROS = 100_000;

    private final double height;
    private final double speed;
    private final double pitch;

    SyntheticFlight(double height, double speedMetresPerSecond, double pitchDegrees) {
        this.height = height;
        this.speed = speedMetresPerSecond;
        this.pitch = pitchDegrees;
    }

    double[] rotation(int frame) {
        double sway = 1.5 * Math.sin(frame * 0.3);
        return PlanarScene.nadir(pitch + sway, 20 + 0.5 * frame);
    }

    double[] centre(int frame) {
        double t = frame * FRAME_MICROS / 1e6;
        return new double[] {-40 + speed * t, -10 + 0.3 * speed * t, height + Math.sin(t)};
    }

    long time(int frame) {
        return frame * FRAME_MICROS;
    }

    Telemetry telemetry(int frame, boolean attitude, boolean position) {
        double[] c = centre(frame);
        return new Telemetry(c[2], position ? c[0] : Double.NaN, position ? c[1] : Double.NaN,
                attitude ? Rotations.toQuaternion(rotation(frame)) : null);
    }
}
