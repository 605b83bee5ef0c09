package io.uavstream.cli.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.ingest.IngestOptions;
import io.uavstream.ingest.IngestProgress;
import io.uavstream.ingest.Ingestor;
import io.uavstream.ingest.SyntheticVideo;
import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.models.testing.SharedData;
import io.uavstream.models.testing.TinyModels;
import io.uavstream.operators.AnalysisCounters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the whole embedded pipeline: real broker, MiniCluster, FFmpeg and ONNX Runtime. */
class EmbeddedRunTest {

    @TempDir
    Path temp;

    @Test
    void generatedClipIsFullyAnalysed() throws Exception {
        Path model = TinyModels.yolox(temp.resolve("model"));
        Path output = temp.resolve("output");
        List<IngestProgress> progress = new ArrayList<>();
        RunSettings settings = RunSettings.builder().model(model).outputDirectory(output).build();

        RunReport report;
        try (EmbeddedRun run = new EmbeddedRun(settings)) {
            report = run.execute(progress::add);
        }

        assertThat(report.counter(AnalysisCounters.FRAMES_DECODED)).isEqualTo(200);
        assertThat(report.counter(AnalysisCounters.FRAMES_ANALYSED)).isEqualTo(200);
        assertThat(report.framesWithDetections()).isEqualTo(200);
        assertThat(report.succeeded()).isTrue();
        assertThat(report.boxesPerClass()).containsKey("person");
        assertThat(progress).isNotEmpty();
        assertThat(jsonLines(output)).hasSize(200);
    }

    @Test
    void externalBrokerSkipsEarlierRecords() throws Exception {
        Path model = TinyModels.yolox(temp.resolve("model"));
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            Path earlier = SyntheticVideo.builder().frames(30).size(160, 120).fps(10).gop(10)
                    .write(temp.resolve("earlier.ts"));
            new Ingestor(IngestOptions.builder().droneId("drone-1").source(earlier)
                    .bootstrapServers(broker.bootstrapServers()).build()).run();
            RunSettings settings = RunSettings.builder().model(model).bootstrapServers(broker.bootstrapServers())
                    .outputDirectory(temp.resolve("output")).build();

            RunReport report;
            try (EmbeddedRun run = new EmbeddedRun(settings)) {
                report = run.execute(progress -> {});
            }

            assertThat(report.counter(AnalysisCounters.FRAMES_DECODED)).isEqualTo(200);
            assertThat(report.framesWithDetections()).isEqualTo(200);
        }
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
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        return lines;
    }
}
