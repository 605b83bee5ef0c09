package io.uavstream.cli.odometry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uavstream.evaluation.io.TumTrajectoryReader;
import io.uavstream.evaluation.odometry.Trajectory;
import io.uavstream.odometry.CameraModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of one simulated drone that the odometry benchmark reads (docs/simulator.md): the
 * camera model, the true poses, the telemetry's height and ENU position, and the objects' ground
 * positions per frame.
 *
 * @param directory the drone directory
 * @param camera camera model from {@code intrinsics.json}
 * @param poses true camera-to-world poses from {@code poses_tum.txt}; pose i belongs to frame i + 1
 * @param telemetry per frame (index frame - 1): height above ground, east and north in metres
 * @param objects ground positions (east, north in metres) of the objects seen per frame number
 */
record SimulatedFlight(Path directory, CameraModel camera, Trajectory poses, List<double[]> telemetry,
        Map<Integer, List<double[]>> objects) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static SimulatedFlight read(Path directory) throws IOException {
        JsonNode intrinsics = JSON.readTree(directory.resolve("intrinsics.json").toFile());
        CameraModel camera = new CameraModel(intrinsics.path("width").asInt(), intrinsics.path("height").asInt(),
                intrinsics.path("fx").asDouble(), intrinsics.path("fy").asDouble(), intrinsics.path("cx").asDouble(),
                intrinsics.path("cy").asDouble(), intrinsics.path("k1").asDouble(), intrinsics.path("k2").asDouble());
        Trajectory poses = TumTrajectoryReader.read(directory.resolve("poses_tum.txt"));
        return new SimulatedFlight(directory, camera, poses, readTelemetry(directory.resolve("telemetry.csv")),
                readObjects(directory.resolve("objects.csv")));
    }

    Path video() {
        return directory.resolve("video.ts");
    }

    private static List<double[]> readTelemetry(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            Map<String, Integer> columns = header(reader.readLine(), file);
            int height = column(columns, "height_agl_m", file);
            int east = column(columns, "east_m", file);
            int north = column(columns, "north_m", file);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split(",");
                rows.add(new double[] {
                    Double.parseDouble(fields[height]), Double.parseDouble(fields[east]), Double.parseDouble(fields[north])
                });
            }
        }
        return rows;
    }

    private static Map<Integer, List<double[]>> readObjects(Path file) throws IOException {
        Map<Integer, List<double[]>> objects = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            Map<String, Integer> columns = header(reader.readLine(), file);
            int frame = column(columns, "frame", file);
            int east = column(columns, "east_m", file);
            int north = column(columns, "north_m", file);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split(",");
                objects.computeIfAbsent(Integer.parseInt(fields[frame]), key -> new ArrayList<>())
                        .add(new double[] {Double.parseDouble(fields[east]), Double.parseDouble(fields[north])});
            }
        }
        return objects;
    }

    private static Map<String, Integer> header(String line, Path file) {
        if (line == null) {
            throw new IllegalArgumentException(file + " is empty; expected a CSV header");
        }
        Map<String, Integer> columns = new HashMap<>();
        String[] names = line.split(",");
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i].trim(), i);
        }
        return columns;
    }

    private static int column(Map<String, Integer> columns, String name, Path file) {
        Integer index = columns.get(name);
        if (index == null) {
            throw new IllegalArgumentException(file + " has no column " + name + "; columns are " + columns.keySet());
        }
        return index;
    }
}
