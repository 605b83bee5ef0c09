package io.uavstream.odometry;

/**
 * Pulls the visual position slowly towards GPS without letting a bad fix move it: the fused
 * position is the visual one plus an east-north offset, and each fix within the gate moves the
 * offset by {@link OdometryConfig#gpsGain()} of the difference. A fix farther than the gate is
 * rejected as a jump. The gate grows with the time since the last accepted fix, by the visual
 * drift allowed per second, so that after a long dropout the next good fix is still accepted. A
 * missing fix leaves the offset as it is.
 */
final class GpsFusion {

    private final OdometryConfig config;
    double offsetEast;
    double offsetNorth;
    long lastAcceptedMicros = Long.MIN_VALUE;
    long rejectedFixes;

    GpsFusion(OdometryConfig config) {
        this.config = config;
    }

    /** The outcome of one fix. */
    enum Outcome { ACCEPTED, REJECTED, MISSING }

    /** Updates the offset with the fix of {@code telemetry}, given the visual position in world metres. */
    Outcome update(long captureTimeMicros, double visualEast, double visualNorth, Telemetry telemetry) {
        if (!telemetry.hasPosition()) {
            return Outcome.MISSING;
        }
        double innovationEast = telemetry.eastMetres() - (visualEast + offsetEast);
        double innovationNorth = telemetry.northMetres() - (visualNorth + offsetNorth);
        double distance = Math.hypot(innovationEast, innovationNorth);
        if (lastAcceptedMicros == Long.MIN_VALUE) {
            offsetEast += innovationEast;
            offsetNorth += innovationNorth;
            lastAcceptedMicros = captureTimeMicros;
            return Outcome.ACCEPTED;
        }
        double seconds = Math.max(0, captureTimeMicros - lastAcceptedMicros) / 1e6;
        double gate = config.gpsGateMetres() + config.gpsGateGrowthMetresPerSecond() * seconds;
        if (distance > gate) {
            rejectedFixes++;
            return Outcome.REJECTED;
        }
        offsetEast += config.gpsGain() * innovationEast;
        offsetNorth += config.gpsGain() * innovationNorth;
        lastAcceptedMicros = captureTimeMicros;
        return Outcome.ACCEPTED;
    }
}
