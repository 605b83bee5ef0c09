package io.uavstream.evaluation.io;

import io.uavstream.evaluation.geometry.Quaternion;
import io.uavstream.evaluation.geometry.Vector3;
import io.uavstream.evaluation.odometry.Pose;
import io.uavstream.evaluation.odometry.Trajectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads trajectory files in the TUM RGB-D format, one pose per line:
 *
 * <pre>timestamp tx ty tz qx qy qz qw</pre>
 *
 * <p>The timestamp is in seconds, the position in metres and the orientation a quaternion with
 * the scalar part last. It need not be normalized but must not be zero. Fields are separated by
 * whitespace or by commas. Lines starting with {@code #} and blank lines are skipped. The format
 * is that of J. Sturm, N. Engelhard, F. Endres, W. Burgard and D. Cremers, "A Benchmark for the
 * Evaluation of RGB-D SLAM Systems", IROS 2012.
 */
public final class TumTrajectoryReader {

    private static final int COLUMNS = 8;

    private TumTrajectoryReader() {
    }

    public static Trajectory read(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        }
    }

    /**
     * Reads a trajectory from {@code reader}, with {@code source} as its name in error messages.
     *
     * @throws MalformedFileException for a line that does not parse or repeats a timestamp
     */
    public static Trajectory read(BufferedReader reader, String source) throws IOException {
        List<Pose> poses = new ArrayList<>();
        Map<Double, Integer> lineByTimestamp = new HashMap<>();
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Pose pose = parse(new NumericLine(source, lineNumber, trimmed));
            Integer firstLine = lineByTimestamp.putIfAbsent(pose.timestamp(), lineNumber);
            if (firstLine != null) {
                throw new MalformedFileException(source, lineNumber,
                        "timestamp " + pose.timestamp() + " appears again (first on line " + firstLine + ")");
            }
            poses.add(pose);
        }
        return Trajectory.of(poses);
    }

    private static Pose parse(NumericLine line) throws MalformedFileException {
        if (line.fieldCount() != COLUMNS) {
            throw line.error("expected " + COLUMNS + " columns (timestamp tx ty tz qx qy qz qw), found "
                    + line.fieldCount());
        }
        double timestamp = line.finiteAt(0, "timestamp");
        Vector3 position = new Vector3(line.finiteAt(1, "tx"), line.finiteAt(2, "ty"), line.finiteAt(3, "tz"));
        double qx = line.finiteAt(4, "qx");
        double qy = line.finiteAt(5, "qy");
        double qz = line.finiteAt(6, "qz");
        double qw = line.finiteAt(7, "qw");
        if (qx == 0 && qy == 0 && qz == 0 && qw == 0) {
            throw line.error("quaternion (qx qy qz qw) must not be zero");
        }
        return new Pose(timestamp, position, new Quaternion(qx, qy, qz, qw));
    }
}
