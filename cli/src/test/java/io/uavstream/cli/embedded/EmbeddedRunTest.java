package io.uavstream.cli.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uavstream.ingest.IngestOptions;
import io.uavstream.ingest.IngestProgress;
import io.uavstream.ingest.IngestResult;
import io.uavstream.ingest.Ingestor;
import io.uavstream.ingest.SyntheticVideo;
import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.models.DefaultModel;
import io.uavstream.models.testing.SharedData;
import io.uavstream.models.testing.TinyModels;
import io.uavstream.operators.AnalysisCounters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the whole embedded pipeline: real broker, MiniCluster, FFmpeg and ONNX Runtime. */
class EmbeddedRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void simulatedFleetIsFullyAnalysed() throws Exception {
        Path model = TinyModels.yolox(temp.resolve("model"));
        Path output = temp.resolve("output");
        // Two drones for 3 s at the simulator's default 10 fps: 60 frames.
        RunSettings settings = RunSettings.builder().model(model).outputDirectory(output).fleet(2, 3, 5).build();

        RunReport report;
        try (EmbeddedRun run = new EmbeddedRun(settings)) {
            report = run.execute(progress -> {});
        }

        assertThat(report.counter(AnalysisCounters.SESSIONS_ENDED)).isEqualTo(2);
        assertThat(report.counter(AnalysisCounters.FRAMES_DECODED)).isEqualTo(60);
        assertThat(report.counter(AnalysisCounters.FRAMES_ANALYSED)).isEqualTo(60);
        assertThat(report.framesWithDetections()).isEqualTo(60);
        assertThat(report.succeeded()).isTrue();
        assertThat(report.boxesPerClass()).containsKey("person");
        assertThat(report.framesPerModel()).containsOnlyKeys("tiny-yolox");
        assertThat(report.framesPerModel()).containsValue(60L);
        assertThat(jsonLines(output)).hasSize(60);
        for (String line : jsonLines(output)) {
            JsonNode pose = JSON.readTree(line).get("pose");
            assertThat(pose.isObject()).as("pose of %s", line).isTrue();
            assertThat(pose.get("scaleSource").asText()).as("scale source of %s", line).isEqualTo("ALTITUDE");
            assertThat(pose.get("originLatitudeDegrees").isNumber()).as("origin of %s", line).isTrue();
        }
    }

    @Test
    void videoFileReportsProgress() throws Exception {
        Path model = TinyModels.yolox(temp.resolve("model"));
        Path video = SyntheticVideo.builder().frames(40).size(320, 240).fps(10).gop(10).write(temp.resolve("clip.ts"));
        List<IngestProgress> progress = new ArrayList<>();
        RunSettings settings = RunSettings.builder().video(video).model(model)
                .outputDirectory(temp.resolve("output")).build();

        RunReport report;
        try (EmbeddedRun run = new EmbeddedRun(settings)) {
            report = run.execute(progress::add);
        }

        assertThat(report.framesWithDetections()).isEqualTo(40);
        assertThat(progress).hasSize(40);
    }

    @Test
    void stopRequestCommitsWhatWasAnalysed() throws Exception {
        Path model = TinyModels.yolox(temp.resolve("model"));
        Path video = SyntheticVideo.builder().frames(300).size(160, 120).fps(10).gop(10).write(temp.resolve("long.ts"));
        RunSettings settings = RunSettings.builder().video(video).model(model).realtime(true)
                .outputDirectory(temp.resolve("output")).build();
        CountDownLatch published = new CountDownLatch(20);

        RunReport report;
        try (EmbeddedRun run = new EmbeddedRun(settings)) {
            CompletableFuture<RunReport> result = CompletableFuture.supplyAsync(() -> execute(run, published));
            assertThat(published.await(4, TimeUnit.MINUTES)).as("20 access units published").isTrue();
            run.requestStop();
            report = result.get(4, TimeUnit.MINUTES);
        }

        assertThat(report.ingest().ending()).isEqualTo(IngestResult.Ending.STOPPED);
        assertThat(report.framesWithDetections()).isBetween(1L, 299L);
        assertThat(report.succeeded()).as("every analysed frame committed").isTrue();
    }

    private static RunReport execute(EmbeddedRun run, CountDownLatch published) {
        try {
            return run.execute(progress -> published.countDown());
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    @Test
    void zonesFileGivesAnalyticsEvents() throws Exception {
        Path model = TinyModels.yolox(temp.resolve("model"));
        Path video = SyntheticVideo.builder().frames(40).size(320, 240).fps(10).gop(10).write(temp.resolve("clip.ts"));
        Path zones = Files.writeString(temp.resolve("zones.json"),
                "{\"zones\": [{\"id\": \"frame\", \"polygon\": [[0, 0], [320, 0], [320, 240], [0, 240]]}]}");
        Path output = temp.resolve("output");
        RunSettings settings = RunSettings.builder().video(video).model(model).zones(zones)
                .outputDirectory(output).build();

        RunReport report;
        try (EmbeddedRun run = new EmbeddedRun(settings)) {
            report = run.execute(progress -> {});
        }

        List<String> events = jsonLines(output, "analytics-events");
        assertThat(report.counter(AnalysisCounters.DEFINITION_UPDATES)).isEqualTo(1);
        assertThat(report.counter(AnalysisCounters.ANALYTICS_EVENTS)).isEqualTo(events.size());
        assertThat(events).anyMatch(line -> line.contains("\"eventType\":\"ZONE_ENTERED\""));
        assertThat(events).allMatch(line -> line.contains("\"droneId\":\"drone-1\""));
    }

    @Test
    void invalidZonesFileIsRejected() throws Exception {
        Path zones = Files.writeString(temp.resolve("zones.json"), "{\"zones\": [{\"id\": \"z\", \"polygon\": [[0, 0]]}]}");

        assertThatThrownBy(() -> RunSettings.builder().model(temp.resolve("m.json")).zones(zones).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--zones")
                .hasMessageContaining("zones[0] (id \"z\")");
    }

    @Test
    void externalBrokerSkipsEarlierRecords() throws Exception {
        Path model = TinyModels.yolox(temp.resolve("model"));
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            Path earlier = SyntheticVideo.builder().frames(30).size(160, 120).fps(10).gop(10)
                    .write(temp.resolve("earlier.ts"));
            new Ingestor(IngestOptions.builder().droneId("drone-1").source(earlier)
                    .bootstrapServers(broker.bootstrapServers()).build()).run();
            Path video = SyntheticVideo.builder().frames(20).size(160, 120).fps(10).gop(10)
                    .write(temp.resolve("clip.ts"));
            RunSettings settings = RunSettings.builder().video(video).model(model)
                    .bootstrapServers(broker.bootstrapServers()).outputDirectory(temp.resolve("output")).build();

            RunReport report;
            try (EmbeddedRun run = new EmbeddedRun(settings)) {
                report = run.execute(progress -> {});
            }

            assertThat(report.counter(AnalysisCounters.FRAMES_DECODED)).isEqualTo(20);
            assertThat(report.framesWithDetections()).isEqualTo(20);
        }
    }

    @Test
    void shippedDefaultModelRunsWithoutModelOption() throws Exception {
        Path video = SyntheticVideo.builder().frames(20).size(320, 240).fps(10).gop(10).write(temp.resolve("clip.ts"));
        RunSettings settings = RunSettings.builder().video(video).outputDirectory(temp.resolve("output")).build();

        RunReport report;
        try (EmbeddedRun run = new EmbeddedRun(settings)) {
            report = run.execute(progress -> {});
        }

        assertThat(settings.model().getFileName().toString()).isEqualTo(DefaultModel.ID + ".json");
        assertThat(report.framesWithDetections()).isEqualTo(20);
    }

    @Test
    void realVideoFindsPersons() throws Exception {
        Path video = SharedData.require("video/vtest.avi");
        Path model = SharedData.require("models/nanodet-plus-m-416.onnx");
        RunSettings settings = RunSettings.builder()
                .video(video).model(model).outputDirectory(temp.resolve("output")).build();

        RunReport report;
        try (EmbeddedRun run = new EmbeddedRun(settings)) {
            report = run.execute(progress -> {});
        }

        assertThat(report.counter(AnalysisCounters.FRAMES_ANALYSED)).isEqualTo(795);
        assertThat(report.framesWithDetections()).isEqualTo(795);
        assertThat(report.boxesPerClass().get("person")).isGreaterThan(795L);
    }

    private static List<String> jsonLines(Path directory) throws Exception {
        return jsonLines(directory, "detections");
    }

    private static List<String> jsonLines(Path directory, String partPrefix) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().startsWith(partPrefix + "-")).toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        return lines;
    }
}
