package io.uavstream.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uavstream.cluster.rest.FlinkRestClient;
import io.uavstream.cluster.rest.JarRun;
import io.uavstream.ingest.IngestOptions;
import io.uavstream.ingest.Ingestor;
import io.uavstream.ingest.SyntheticVideo;
import io.uavstream.ingest.TopicProvisioner;
import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.models.DefaultModel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the TaskManager's memory over five submissions of the fat job jar to a cluster
 * without natives in its lib folder, and of the thin jar to a cluster with them. After each
 * bounded run finishes, it runs a full GC in the TaskManager ({@code jcmd GC.run}) and records the
 * resident set size, used heap and metaspace, and how many copies of libavcodec and ONNX Runtime
 * the process has mapped. Not a test: it runs only with
 * {@code -Duavstream.bench.submissions=true}:
 *
 * <pre>
 * mvn -o -B -pl cluster verify -Dit.test=SubmissionMemoryBenchmark -Duavstream.bench.submissions=true
 * </pre>
 *
 * and writes a Markdown table to {@code target/submission-memory.md}.
 */
class SubmissionMemoryBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionMemoryBenchmark.class);
    private static final int SUBMISSIONS = 5;
    private static final int CLIP_FRAMES = 100;
    private static final Pattern AVCODEC = Pattern.compile(".*/libavcodec[^/]*\\.so.*");
    private static final Pattern ONNXRUNTIME = Pattern.compile(".*/libonnxruntime\\.so.*");

    @TempDir
    Path directory;

    @Test
    void measureTaskManagerMemoryPerSubmission() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("uavstream.bench.submissions"),
                "Benchmark; run with -Duavstream.bench.submissions=true");
        List<String> rows = new ArrayList<>();
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start()) {
            Path model = DefaultModel.extractTo(directory.resolve("model"));
            Path clip = SyntheticVideo.builder().frames(CLIP_FRAMES).size(640, 360).fps(10).gop(10)
                    .write(directory.resolve("clip.ts"));
            rows.addAll(measure("fat jar, no natives in lib", homeWithoutNatives(), false, kafka, model, clip));
            rows.addAll(measure("thin jar, natives in lib/uavstream", LoopbackCluster.home(), true, kafka, model, clip));
        }
        StringBuilder table = new StringBuilder("| Setup | Submission | RSS (MiB) | Heap used (MiB) | Metaspace (MiB)"
                + " | libavcodec mappings | libonnxruntime mappings |\n|---|---|---|---|---|---|---|\n");
        rows.forEach(row -> table.append(row).append('\n'));
        Path report = Path.of("target", "submission-memory.md");
        Files.writeString(report, table);
        LOG.info("TaskManager memory per submission (also in {}):\n{}", report.toAbsolutePath(), table);
    }

    private List<String> measure(String setup, FlinkHome home, boolean thin, EmbeddedKafkaBroker kafka, Path model,
            Path clip) throws Exception {
        List<String> rows = new ArrayList<>();
        Path clusterDirectory = directory.resolve(thin ? "thin" : "fat");
        // JavaCPP extracts the natives of the fat jar once per submission (about 180 MB each); keep
        // those copies in the test folder.
        try (SessionCluster cluster = LoopbackCluster.builder(home, clusterDirectory)
                .javaOption("-Dorg.bytedeco.javacpp.cachedir=" + clusterDirectory.resolve("javacpp-cache"))
                .start()) {
            FlinkRestClient rest = new FlinkRestClient(cluster.restAddress());
            long pid = cluster.taskManager().pid();
            rows.add(row(setup, "before", pid, rest));
            for (int submission = 1; submission <= SUBMISSIONS; submission++) {
                String name = (thin ? "thin-" : "fat-") + submission;
                ingest(kafka, name, clip);
                String jarId = rest.uploadJar(LoopbackCluster.jobJar(thin));
                String jobId = rest.runJar(jarId, JarRun.builder().programArguments(arguments(kafka, name, model)).build());
                awaitFinished(rest, jobId);
                rest.deleteJar(jarId);
                rows.add(row(setup, Integer.toString(submission), pid, rest));
            }
        }
        return rows;
    }

    private static List<String> arguments(EmbeddedKafkaBroker kafka, String name, Path model) {
        return List.of("--bootstrap-servers", kafka.bootstrapServers(), "--model", model.toString(),
                "--video-topic", name + ".video", "--detections-topic", name + ".detections",
                "--dead-letter-topic", name + ".dead-letters", "--track-events-topic", name + ".track-events",
                "--group-id", name, "--starting-offsets", "earliest", "--bounded",
                "--checkpoint-interval", "1s", "--parallelism", "1", "--intra-op-threads", "1", "--job-name", name);
    }

    private static void ingest(EmbeddedKafkaBroker kafka, String name, Path clip) {
        try (TopicProvisioner topics = new TopicProvisioner(kafka.bootstrapServers())) {
            for (String suffix : List.of(".video", ".detections", ".dead-letters", ".track-events")) {
                topics.ensureVideoTopic(name + suffix);
            }
        }
        new Ingestor(IngestOptions.builder().droneId("drone-m").source(clip).bootstrapServers(kafka.bootstrapServers())
                .topic(name + ".video").provisionTopic(false).build()).run();
    }

    private static void awaitFinished(FlinkRestClient rest, String jobId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            String state = rest.jobState(jobId);
            if (state.equals("FINISHED")) {
                return;
            }
            if (state.equals("FAILED") || state.equals("CANCELED")) {
                throw new IllegalStateException("Job " + jobId + " ended " + state);
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Job " + jobId + " did not finish within 3 min");
    }

    private static String row(String setup, String submission, long pid, FlinkRestClient rest) throws Exception {
        new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        Thread.sleep(1000);
        JsonNode metrics = taskManagerMetrics(rest.address());
        List<String> maps = Files.readAllLines(Path.of("/proc", Long.toString(pid), "maps"));
        return String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %d | %d |", setup, submission,
                residentKib(pid) / 1024, mebibytes(metric(metrics, "Status.JVM.Memory.Heap.Used")),
                mebibytes(metric(metrics, "Status.JVM.Memory.Metaspace.Used")),
                distinctFiles(maps, AVCODEC), distinctFiles(maps, ONNXRUNTIME));
    }

    private static JsonNode taskManagerMetrics(URI rest) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        String taskManagerId = json.readTree(http.send(HttpRequest.newBuilder(rest.resolve("taskmanagers")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("taskmanagers").get(0).path("id").asText();
        URI uri = rest.resolve("taskmanagers/" + taskManagerId
                + "/metrics?get=Status.JVM.Memory.Heap.Used,Status.JVM.Memory.Metaspace.Used");
        return json.readTree(http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static long metric(JsonNode metrics, String id) {
        for (JsonNode metric : metrics) {
            if (metric.path("id").asText().equals(id)) {
                return metric.path("value").asLong();
            }
        }
        return -1;
    }

    /** Formats bytes as MiB, or "n/a" before the TaskManager reports the metric. */
    private static String mebibytes(long bytes) {
        return bytes < 0 ? "n/a" : Long.toString(bytes >> 20);
    }

    private static long residentKib(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> line.replaceAll("\\D", ""))
                .mapToLong(Long::parseLong)
                .findFirst()
                .orElse(-1);
    }

    private static long distinctFiles(List<String> maps, Pattern library) {
        return maps.stream()
                .map(line -> line.split("\\s+", 6))
                .filter(fields -> fields.length == 6 && library.matcher(fields[5]).matches())
                .map(fields -> fields[5])
                .distinct()
                .count();
    }

    /** Creates a copy of the module's flink-home without lib/uavstream, like a stock cluster's lib folder. */
    private FlinkHome homeWithoutNatives() throws IOException {
        FlinkHome home = LoopbackCluster.home();
        Path copy = directory.resolve("home-without-natives");
        Files.createDirectories(copy.resolve("lib"));
        try (Stream<Path> jars = Files.list(home.libDirectory())) {
            for (Path jar : jars.filter(Files::isRegularFile).toList()) {
                Files.createSymbolicLink(copy.resolve("lib").resolve(jar.getFileName()), jar);
            }
        }
        Files.createDirectories(copy.resolve("conf"));
        try (Stream<Path> files = Files.list(home.configDirectory())) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve("conf").resolve(file.getFileName()));
            }
        }
        return FlinkHome.of(copy);
    }
}
