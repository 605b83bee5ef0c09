package io.uavstream.ingest;

import io.uavstream.schemas.CameraAttitude;
import io.uavstream.schemas.FlightTelemetry;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reader of telemetry CSV files in the layout of the simulator's {@code telemetry.csv}: one header
 * line, then one row per sample, columns found by name and in any order. Columns used:
 *
 * <ul>
 *   <li>{@code time_s} (required): seconds after the session's first access unit;
 *   <li>{@code latitude_deg}, {@code longitude_deg}: WGS84 position of the camera in degrees;
 *   <li>{@code altitude_wgs84_m}: height above the WGS84 ellipsoid in metres;
 *   <li>{@code height_agl_m}: height above the ground in metres;
 *   <li>{@code platform_heading_deg}, {@code platform_pitch_deg}, {@code platform_roll_deg}:
 *       airframe attitude in degrees;
 *   <li>{@code gimbal_heading_deg}, {@code gimbal_pitch_deg}, {@code gimbal_roll_deg}: camera
 *       attitude in the world in degrees, converted by {@link GimbalAttitude}.
 * </ul>
 *
 * Other columns are ignored. An empty cell or an absent column leaves the value null; a gimbal
 * attitude needs all three angles.
 */
final class TelemetryCsv {

    private static final String TIME = "time_s";

    private TelemetryCsv() {
    }

    static TelemetryTrack read(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new IllegalArgumentException("Telemetry file " + file + " is empty; it needs a header line");
            }
            Map<String, Integer> columns = columns(header);
            if (!columns.containsKey(TIME)) {
                throw new IllegalArgumentException("Telemetry file " + file + " has no column " + TIME);
            }
            List<Long> offsets = new ArrayList<>();
            List<FlightTelemetry> samples = new ArrayList<>();
            int lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                Row row = new Row(file, lineNumber, line.split(",", -1), columns);
                offsets.add(Math.round(row.required(TIME) * 1e6));
                samples.add(row.toTelemetry());
            }
            long[] offsetsMicros = offsets.stream().mapToLong(Long::longValue).toArray();
            try {
                return new TelemetryTrack(offsetsMicros, samples);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Telemetry file " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static Map<String, Integer> columns(String header) {
        String[] names = header.split(",", -1);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i].strip(), i);
        }
        return columns;
    }

    /** One data line, with its cells looked up by column name. */
    private record Row(Path file, int lineNumber, String[] cells, Map<String, Integer> columns) {

        FlightTelemetry toTelemetry() {
            Double latitude = optional("latitude_deg");
            Double longitude = optional("longitude_deg");
            if ((latitude == null) != (longitude == null)) {
                throw invalid("needs both latitude_deg and longitude_deg or neither");
            }
            if (latitude != null && (Math.abs(latitude) > 90 || Math.abs(longitude) > 180)) {
                throw invalid("has latitude " + latitude + " or longitude " + longitude + " out of range");
            }
            // Zero or slightly negative heights above ground are normal before take-off, so they pass.
            Double heightAboveGround = optional("height_agl_m");
            return FlightTelemetry.newBuilder()
                    .setSampleTimeMicros(Instant.EPOCH)
                    .setSensorLatitudeDegrees(latitude)
                    .setSensorLongitudeDegrees(longitude)
                    .setSensorEllipsoidHeightMetres(optional("altitude_wgs84_m"))
                    .setHeightAboveGroundMetres(heightAboveGround)
                    .setPlatformHeadingDegrees(optional("platform_heading_deg"))
                    .setPlatformPitchDegrees(optional("platform_pitch_deg"))
                    .setPlatformRollDegrees(optional("platform_roll_deg"))
                    .setCameraAttitude(cameraAttitude())
                    .build();
        }

        private CameraAttitude cameraAttitude() {
            Double heading = optional("gimbal_heading_deg");
            Double pitch = optional("gimbal_pitch_deg");
            Double roll = optional("gimbal_roll_deg");
            if (heading == null && pitch == null && roll == null) {
                return null;
            }
            if (heading == null || pitch == null || roll == null) {
                throw invalid("needs all of gimbal_heading_deg, gimbal_pitch_deg and gimbal_roll_deg or none");
            }
            double[] q = GimbalAttitude.toQuaternion(heading, pitch, roll);
            return new CameraAttitude(q[0], q[1], q[2], q[3]);
        }

        double required(String column) {
            Double value = optional(column);
            if (value == null) {
                throw invalid("has no value in column " + column);
            }
            return value;
        }

        Double optional(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= cells.length || cells[index].isBlank()) {
                return null;
            }
            double value;
            try {
                value = Double.parseDouble(cells[index].strip());
            } catch (NumberFormatException e) {
                throw invalid("has '" + cells[index] + "' in column " + column + ", not a number");
            }
            if (!Double.isFinite(value)) {
                throw invalid("has " + value + " in column " + column + "; it must be finite");
            }
            return value;
        }

        private IllegalArgumentException invalid(String problem) {
            return new IllegalArgumentException("Telemetry file " + file + " line " + lineNumber + " " + problem);
        }
    }
}
