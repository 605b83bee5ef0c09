package io.uavstream.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uavstream.evaluation.geometry.Matrix3;
import io.uavstream.evaluation.io.MotChallengeReader;
import io.uavstream.evaluation.io.TumTrajectoryReader;
import io.uavstream.evaluation.mot.MotRecord;
import io.uavstream.evaluation.mot.Sequence;
import io.uavstream.evaluation.odometry.Pose;
import io.uavstream.evaluation.odometry.Trajectory;
import io.uavstream.simulator.camera.CameraIntrinsics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of one simulated drone that the tracking benchmark reads, as {@code uavstream simulate}
 * writes them (docs/simulator.md): ground truth, noisy detections, true camera poses, intrinsics
 * and the drawn flight plan.
 *
 * @param droneId the directory name, for example {@code drone-1}
 * @param pattern the flight pattern from {@code flight.json}, for example {@code ORBIT}
 * @param altitudeMetres flight height above the ground from {@code flight.json}
 * @param offNadirDegrees camera angle from nadir from {@code flight.json}
 * @param intrinsics camera model from {@code intrinsics.json}
 * @param poses camera-to-world pose of every frame from {@code poses_tum.txt}; pose i belongs to
 *     frame i + 1, and its timestamp (seconds since the first frame) is the capture time
 * @param groundTruth {@code gt/gt.txt}
 * @param detectionsByFrame rows of {@code det/det.txt} by frame number (from 1)
 */
record FlightRecording(String droneId, String pattern, double altitudeMetres, double offNadirDegrees,
        CameraIntrinsics intrinsics, Trajectory poses, Sequence groundTruth,
        Map<Integer, List<MotRecord>> detectionsByFrame) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Returns the drone directories under {@code flights} (those with {@code gt/gt.txt}), by drone number. */
    static List<Path> droneDirectories(Path flights) throws IOException {
        if (!Files.isDirectory(flights)) {
            throw new IllegalArgumentException("Flights directory " + flights + " does not exist; write one with"
                    + " uavstream simulate --out DIR --noise default");
        }
        try (Stream<Path> entries = Files.list(flights)) {
            List<Path> drones = new ArrayList<>(entries
                    .filter(path -> Files.isRegularFile(path.resolve("gt").resolve("gt.txt")))
                    .toList());
            drones.sort(Comparator.comparingInt(FlightRecording::trailingNumber)
                    .thenComparing(path -> path.getFileName().toString()));
            if (drones.isEmpty()) {
                throw new IllegalArgumentException("Flights directory " + flights + " contains no drone directory with"
                        + " gt/gt.txt; pass the --out directory of uavstream simulate");
            }
            return drones;
        }
    }

    /** Returns the seed recorded in {@code scene.json} of a flights directory. */
    static long sceneSeed(Path flights) throws IOException {
        return JSON.readTree(flights.resolve("scene.json").toFile()).path("seed").asLong();
    }

    /**
     * Reads one drone directory with its recorded detections.
     *
     * @throws IllegalArgumentException if it has no {@code det/det.txt} (simulated without
     *     {@code --noise}) or the poses and ground truth disagree on the frame count
     */
    static FlightRecording read(Path directory) throws IOException {
        Path detections = directory.resolve("det").resolve("det.txt");
        if (!Files.isRegularFile(detections)) {
            throw new IllegalArgumentException(directory + " has no det/det.txt; simulate with --noise PROFILE,"
                    + " or detect objects in the video with --model MODEL");
        }
        Map<Integer, List<MotRecord>> detectionsByFrame = new TreeMap<>();
        for (MotRecord record : MotChallengeReader.read(detections)) {
            detectionsByFrame.computeIfAbsent(record.frame(), frame -> new ArrayList<>()).add(record);
        }
        return readWithout(directory).withDetections(detectionsByFrame);
    }

    /**
     * Reads one drone directory without detections, for a benchmark that detects objects itself.
     *
     * @throws IllegalArgumentException if the poses and ground truth disagree on the frame count
     */
    static FlightRecording readWithout(Path directory) throws IOException {
        JsonNode flight = JSON.readTree(directory.resolve("flight.json").toFile());
        Trajectory poses = TumTrajectoryReader.read(directory.resolve("poses_tum.txt"));
        Sequence groundTruth = MotChallengeReader.readSequence(directory.resolve("gt").resolve("gt.txt"));
        if (!groundTruth.isEmpty() && groundTruth.recordsByFrame().lastKey() > poses.size()) {
            throw new IllegalArgumentException(directory + ": ground truth reaches frame "
                    + groundTruth.recordsByFrame().lastKey() + " but poses_tum.txt has " + poses.size() + " poses");
        }
        return new FlightRecording(directory.getFileName().toString(), flight.path("pattern").asText("?"),
                flight.path("altitudeMetres").asDouble(), flight.path("offNadirDegrees").asDouble(),
                readIntrinsics(directory.resolve("intrinsics.json")), poses, groundTruth, Map.of());
    }

    /** Returns this flight with {@code detections} (rows by frame number) in place of det/det.txt. */
    FlightRecording withDetections(Map<Integer, List<MotRecord>> detections) {
        return new FlightRecording(droneId, pattern, altitudeMetres, offNadirDegrees, intrinsics, poses, groundTruth,
                Map.copyOf(detections));
    }

    /** Number of frames, one per pose. */
    int frames() {
        return poses.size();
    }

    /** Capture time of a frame (from 1) in microseconds since the first frame. */
    long captureTimeMicros(int frame) {
        return Math.round(poses.get(frame - 1).timestamp() * 1e6);
    }

    /**
     * Returns the mean rotation rate of the camera in degrees per second: the angle of the
     * relative rotation between consecutive poses over their time step, averaged over the flight.
     */
    double meanRotationDegreesPerSecond() {
        double sum = 0;
        int steps = 0;
        for (int i = 1; i < poses.size(); i++) {
            Pose previous = poses.get(i - 1);
            Pose current = poses.get(i);
            double dt = current.timestamp() - previous.timestamp();
            if (dt > 0) {
                Matrix3 relative = previous.orientation().toRotationMatrix().transpose()
                        .times(current.orientation().toRotationMatrix());
                sum += Math.toDegrees(relative.rotationAngle()) / dt;
                steps++;
            }
        }
        return steps == 0 ? 0 : sum / steps;
    }

    /** Detection rows of a frame (from 1), empty when it has none. */
    List<MotRecord> detectionsOf(int frame) {
        return detectionsByFrame.getOrDefault(frame, List.of());
    }

    private static CameraIntrinsics readIntrinsics(Path file) throws IOException {
        JsonNode json = JSON.readTree(file.toFile());
        return new CameraIntrinsics(json.path("width").asInt(), json.path("height").asInt(),
                json.path("fx").asDouble(), json.path("fy").asDouble(), json.path("cx").asDouble(),
                json.path("cy").asDouble(), json.path("k1").asDouble(), json.path("k2").asDouble());
    }

    private static int trailingNumber(Path path) {
        String name = path.getFileName().toString();
        int start = name.length();
        while (start > 0 && Character.isDigit(name.charAt(start - 1))) {
            start--;
        }
        return start < name.length() && name.length() - start < 9 ? Integer.parseInt(name.substring(start)) : 0;
    }
}
