package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uavstream.analytics.geo.GeodeticPoint;
import io.uavstream.analytics.geo.LocalTangentPlane;
import io.uavstream.analytics.geo.Vector3;
import io.uavstream.ingest.IngestOptions;
import io.uavstream.ingest.Ingestor;
import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.models.testing.TinyModels;
import io.uavstream.odometry.CameraModel;
import io.uavstream.odometry.OdometryConfig;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated nadir flight with its telemetry, ingested into a real Kafka broker and analysed in a
 * MiniCluster with the visual odometry on: the poses are metric, georeferenced and close to the
 * true ones, and they place a simulated object inside a WGS84 zone drawn around it.
 */
class SimulatedFlightTelemetryTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final String DRONE = "drone-1";
    private static final String TOPIC = "uavstream.video.telemetry-test";
    private static final int SECONDS = 6;
    private static final int FRAMES = SECONDS * 10;
    /** Bound of the RMSE absolute trajectory error, without any alignment, in metres; 0.17 m was measured. */
    private static final double MAX_ATE_METRES = 1.0;
    private static final double HALF_SIDE_METRES = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static EmbeddedKafkaBroker broker;
    private static Path flight;
    private static LocalTangentPlane scene;
    private static List<FrameDetections> analysed;

    @BeforeAll
    static void simulateIngestAndAnalyse() throws Exception {
        SimulationConfig config = SimulationConfig.builder()
                .drones(1).durationSeconds(SECONDS).seed(3).sceneSizeMetres(512)
                .patterns(List.of(FlightPattern.LAWNMOWER)).altitudeRange(80, 80).offNadirRange(0, 0).threads(1)
                .build();
        new FleetSimulation(config).runToDirectory(dir.resolve("flights"));
        flight = dir.resolve("flights").resolve(DRONE);
        JsonNode origin = JSON.readTree(dir.resolve("flights").resolve("scene.json").toFile()).get("origin");
        scene = new LocalTangentPlane(new GeodeticPoint(origin.get("latitudeDegrees").asDouble(),
                origin.get("longitudeDegrees").asDouble(), origin.get("heightMetres").asDouble()));

        broker = EmbeddedKafkaBroker.start();
        new Ingestor(IngestOptions.builder()
                .droneId(DRONE)
                .source(flight.resolve(FleetSimulation.VIDEO_FILE))
                .telemetry(flight.resolve(FleetSimulation.TELEMETRY_FILE))
                .bootstrapServers(broker.bootstrapServers())
                .topic(TOPIC)
                .build()).run();
        analysed = analyse(dir.resolve("model"));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void posesAreGeoreferencedAndMetric() {
        assertThat(analysed).hasSize(FRAMES);
        assertThat(analysed).allSatisfy(frame -> assertThat(frame.getPose()).isNotNull());
        List<FramePose> ok = okPoses();
        assertThat(ok).as("OK poses").hasSizeGreaterThanOrEqualTo(FRAMES * 9 / 10);
        assertThat(ok).allSatisfy(pose -> {
            assertThat(pose.getSource()).isEqualTo(PoseSource.VISUAL_ODOMETRY);
            assertThat(pose.getScaleSource()).isEqualTo(ScaleSource.ALTITUDE);
            assertThat(pose.getOriginLatitudeDegrees()).isNotNull();
            assertThat(pose.getOriginLongitudeDegrees()).isNotNull();
            assertThat(pose.getOriginAltitudeMetres()).isNotNull();
        });
    }

    @Test
    void trajectoryMatchesTruePoses() throws IOException {
        List<double[]> truth = truePositions();
        double squares = 0;
        int count = 0;
        for (FrameDetections frame : analysed) {
            FramePose pose = frame.getPose();
            if (pose.getStatus() != PoseStatus.OK) {
                continue;
            }
            double[] estimated = inScene(pose);
            double[] expected = truth.get((int) frame.getFrameSequence());
            squares += Math.pow(estimated[0] - expected[0], 2) + Math.pow(estimated[1] - expected[1], 2)
                    + Math.pow(estimated[2] - expected[2], 2);
            count++;
        }
        double ateRmse = Math.sqrt(squares / count);

        assertThat(ateRmse).as("ATE RMSE in metres, no alignment").isLessThan(MAX_ATE_METRES);
    }

    @Test
    void objectEntersZoneWithOdometryPoses() throws Exception {
        List<ObjectRow> objects = objects();
        ObjectRow target = target(objects);

        List<AnalyticsEvent> events = runAnalytics(framesWithTrueBoxes(objects), zoneAround(target));

        List<AnalyticsEvent> entries = events.stream()
                .filter(event -> event.getEventType() == AnalyticsEventType.ZONE_ENTERED)
                .filter(event -> event.getTrackId() == target.trackId())
                .toList();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getZoneId()).isEqualTo("around-object");
    }

    private static List<FrameDetections> analyse(Path modelDirectory) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        KafkaSource<PacketOrDeadLetter> source = KafkaSource.<PacketOrDeadLetter>builder()
                .setBootstrapServers(broker.bootstrapServers())
                .setTopics(TOPIC)
                .setGroupId("telemetry-test")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest())
                .setDeserializer(new VideoRecordDeserializer())
                .build();
        DataStream<PacketOrDeadLetter> records = env.fromSource(source,
                DroneAnalysis.watermarks(Duration.ofSeconds(1), Duration.ofSeconds(5)), "Kafka " + TOPIC);
        AnalysisConfig config = AnalysisConfig.builder()
                .modelPath(TinyModels.yolox(modelDirectory).toString())
                .visualOdometry(camera(), OdometryConfig.defaults())
                .build();
        DataStream.Collector<FrameDetections> detections = new DataStream.Collector<>();
        DroneAnalysis.apply(records, config).detections().collectAsync(detections);

        JobClient client = env.executeAsync("simulated flight telemetry test");
        List<FrameDetections> frames = new ArrayList<>();
        try (CloseableIterator<FrameDetections> iterator = detections.getOutput()) {
            iterator.forEachRemaining(frames::add);
        }
        client.getJobExecutionResult().get();
        frames.sort(Comparator.comparingLong(FrameDetections::getFrameSequence));
        return frames;
    }

    private static CameraModel camera() throws IOException {
        JsonNode intrinsics = JSON.readTree(flight.resolve(FleetSimulation.INTRINSICS_FILE).toFile());
        return new CameraModel(intrinsics.get("width").asInt(), intrinsics.get("height").asInt(),
                intrinsics.get("fx").asDouble(), intrinsics.get("fy").asDouble(), intrinsics.get("cx").asDouble(),
                intrinsics.get("cy").asDouble(), intrinsics.get("k1").asDouble(), intrinsics.get("k2").asDouble());
    }

    private static List<FramePose> okPoses() {
        return analysed.stream().map(FrameDetections::getPose).filter(pose -> pose.getStatus() == PoseStatus.OK).toList();
    }

    /** Returns a pose's camera position in the scene's ENU frame, through its WGS84 origin. */
    private static double[] inScene(FramePose pose) {
        Vector3 origin = scene.toEnu(new GeodeticPoint(pose.getOriginLatitudeDegrees(),
                pose.getOriginLongitudeDegrees(), pose.getOriginAltitudeMetres()));
        return new double[] {origin.x() + pose.getEastMetres(), origin.y() + pose.getNorthMetres(),
            origin.z() + pose.getUpMetres()};
    }

    /** Returns the true camera position of each frame from poses_tum.txt, in scene ENU metres. */
    private static List<double[]> truePositions() throws IOException {
        return Files.readAllLines(flight.resolve(FleetSimulation.POSES_FILE)).stream()
                .filter(line -> !line.startsWith("#"))
                .map(line -> line.trim().split("\\s+"))
                .map(tum -> new double[] {Double.parseDouble(tum[1]), Double.parseDouble(tum[2]), Double.parseDouble(tum[3])})
                .toList();
    }

    /** One row of objects.csv: an object's true footprint centre in one frame. */
    private record ObjectRow(int frame, long trackId, String className, double east, double north, double visibility) {}

    private static List<ObjectRow> objects() throws IOException {
        return Files.readAllLines(flight.resolve(FleetSimulation.OBJECTS_FILE)).stream().skip(1)
                .map(line -> line.split(","))
                .map(f -> new ObjectRow(Integer.parseInt(f[0]), Long.parseLong(f[1]), f[2], Double.parseDouble(f[4]),
                        Double.parseDouble(f[5]), Double.parseDouble(f[15])))
                .toList();
    }

    /** Returns the middle row of the fully visible object seen in the most frames. */
    private static ObjectRow target(List<ObjectRow> objects) {
        Map<Long, List<ObjectRow>> visible = objects.stream().filter(row -> row.visibility() >= 0.99)
                .collect(Collectors.groupingBy(ObjectRow::trackId, TreeMap::new, Collectors.toList()));
        List<ObjectRow> rows = visible.values().stream().max(Comparator.comparingInt(List::size)).orElseThrow();
        return rows.get(rows.size() / 2);
    }

    /**
     * Returns the job's analysed frames, with their odometry poses, but with the true boxes of
     * gt.txt as tracked detections in place of the tiny test model's boxes.
     */
    private static List<FrameDetections> framesWithTrueBoxes(List<ObjectRow> objects) throws IOException {
        Map<String, String> classes = new TreeMap<>();
        objects.forEach(row -> classes.put(row.frame() + ":" + row.trackId(), row.className()));
        Map<Integer, List<DetectedBox>> boxes = new TreeMap<>();
        for (String line : Files.readAllLines(flight.resolve(FleetSimulation.GROUND_TRUTH_FILE))) {
            String[] f = line.split(",");
            int frame = Integer.parseInt(f[0]);
            long trackId = Long.parseLong(f[1]);
            double left = Double.parseDouble(f[2]);
            double top = Double.parseDouble(f[3]);
            boxes.computeIfAbsent(frame, key -> new ArrayList<>()).add(ZoneScene.box(0, classes.get(frame + ":" + trackId),
                    trackId, left, top, left + Double.parseDouble(f[4]), top + Double.parseDouble(f[5])));
        }
        List<FrameDetections> frames = new ArrayList<>();
        for (FrameDetections frame : analysed) {
            int number = (int) frame.getFrameSequence() + 1;
            frames.add(FrameDetections.newBuilder(frame).setBoxes(boxes.getOrDefault(number, List.of())).build());
        }
        return frames;
    }

    /** Returns a GeoJSON square of 8 m around the target's position in the middle of its frames. */
    private static String zoneAround(ObjectRow target) {
        List<String> ring = new ArrayList<>();
        double[][] corners = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}, {-1, -1}};
        for (double[] corner : corners) {
            GeodeticPoint point = scene.toGeodetic(new Vector3(
                    target.east() + corner[0] * HALF_SIDE_METRES, target.north() + corner[1] * HALF_SIDE_METRES, 0));
            ring.add(String.format(Locale.ROOT, "[%.9f, %.9f]", point.longitudeDegrees(), point.latitudeDegrees()));
        }
        return """
                {"type": "Feature", "properties": {"id": "around-object", "drone": "%s"},
                 "geometry": {"type": "Polygon", "coordinates": [[%s]]}}
                """.formatted(DRONE, String.join(", ", ring));
    }

    private static List<AnalyticsEvent> runAnalytics(List<FrameDetections> frames, String zone) throws Exception {
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
}
