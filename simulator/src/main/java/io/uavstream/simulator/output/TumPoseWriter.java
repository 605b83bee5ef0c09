package io.uavstream.simulator.output;

import io.uavstream.simulator.geo.Quaternion;
import io.uavstream.simulator.geo.Rotation;
import io.uavstream.simulator.geo.Vec3;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes camera poses in the TUM RGB-D format: {@code timestamp tx ty tz qx qy qz qw} per line,
 * space-separated, after one {@code #} comment line. The pose maps camera coordinates (OpenCV:
 * x right, y down, z forward) to the world ENU frame: world = R * camera + t.
 */
public final class TumPoseWriter extends LineWriter {

    public TumPoseWriter(Path file) throws IOException {
        super(file);
        line("# timestamp tx ty tz qx qy qz qw (camera-to-world; world = local ENU metres; camera = OpenCV axes)");
    }

    /** Writes the pose at {@code seconds} after the first frame. */
    public void write(double seconds, Vec3 position, Rotation cameraToWorld) {
        Quaternion q = cameraToWorld.toQuaternion();
        line(String.format(Locale.ROOT, "%.6f %.4f %.4f %.4f %.9f %.9f %.9f %.9f", seconds, position.x(), position.y(),
                position.z(), q.x(), q.y(), q.z(), q.w()));
    }
}
