package io.uavstream.odometry;

/**
 * Camera pose in the odometry's world frame: the row-major camera-to-world rotation and the
 * camera centre, in world units (metres when the scale is metric).
 */
record WorldPose(double[] rotation, double[] centre) {

    /** Returns the world point where the ray through normalized coordinates (x, y) meets z = 0, or null above the horizon. */
    double[] groundIntersection(double x, double y) {
        double[] ray = Rotations.apply(rotation, x, y, 1);
        if (!(ray[2] < -1e-6) || !(centre[2] > 0)) {
            return null;
        }
        double distance = -centre[2] / ray[2];
        return new double[] {centre[0] + distance * ray[0], centre[1] + distance * ray[1]};
    }

    /** Returns the depth along the optical axis of the ground point (x, y, 0). */
    double depthOf(double x, double y) {
        double dx = x - centre[0];
        double dy = y - centre[1];
        double dz = -centre[2];
        return rotation[2] * dx + rotation[5] * dy + rotation[8] * dz;
    }

    WorldPose withHeight(double height) {
        return new WorldPose(rotation, new double[] {centre[0], centre[1], height});
    }
}
