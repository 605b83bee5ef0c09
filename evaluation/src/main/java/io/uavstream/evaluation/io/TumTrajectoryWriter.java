package io.uavstream.evaluation.io;

import io.uavstream.evaluation.odometry.Pose;
import io.uavstream.evaluation.odometry.Trajectory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes trajectories in the TUM RGB-D format that {@link TumTrajectoryReader} reads:
 * {@code timestamp tx ty tz qx qy qz qw}, space-separated, numbers in Java's shortest round-trip
 * form.
 */
public final class TumTrajectoryWriter {

    private TumTrajectoryWriter() {
    }

    /** Writes the trajectory, replacing the file. */
    public static void write(Path file, Trajectory trajectory) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(writer, trajectory);
        }
    }

    public static void write(Writer writer, Trajectory trajectory) throws IOException {
        writer.write("# timestamp tx ty tz qx qy qz qw\n");
        for (Pose pose : trajectory.poses()) {
            writer.write(pose.timestamp() + " "
                    + pose.position().x() + " " + pose.position().y() + " " + pose.position().z() + " "
                    + pose.orientation().x() + " " + pose.orientation().y() + " "
                    + pose.orientation().z() + " " + pose.orientation().w() + "\n");
        }
    }
}
