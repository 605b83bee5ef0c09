package io.uavstream.simulator.flight;

import io.uavstream.simulator.geo.Vec3;

/**
 * Flies parallel lines back and forth joined by semicircular turns, sweeping across the lines and
 * back again forever: a lawnmower survey with many close lines, or a transit racetrack with two
 * lines far apart. Constant speed and altitude; the nose and camera point along the track.
 */
public final class SweepTrajectory implements Trajectory {

    private final double centreX;
    private final double centreY;
    private final double alongX;
    private final double alongY;
    private final double acrossX;
    private final double acrossY;
    private final double lineLength;
    private final double spacing;
    private final int lines;
    private final double speed;
    private final double altitude;
    private final double tiltDegrees;
    private final double startDistance;

    /**
     * @param lineHeadingDegrees compass heading of the first line
     * @param lineLength length of each straight line in metres
     * @param spacing distance between neighbouring lines in metres
     * @param lines number of lines, at least 2
     * @param speed ground speed in metres per second
     * @param startFraction where along the whole cycle the drone is at time 0, 0 to 1
     */
    public SweepTrajectory(double centreX, double centreY, double lineHeadingDegrees, double lineLength, double spacing,
            int lines, double speed, double altitude, double tiltDegrees, double startFraction) {
        if (lines < 2 || !(lineLength > 0) || !(spacing > 0) || !(speed > 0)) {
            throw new IllegalArgumentException("sweep needs at least 2 lines and positive length, spacing and speed");
        }
        double heading = Math.toRadians(lineHeadingDegrees);
        this.centreX = centreX;
        this.centreY = centreY;
        this.alongX = Math.sin(heading);
        this.alongY = Math.cos(heading);
        this.acrossX = Math.cos(heading);
        this.acrossY = -Math.sin(heading);
        this.lineLength = lineLength;
        this.spacing = spacing;
        this.lines = lines;
        this.speed = speed;
        this.altitude = altitude;
        this.tiltDegrees = tiltDegrees;
        this.startDistance = startFraction * cycleLength();
    }

    /** Returns the flight distance in metres after which the pattern repeats. */
    public double cycleLength() {
        return 2 * (lines - 1) * (lineLength + Math.PI * spacing / 2);
    }

    @Override
    public NominalState at(double seconds) {
        double distance = (startDistance + speed * seconds) % cycleLength();
        double pieceLength = lineLength + Math.PI * spacing / 2;
        int piece = (int) (distance / pieceLength);
        double within = distance - piece * pieceLength;
        int line = lineIndex(piece);
        int nextLine = lineIndex(piece + 1);
        double direction = (piece % 2 == 0) ? 1 : -1;
        double offset = (line - (lines - 1) / 2.0) * spacing;

        double x;
        double y;
        double vx;
        double vy;
        double ax = 0;
        double ay = 0;
        if (within < lineLength) {
            double along = direction * (within - lineLength / 2);
            x = centreX + alongX * along + acrossX * offset;
            y = centreY + alongY * along + acrossY * offset;
            vx = alongX * direction * speed;
            vy = alongY * direction * speed;
        } else {
            double radius = spacing / 2;
            double sign = Math.signum(nextLine - line);
            double angle = (within - lineLength) / radius;
            double endAlong = direction * lineLength / 2;
            double cx = centreX + alongX * endAlong + acrossX * (offset + sign * radius);
            double cy = centreY + alongY * endAlong + acrossY * (offset + sign * radius);
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            x = cx + radius * (-sign * acrossX * cos + direction * alongX * sin);
            y = cy + radius * (-sign * acrossY * cos + direction * alongY * sin);
            vx = speed * (sign * acrossX * sin + direction * alongX * cos);
            vy = speed * (sign * acrossY * sin + direction * alongY * cos);
            double centripetal = speed * speed / radius;
            ax = centripetal * (cx - x) / radius;
            ay = centripetal * (cy - y) / radius;
        }

        double heading = Math.toDegrees(Math.atan2(vx, vy));
        return new NominalState(new Vec3(x, y, altitude), new Vec3(vx, vy, 0), new Vec3(ax, ay, 0), heading, heading, tiltDegrees);
    }

    /** Returns the line flown in piece {@code piece}: 0, 1, ..., lines - 1, lines - 2, ..., 1, then again. */
    private int lineIndex(int piece) {
        int period = 2 * (lines - 1);
        int phase = Math.floorMod(piece, period);
        return phase < lines ? phase : period - phase;
    }
}
