package io.uavstream.ingest;

/**
 * Converts a stabilised gimbal's reported camera attitude to a quaternion, with the angle
 * conventions of the simulator's telemetry. The heading is that of the image top, in degrees
 * clockwise from north. The pitch is that of the optical axis, in degrees: -90 at nadir and 0 at
 * the horizon. The roll is in degrees, positive when the image turns clockwise as seen from behind
 * the camera.
 */
final class GimbalAttitude {

    private GimbalAttitude() {
    }

    /**
     * Returns the unit quaternion (w, x, y, z), with w >= 0, of the rotation from camera axes
     * (OpenCV: x right, y down, z along the optical axis) to east-north-up axes.
     */
    static double[] toQuaternion(double headingDegrees, double pitchDegrees, double rollDegrees) {
        double heading = Math.toRadians(headingDegrees);
        double tilt = Math.toRadians(pitchDegrees + 90);
        double roll = Math.toRadians(rollDegrees);
        double[] forward = {Math.sin(heading), Math.cos(heading), 0};
        double[] right = {Math.cos(heading), -Math.sin(heading), 0};
        double[] up = {0, 0, 1};
        double[] opticalAxis = combine(up, -Math.cos(tilt), forward, Math.sin(tilt));
        double[] imageDown = combine(forward, -Math.cos(tilt), up, -Math.sin(tilt));
        double[] x = combine(right, Math.cos(roll), imageDown, Math.sin(roll));
        double[] y = combine(imageDown, Math.cos(roll), right, -Math.sin(roll));
        return fromColumns(x, y, opticalAxis);
    }

    private static double[] combine(double[] a, double wa, double[] b, double wb) {
        return new double[] {wa * a[0] + wb * b[0], wa * a[1] + wb * b[1], wa * a[2] + wb * b[2]};
    }

    /** Converts the rotation with columns x, y, z to a quaternion (Shepperd's method). */
    private static double[] fromColumns(double[] x, double[] y, double[] z) {
        double m00 = x[0];
        double m11 = y[1];
        double m22 = z[2];
        double trace = m00 + m11 + m22;

        double w;
        double qx;
        double qy;
        double qz;

        if (trace > 0) {
            double s = 2 * Math.sqrt(1 + trace);
            w = s / 4;
            qx = (y[2] - z[1]) / s;
            qy = (z[0] - x[2]) / s;
            qz = (x[1] - y[0]) / s;
        } else if (m00 > m11 && m00 > m22) {
            double s = 2 * Math.sqrt(1 + m00 - m11 - m22);
            w = (y[2] - z[1]) / s;
            qx = s / 4;
            qy = (y[0] + x[1]) / s;
            qz = (z[0] + x[2]) / s;
        } else if (m11 > m22) {
            double s = 2 * Math.sqrt(1 + m11 - m00 - m22);
            w = (z[0] - x[2]) / s;
            qx = (y[0] + x[1]) / s;
            qy = s / 4;
            qz = (z[1] + y[2]) / s;
        } else {
            double s = 2 * Math.sqrt(1 + m22 - m00 - m11);
            w = (x[1] - y[0]) / s;
            qx = (z[0] + x[2]) / s;
            qy = (z[1] + y[2]) / s;
            qz = s / 4;
        }

        double sign = w < 0 ? -1 : 1;
        double norm = Math.sqrt(w * w + qx * qx + qy * qy + qz * qz) * sign;
        return new double[] {w / norm, qx / norm, qy / norm, qz / norm};
    }
}
