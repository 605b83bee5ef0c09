package io.uavstream.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.TrackEvent;
import io.uavstream.schemas.TrackEventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFileSinkMiniClusterTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(1)
                    .build());

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path outputDirectory;

    @Test
    void fileSinkWritesOneLinePerRecord() throws Exception {
        List<FrameDetections> written = AvroKafkaSinkMiniClusterTest.detectionsOfTwoDrones(30);

        runJob(written);

        assertThat(readLines(outputDirectory)).hasSize(30);
    }

    @Test
    void fileSinkWritesEachDroneToItsDirectory() throws Exception {
        runJob(AvroKafkaSinkMiniClusterTest.detectionsOfTwoDrones(10));

        for (String drone : List.of("drone-a", "drone-b")) {
            List<JsonNode> lines = readLines(outputDirectory.resolve(drone));
            assertThat(lines).hasSize(5);
            assertThat(lines).allSatisfy(line -> assertThat(line.get("droneId").asText()).isEqualTo(drone));
        }
    }

    @Test
    void partFileNamesHavePrefixAndSuffix() throws Exception {
        runJob(AvroKafkaSinkMiniClusterTest.detectionsOfTwoDrones(4));

        assertThat(visibleFiles(outputDirectory)).isNotEmpty().allSatisfy(file -> {
            assertThat(file.getFileName().toString()).startsWith("detections-");
            assertThat(file.getFileName().toString()).endsWith(".jsonl");
        });
    }

    @Test
    void trackEventsShareDroneDirectories() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(500);
        env.fromData(AvroKafkaSinkMiniClusterTest.detectionsOfTwoDrones(4), new GenericTypeInfo<>(FrameDetections.class))
                .sinkTo(JsonLinesFileSink.forDetections(outputDirectory.toString()).build());
        env.fromData(List.of(TestRecords.trackEvent("drone-a", 1, TrackEventType.STARTED, 1),
                        TestRecords.trackEvent("drone-a", 1, TrackEventType.ENDED, 3)),
                        new GenericTypeInfo<>(TrackEvent.class))
                .sinkTo(JsonLinesFileSink.forTrackEvents(outputDirectory.toString()).build());
        env.execute("detections and track events to JSON lines");

        List<Path> trackEventFiles = visibleFiles(outputDirectory).stream()
                .filter(file -> file.getFileName().toString().startsWith("track-events-"))
                .toList();
        assertThat(trackEventFiles).isNotEmpty()
                .allSatisfy(file -> assertThat(file.getParent()).isEqualTo(outputDirectory.resolve("drone-a")));
        assertThat(trackEventFiles.stream().flatMap(JsonLinesFileSinkMiniClusterTest::lines)
                .map(JsonLinesFileSinkMiniClusterTest::parse).map(line -> line.get("eventType").asText()).toList())
                .containsExactly("STARTED", "ENDED");
        assertThat(readLines(outputDirectory)).hasSize(6);
    }

    @Test
    void fileSinkHidesUncommittedPartFiles() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(3_600_000L);
        env.fromData(AvroKafkaSinkMiniClusterTest.detectionsOfTwoDrones(5), new GenericTypeInfo<>(FrameDetections.class))
                .flatMap(new BlockAfterLastRecord(4), new GenericTypeInfo<>(FrameDetections.class))
                .sinkTo(JsonLinesFileSink.forDetections(outputDirectory.toString()).build());

        JobClient job = env.executeAsync("detections to JSON lines, never checkpointed");
        try {
            awaitHiddenFile(outputDirectory);
            assertThat(visibleFiles(outputDirectory)).isEmpty();
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void outputDirectoryThatIsFileIsRejected() throws IOException {
        Path file = Files.createFile(outputDirectory.resolve("not-a-directory"));

        assertThatThrownBy(() -> JsonLinesFileSink.forDetections(file.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void hiddenPartPrefixIsRejected() {
        assertThatThrownBy(() -> JsonLinesFileSink.forDetections(outputDirectory.toString()).setPartPrefix(".x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partPrefix");
    }

    private void runJob(List<FrameDetections> detections) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(500);
        env.fromData(detections, new GenericTypeInfo<>(FrameDetections.class))
                .sinkTo(JsonLinesFileSink.forDetections(outputDirectory.toString()).build());
        env.execute("detections to JSON lines");
    }

    private static List<JsonNode> readLines(Path directory) throws IOException {
        return visibleFiles(directory).stream()
                .flatMap(JsonLinesFileSinkMiniClusterTest::lines)
                .map(JsonLinesFileSinkMiniClusterTest::parse)
                .toList();
    }

    private static List<Path> visibleFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .toList();
        }
    }

    private static void awaitHiddenFile(Path directory) throws IOException, InterruptedException {
        while (true) {
            try (Stream<Path> files = Files.walk(directory)) {
                if (files.anyMatch(file -> file.getFileName().toString().startsWith(".detections-"))) {
                    return;
                }
            }
            Thread.sleep(100);
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Passes records on and then blocks, until cancelled, after the one at index {@code lastIndex}. */
    private static final class BlockAfterLastRecord implements FlatMapFunction<FrameDetections, FrameDetections> {
        private static final long serialVersionUID = 1L;
        private final long lastIndex;

        BlockAfterLastRecord(long lastIndex) {
            this.lastIndex = lastIndex;
        }

        @Override
        public void flatMap(FrameDetections detections, Collector<FrameDetections> out) throws InterruptedException {
            out.collect(detections);
            if (detections.getFrameSequence() == lastIndex) {
                Thread.sleep(Long.MAX_VALUE);
            }
        }
    }
}
