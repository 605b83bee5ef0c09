package io.uavstream.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.analytics.definition.DefinitionParser;
import io.uavstream.analytics.definition.DefinitionSet;
import io.uavstream.analytics.definition.DefinitionWriter;
import io.uavstream.job.replay.ReplayOptions;
import io.uavstream.job.replay.ReplayRange;
import io.uavstream.models.BundledModels;
import io.uavstream.schemas.AnalyticsEvent;
import io.uavstream.schemas.AnalyticsEventType;
import io.uavstream.schemas.AvroCodec;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.Topics;
import io.uavstream.schemas.TrackEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Replays a recorded three-drone simulated fleet with the bundled fp32 uavdet-416 model on an embedded
 * Kafka broker and a Flink MiniCluster: twice with the same model, and once with a variant of it.
 * Every replay runs zone and line analytics with a zones file, except one that takes the same
 * zones from the control topic.
 */
class ReplayCommandTest {

    private static final List<String> DRONES = List.of("drone-1", "drone-2", "drone-3");

    @TempDir
    static Path directory;

    private static RecordedFleet fleet;
    private static ReplayRange range;
    private static Path model;
    private static Path zonesFile;
    private static ReplayResult reference;

    @BeforeAll
    static void recordFleet() throws Exception {
        // The zone and line events that these tests expect come from uavdet-416's tracks in this
        // short scene. The default uavdet-416-pruned gives only class counts here.
        model = BundledModels.extract("uavdet-416");
        fleet = RecordedFleet.record(directory.resolve("flights"), 3, 6);
        zonesFile = writeZones(directory.resolve("zones.json"));
        long first = fleet.firstCaptureMicros();
        range = new ReplayRange(first + 1_500_000, first + 4_500_000, Set.of());
    }

    @AfterAll
    static void stopKafka() {
        fleet.close();
    }

    /** Runs the replay with the shipped model once, for both tests. */
    private static synchronized ReplayResult reference() throws Exception {
        if (reference == null) {
            reference = ReplayRunner.run(options(model).build());
        }
        return reference;
    }

    @Test
    void sameRangeTwiceIsByteIdentical() throws Exception {
        ReplayResult first = reference();
        ReplayResult second = ReplayRunner.run(options(model).build());

        assertThat(second.replayId()).isEqualTo(first.replayId());
        assertThat(first.readDetections()).isNotEmpty();
        assertThat(first.readDetections().stream().mapToInt(frame -> frame.getBoxes().size()).sum()).isPositive();
        assertThat(first.readTrackEvents()).isNotEmpty();
        assertThat(bytesPerDrone(second.readDetections(), FrameDetections.class, FrameDetections::getDroneId))
                .isEqualTo(bytesPerDrone(first.readDetections(), FrameDetections.class, FrameDetections::getDroneId));
        assertThat(bytesPerDrone(second.readTrackEvents(), TrackEvent.class, TrackEvent::getDroneId))
                .isEqualTo(bytesPerDrone(first.readTrackEvents(), TrackEvent.class, TrackEvent::getDroneId));
        assertThat(bytesPerDrone(second.readAnalyticsEvents(), AnalyticsEvent.class, AnalyticsEvent::getDroneId))
                .isEqualTo(bytesPerDrone(first.readAnalyticsEvents(), AnalyticsEvent.class, AnalyticsEvent::getDroneId));
    }

    @Test
    void analyticsEventsCarryReplayAndModel() throws Exception {
        List<AnalyticsEvent> events = reference().readAnalyticsEvents();

        assertThat(events).extracting(AnalyticsEvent::getEventType)
                .contains(AnalyticsEventType.CLASS_COUNTS)
                .anyMatch(type -> type != AnalyticsEventType.CLASS_COUNTS);
        assertThat(events).extracting(event -> String.valueOf(event.getReplayId())).containsOnly(reference().replayId());
        assertThat(events).extracting(event -> String.valueOf(event.getModelId())).containsOnly("uavdet-416");
        assertThat(events).allSatisfy(event -> assertThat(range.contains(
                RecordedFleet.micros(event.getCaptureTimeMicros()))).isTrue());
    }

    @Test
    void controlTopicSnapshotMatchesZonesFile() throws Exception {
        DefinitionSet zones = DefinitionParser.parse(Files.readString(zonesFile), null);
        publishControl(zones);

        ReplayResult snapshot = ReplayRunner.run(options(model).zonesFile(null).build());

        assertThat(snapshot.plan().definitions().source()).startsWith("control topic " + Topics.ANALYTICS_CONTROL);
        assertThat(snapshot.plan().definitions().drones()).containsOnlyKeys(DRONES);
        assertThat(bytesPerDrone(snapshot.readAnalyticsEvents(), AnalyticsEvent.class, AnalyticsEvent::getDroneId))
                .isEqualTo(bytesPerDrone(reference().readAnalyticsEvents(), AnalyticsEvent.class,
                        AnalyticsEvent::getDroneId));
    }

    @Test
    void pacedReplayWritesSameBytes() throws Exception {
        ReplayResult paced = ReplayRunner.run(options(model).speed(3.0).build());

        assertThat(paced.replayId()).isEqualTo(reference().replayId());
        assertThat(bytesPerDrone(paced.readDetections(), FrameDetections.class, FrameDetections::getDroneId))
                .isEqualTo(bytesPerDrone(reference().readDetections(), FrameDetections.class,
                        FrameDetections::getDroneId));
    }

    @Test
    void higherThresholdVariantComparesFewerDetections() throws Exception {
        Path variant = scoreThresholdVariant(directory.resolve("variant"), 0.6);

        ComparisonSummary summary = ModelComparison.against(reference(), variant);

        assertThat(summary.candidate().modelId()).isEqualTo("uavdet-416-t60");
        assertThat(summary.candidate().detections()).isLessThan(summary.reference().detections());
        assertThat(summary.reference().tracks()).isPositive();
        assertThat(summary.idSwitches()).isNotNegative();
    }

    @Test
    void commandPrintsReplaySummary() {
        long from = range.fromMicros();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream standardOut = System.out;
        int exitCode;
        try {
            System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
            exitCode = new CommandLine(new ReplayCommand()).execute("--bootstrap", fleet.bootstrapServers(),
                    "--video-topic", RecordedFleet.VIDEO_TOPIC, "--from", Long.toString(from),
                    "--to", Long.toString(from + 1_000_000), "--drones", "drone-2", "--replay-id", "cli-replay",
                    "--model", model.toString(), "--intra-op-threads", "1", "--zones", zonesFile.toString());
        } finally {
            System.setOut(standardOut);
        }

        assertThat(exitCode).isZero();
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("uavstream replay cli-replay")
                .containsPattern("frames analysed: +[1-9]")
                .contains("zones and lines:     1 drone from file " + zonesFile)
                .contains("drone-2: 2 zones, 1 line from " + zonesFile);
    }

    private static ReplayOptions.Builder options(Path model) {
        return ReplayOptions.builder()
                .bootstrapServers(fleet.bootstrapServers())
                .videoTopic(RecordedFleet.VIDEO_TOPIC)
                .range(range)
                .modelPath(model)
                .zonesFile(zonesFile)
                .countWindow(Duration.ofSeconds(1))
                .zoneExitDelay(Duration.ZERO)
                .intraOpThreads(1);
    }

    /**
     * Writes, for each drone, a zone over the left half of the 640x480 frame, a zone over the whole
     * frame and a line down its middle. IDs carry the drone, because they must be unique in a file.
     */
    private static Path writeZones(Path file) throws Exception {
        List<String> zones = new java.util.ArrayList<>();
        List<String> lines = new java.util.ArrayList<>();
        for (String drone : DRONES) {
            zones.add("{\"id\": \"" + drone + "-left\", \"drone\": \"" + drone + "\","
                    + " \"polygon\": [[0, 0], [320, 0], [320, 480], [0, 480]]}");
            zones.add("{\"id\": \"" + drone + "-all\", \"drone\": \"" + drone + "\","
                    + " \"polygon\": [[0, 0], [640, 0], [640, 480], [0, 480]]}");
            lines.add("{\"id\": \"" + drone + "-middle\", \"drone\": \"" + drone + "\","
                    + " \"from\": [320, 0], \"to\": [320, 480]}");
        }
        return Files.writeString(file, "{\"zones\": [" + String.join(", ", zones) + "], \"lines\": ["
                + String.join(", ", lines) + "]}");
    }

    /** Publishes each drone's zones and lines to the control topic, keyed by the drone, as uavstream run does. */
    private static void publishControl(DefinitionSet zones) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, fleet.bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            for (String drone : DRONES) {
                producer.send(new ProducerRecord<>(Topics.ANALYTICS_CONTROL, drone,
                        DefinitionWriter.toControlJson(zones.forDrone(drone))));
            }
            producer.flush();
        }
    }

    /** Writes a copy of the shipped descriptor with another ID and score threshold, using the shipped ONNX file. */
    private static Path scoreThresholdVariant(Path folder, double scoreThreshold) throws Exception {
        Path original = model;
        String json = Files.readString(original)
                .replace("\"id\": \"uavdet-416\"", "\"id\": \"uavdet-416-t" + Math.round(scoreThreshold * 100) + "\"")
                .replaceFirst("\"scoreThreshold\": [0-9.]+", "\"scoreThreshold\": " + scoreThreshold)
                .replace("\"model\": \"uavdet-416.onnx\"",
                        "\"model\": \"" + original.resolveSibling("uavdet-416.onnx").toAbsolutePath() + "\"");
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve("uavdet-416-variant.json"), json);
    }

    /** Encodes each record and groups the bytes by drone, keeping each drone's order. */
    private static <T extends SpecificRecord> Map<String, List<String>> bytesPerDrone(List<T> records, Class<T> type,
            java.util.function.Function<T, CharSequence> droneOf) {
        AvroCodec<T> codec = AvroCodec.of(type);
        return records.stream().collect(Collectors.groupingBy(record -> droneOf.apply(record).toString(), TreeMap::new,
                Collectors.mapping(record -> java.util.HexFormat.of().formatHex(codec.encode(record)),
                        Collectors.toList())));
    }
}
