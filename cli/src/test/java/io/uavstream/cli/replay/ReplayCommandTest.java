package io.uavstream.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.job.replay.ReplayOptions;
import io.uavstream.job.replay.ReplayRange;
import io.uavstream.models.DefaultModel;
import io.uavstream.schemas.AvroCodec;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.TrackEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Replays a recorded three-drone simulated fleet with the shipped uavdet-416 model on an embedded
 * Kafka broker and a Flink MiniCluster: twice with the same model, and once with a variant of it.
 */
class ReplayCommandTest {

    @TempDir
    static Path directory;

    private static RecordedFleet fleet;
    private static ReplayRange range;
    private static Path model;
    private static ReplayResult reference;

    @BeforeAll
    static void recordFleet() {
        model = DefaultModel.extract();
        fleet = RecordedFleet.record(directory.resolve("flights"), 3, 6);
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
                    "--model", model.toString(), "--intra-op-threads", "1");
        } finally {
            System.setOut(standardOut);
        }

        assertThat(exitCode).isZero();
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("uavstream replay cli-replay")
                .containsPattern("frames analysed: +[1-9]");
    }

    private static ReplayOptions.Builder options(Path model) {
        return ReplayOptions.builder()
                .bootstrapServers(fleet.bootstrapServers())
                .videoTopic(RecordedFleet.VIDEO_TOPIC)
                .range(range)
                .modelPath(model)
                .intraOpThreads(1);
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
