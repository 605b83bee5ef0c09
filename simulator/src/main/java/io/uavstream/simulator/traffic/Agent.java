package io.uavstream.simulator.traffic;

/** Mutable state of one simulated object. Package-private: {@link TrafficSimulation} owns all agents. */
final class Agent {

    final int id;
    final ObjectClass objectClass;
    final double length;
    final double width;
    final double height;
    final int bodyColor;
    final int accentColor;
    final double desiredSpeed;
    final boolean parked;
    /** Lane index from the centre line, 0 = innermost, for motor vehicles. */
    final int lane;
    /** Side of the way for pedestrians: +1 right of the travel direction, -1 left. */
    final int side;
    /** Position across the sidewalk or footpath for pedestrians, 0 to 1. */
    final double lateralFraction;

    int edge = -1;
    int fromNode;
    int toNode;
    Leg leg;
    double s;
    double speed;
    int nextEdge = -1;
    double nextTurnSpeed = Double.POSITIVE_INFINITY;
    boolean stopAtEnd;
    double stopAt = Double.NaN;
    double dwell;
    double stopTimer;
    double targetSpeed;
    final double[] pose = new double[3];

    Agent(int id, ObjectClass objectClass, double length, double width, double height, int bodyColor, int accentColor,
            double desiredSpeed, boolean parked, int lane, int side, double lateralFraction) {
        this.id = id;
        this.objectClass = objectClass;
        this.length = length;
        this.width = width;
        this.height = height;
        this.bodyColor = bodyColor;
        this.accentColor = accentColor;
        this.desiredSpeed = desiredSpeed;
        this.parked = parked;
        this.lane = lane;
        this.side = side;
        this.lateralFraction = lateralFraction;
    }

    WorldObject snapshot() {
        return new WorldObject(id, objectClass, pose[0], pose[1], 0, normalizeDegrees(Math.toDegrees(pose[2])), speed,
                length, width, height, bodyColor, accentColor, parked);
    }

    private static double normalizeDegrees(double degrees) {
        double result = degrees % 360;
        return result < 0 ? result + 360 : result;
    }
}
