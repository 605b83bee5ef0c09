package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uavstream.analytics.geo.GeodeticPoint;
import io.uavstream.analytics.geo.LocalTangentPlane;
import io.uavstream.analytics.geo.Vector3;
import io.uavstream.schemas.AnalyticsEvent;
import io.uavstream.schemas.AnalyticsEventType;
import io.uavstream.schemas.DetectedBox;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.FramePose;
import io.uavstream.schemas.PoseSource;
import io.uavstream.schemas.PoseStatus;
import io.uavstream.schemas.ScaleSource;
import io.uavstream.simulator.FleetSimulation;
import io.uavstream.simulator.FlightPattern;
import io.uavstream.simulator.SimulationConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WGS84 zones on a simulated flight: the simulator's true camera poses are attached to its
 * ground-truth boxes as {@link FramePose} records with source GROUND_TRUTH, as the odometry
 * operator will attach estimated ones, and a GeoJSON zone is drawn around a simulated object.
 */
class SimulatedFlightAnalyticsTest {

    private static final String DRONE = "drone-1";
    private static final Instant START = Instant.parse("2025-06-21T10:00:00Z");
    private static final double HALF_SIDE_METRES = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path directory;

    private static Flight flight;

    @BeforeAll
    static void simulate() throws IOException {
        SimulationConfig config = SimulationConfig.builder()
                .drones(1).durationSeconds(3).fps(10).frameSize(320, 240).seed(7).sceneSizeMetres(512)
                .patterns(List.of(FlightPattern.HOVER)).startTime(START).threads(1)
                .build();
        new FleetSimulation(config).runToDirectory(directory);
        flight = Flight.read(directory, directory.resolve(DRONE));
    }

    @Test
    void objectEntersZoneAroundIt() throws Exception {
        ObjectRow target = flight.target();

        List<AnalyticsEvent> events = run(flight.frames(true), zoneAround(target));

        List<AnalyticsEvent> entries = events.stream()
                .filter(event -> event.getEventType() == AnalyticsEventType.ZONE_ENTERED)
                .filter(event -> event.getTrackId() == target.trackId())
                .toList();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getZoneId()).isEqualTo("around-object");
        assertThat(entries.get(0).getPosition()).isNotNull();
    }

    @Test
    void groundPositionMatchesTrueObject() throws Exception {
        ObjectRow target = flight.target();

        List<AnalyticsEvent> events = run(flight.frames(true), zoneAround(target));

        AnalyticsEvent entry = events.stream()
                .filter(event -> event.getEventType() == AnalyticsEventType.ZONE_ENTERED)
                .filter(event -> event.getTrackId() == target.trackId())
                .findFirst().orElseThrow();
        ObjectRow truth = flight.objectAt((int) entry.getFrameSequence(), target.trackId());
        Vector3 projected = flight.plane().toEnu(GeodeticPoint.of(
                entry.getPosition().getLatitudeDegrees(), entry.getPosition().getLongitudeDegrees()));
        // The box's bottom centre is near, not at, the centre of the object's footprint.
        assertThat(Math.hypot(projected.x() - truth.east(), projected.y() - truth.north())).isLessThan(HALF_SIDE_METRES);
    }

    @Test
    void framesWithoutPoseIgnoreWgs84Zone() throws Exception {
        ObjectRow target = flight.target();

        List<AnalyticsEvent> events = run(flight.frames(false), zoneAround(target));

        assertThat(events).noneMatch(event -> event.getEventType() == AnalyticsEventType.ZONE_ENTERED);
    }

    /** Returns a GeoJSON square of 8 m around the target's position in the middle of its frames. */
    private static String zoneAround(ObjectRow target) {
        List<String> ring = new ArrayList<>();
        double[][] corners = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}, {-1, -1}};
        for (double[] corner : corners) {
            GeodeticPoint point = flight.plane().toGeodetic(new Vector3(
                    target.east() + corner[0] * HALF_SIDE_METRES, target.north() + corner[1] * HALF_SIDE_METRES, 0));
            ring.add(String.format(Locale.ROOT, "[%.9f, %.9f]", point.longitudeDegrees(), point.latitudeDegrees()));
        }
        return """
                {"type": "Feature", "properties": {"id": "around-object", "drone": "%s"},
                 "geometry": {"type": "Polygon", "coordinates": [[%s]]}}
                """.formatted(DRONE, String.join(", ", ring));
    }

    private static List<AnalyticsEvent> run(List<FrameDetections> frames, String zone) throws Exception {
        AnalysisConfig config = AnalysisConfig.builder().modelPath("unused.json").zoneExitDelay(Duration.ZERO).build();
        try (var harness = AnalyticsFunctionHarnessTest.harness(config)) {
            harness.open();
            harness.processBroadcastElement(new DefinitionUpdate(DRONE, 0, zone), 0);
            harness.processBroadcastWatermark(Watermark.MAX_WATERMARK);
            for (FrameDetections frame : frames) {
                harness.processElement(frame, frame.getCaptureTimeMicros().toEpochMilli());
            }
            harness.processWatermark(Watermark.MAX_WATERMARK);
            return harness.extractOutputValues();
        }
    }

    /** One row of objects.csv: an object's true footprint centre in one frame. */
    private record ObjectRow(int frame, long trackId, String className, double east, double north, double visibility) {}

    /** One line of gt.txt: a true box in pixels. */
    private record GtBox(int frame, long trackId, double left, double top, double width, double height) {}

    /** The simulated flight's files, read once. */
    private record Flight(LocalTangentPlane plane, GeodeticPoint origin, JsonNode intrinsics, List<String[]> poses,
            List<GtBox> boxes, List<ObjectRow> objects) {

        static Flight read(Path run, Path drone) throws IOException {
            JsonNode origin = JSON.readTree(run.resolve("scene.json").toFile()).get("origin");
            GeodeticPoint point = new GeodeticPoint(origin.get("latitudeDegrees").asDouble(),
                    origin.get("longitudeDegrees").asDouble(), origin.get("heightMetres").asDouble());
            List<String[]> poses = Files.readAllLines(drone.resolve("poses_tum.txt")).stream()
                    .filter(line -> !line.startsWith("#")).map(line -> line.trim().split("\\s+")).toList();
            List<GtBox> boxes = Files.readAllLines(drone.resolve("gt/gt.txt")).stream().map(line -> line.split(","))
                    .map(f -> new GtBox(Integer.parseInt(f[0]), Long.parseLong(f[1]), Double.parseDouble(f[2]),
                            Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])))
                    .toList();
            List<ObjectRow> objects = Files.readAllLines(drone.resolve("objects.csv")).stream().skip(1)
                    .map(line -> line.split(","))
                    .map(f -> new ObjectRow(Integer.parseInt(f[0]), Long.parseLong(f[1]), f[2], Double.parseDouble(f[4]),
                            Double.parseDouble(f[5]), Double.parseDouble(f[15])))
                    .toList();
            return new Flight(new LocalTangentPlane(point), point, JSON.readTree(drone.resolve("intrinsics.json").toFile()),
                    poses, boxes, objects);
        }

        /** Returns the middle row of the fully visible object seen in the most frames. */
        ObjectRow target() {
            Map<Long, List<ObjectRow>> visible = objects.stream().filter(row -> row.visibility() >= 0.99)
                    .collect(Collectors.groupingBy(ObjectRow::trackId, TreeMap::new, Collectors.toList()));
            List<ObjectRow> rows = visible.values().stream().max(Comparator.comparingInt(List::size)).orElseThrow();
            return rows.get(rows.size() / 2);
        }

        ObjectRow objectAt(int frameSequence, long trackId) {
            return objects.stream().filter(row -> row.frame() == frameSequence && row.trackId() == trackId)
                    .findFirst().orElseThrow();
        }

        /** Returns the frames with their true boxes as tracked detections, with or without the true poses. */
        List<FrameDetections> frames(boolean withPose) {
            Map<String, String> classes = new TreeMap<>();
            objects.forEach(row -> classes.put(row.frame() + ":" + row.trackId(), row.className()));
            List<FrameDetections> frames = new ArrayList<>();
            for (int frame = 1; frame <= poses.size(); frame++) {
                int index = frame;
                List<DetectedBox> detections = boxes.stream().filter(box -> box.frame() == index)
                        .map(box -> ZoneScene.box(0, classes.get(index + ":" + box.trackId()), box.trackId(),
                                box.left(), box.top(), box.left() + box.width(), box.top() + box.height()))
                        .toList();
                FrameDetections detectionsOfFrame = FrameDetections.newBuilder(ZoneScene.frame("s1", frame, detections))
                        .setDroneId(DRONE)
                        .setCaptureTimeMicros(START.plus((frame - 1) * 100_000L, ChronoUnit.MICROS))
                        .setPose(withPose ? pose(poses.get(frame - 1)) : null)
                        .build();
                frames.add(detectionsOfFrame);
            }
            return frames;
        }

        /** Returns the FramePose of a TUM line: timestamp tx ty tz qx qy qz qw, camera to ENU. */
        private FramePose pose(String[] tum) {
            return FramePose.newBuilder()
                    .setStatus(PoseStatus.OK)
                    .setSource(PoseSource.GROUND_TRUTH)
                    .setScaleSource(ScaleSource.GROUND_TRUTH)
                    .setEastMetres(Double.parseDouble(tum[1]))
                    .setNorthMetres(Double.parseDouble(tum[2]))
                    .setUpMetres(Double.parseDouble(tum[3]))
                    .setQx(Double.parseDouble(tum[4]))
                    .setQy(Double.parseDouble(tum[5]))
                    .setQz(Double.parseDouble(tum[6]))
                    .setQw(Double.parseDouble(tum[7]))
                    .setFx(intrinsics.get("fx").asDouble())
                    .setFy(intrinsics.get("fy").asDouble())
                    .setCx(intrinsics.get("cx").asDouble())
                    .setCy(intrinsics.get("cy").asDouble())
                    .setOriginLatitudeDegrees(origin.latitudeDegrees())
                    .setOriginLongitudeDegrees(origin.longitudeDegrees())
                    .setOriginAltitudeMetres(origin.heightMetres())
                    .build();
        }
    }
}
