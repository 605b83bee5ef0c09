package io.uavstream.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.cluster.rest.FlinkRestClient;
import io.uavstream.cluster.rest.JarRun;
import io.uavstream.ingest.IngestOptions;
import io.uavstream.ingest.Ingestor;
import io.uavstream.ingest.SyntheticVideo;
import io.uavstream.ingest.TopicProvisioner;
import io.uavstream.kafka.embedded.CommittedRecords;
import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.models.BundledModels;
import io.uavstream.models.testing.SharedData;
import io.uavstream.models.testing.TinyModels;
import io.uavstream.schemas.DetectedBox;
import io.uavstream.schemas.FrameDetections;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the thin job jar on a real session cluster (a JobManager and a TaskManager JVM from the
 * module's flink-home) against an embedded Kafka broker, and submits it over REST. The first
 * test ingests the shared vtest.avi, or a generated clip where the shared data is absent. Then
 * it stops the job with a savepoint, ingests a generated clip while the job is stopped, resumes
 * it from the savepoint and checks that every frame has exactly one committed detection record.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionClusterJobTest {

    private static final String DRONE = "drone-c";
    private static final int CLIP_FRAMES = 40;
    private static final Duration OUTPUT_TIMEOUT = Duration.ofMinutes(2);

    /** Job version whose savepoint {@link #releasedSavepointRestoresIntoCurrentJob()} restores. */
    private static final String FIXTURE_VERSION = "v0.1.0";
    private static final String FIXTURE_TOPICS = "evolution";

    /** Kept when a test fails, with the cluster's logs under cluster/log. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path directory;

    private static EmbeddedKafkaBroker kafka;
    private static SessionCluster cluster;
    private static FlinkRestClient rest;
    private static int taskManagerPrometheusPort;

    @BeforeAll
    static void startKafkaAndCluster() {
        kafka = EmbeddedKafkaBroker.start();
        taskManagerPrometheusPort = LoopbackCluster.freePort();
        cluster = LoopbackCluster.builder(LoopbackCluster.home(), directory.resolve("cluster"))
                .taskManagerProperty("metrics.reporter.prom.port", Integer.toString(taskManagerPrometheusPort))
                .start();
        rest = new FlinkRestClient(cluster.restAddress());
    }

    @AfterAll
    static void stopClusterAndKafka() {
        if (cluster != null) {
            cluster.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void stopAndResumeKeepsOneRecordPerFrame() throws Exception {
        Topics topics = new Topics("resume");
        List<String> arguments = topics.jobArguments(TinyModels.yolox(Files.createDirectories(directory.resolve("model"))));
        String jarId = rest.uploadJar(LoopbackCluster.jobJar(true));

        String firstJob = rest.runJar(jarId, JarRun.builder().programArguments(arguments).build());
        long firstFrames = ingest(topics, firstClip());
        awaitCommittedDetections(topics, firstFrames);
        String savepoint = rest.stopWithSavepoint(firstJob, directory.resolve("savepoints").toUri().toString(),
                Duration.ofMinutes(1));
        String firstJobState = rest.jobState(firstJob);

        long secondFrames = ingest(topics, syntheticClip("second.ts"));
        String resumedJob = rest.runJar(jarId, JarRun.builder().programArguments(arguments).savepointPath(savepoint).build());
        List<FrameDetections> detections = awaitCommittedDetections(topics, firstFrames + secondFrames);
        rest.cancel(resumedJob);

        Map<String, List<Long>> sequencesBySession = detections.stream().collect(Collectors.groupingBy(
                FrameDetections::getSessionId,
                Collectors.mapping(FrameDetections::getFrameSequence, Collectors.toList())));
        assertThat(firstJobState).isEqualTo("FINISHED");
        assertThat(resumedJob).isNotEqualTo(firstJob);
        assertThat(sequencesBySession.values().stream().map(sequences -> sequences.stream().sorted().toList()).toList())
                .containsExactlyInAnyOrder(everyFrame(firstFrames), everyFrame(secondFrames));
        // The tracker's next track ID is keyed state: after the restore, new tracks continue the
        // drone's IDs instead of starting again at 1.
        String firstSession = detections.get(0).getSessionId();
        List<Long> firstTrackIds = trackIds(detections, firstSession, true);
        List<Long> secondTrackIds = trackIds(detections, firstSession, false);
        assertThat(firstTrackIds).as("track IDs before the savepoint").isNotEmpty();
        assertThat(secondTrackIds).as("track IDs after the restore").isNotEmpty();
        assertThat(Collections.min(secondTrackIds)).isGreaterThan(Collections.max(firstTrackIds));
    }

    /**
     * Submits the job without {@code --model}: the TaskManager extracts the default model bundled in
     * the job jar from its class path, and every detection record names that model.
     */
    @Test
    void jobWithoutModelRunsBundledDefault() throws Exception {
        Topics topics = new Topics("bundled");
        String jarId = rest.uploadJar(LoopbackCluster.jobJar(true));

        String jobId = rest.runJar(jarId, JarRun.builder().programArguments(topics.jobArguments()).build());
        long frames = ingest(topics, syntheticClip("bundled.ts"));
        List<FrameDetections> detections = awaitCommittedDetections(topics, frames);
        rest.cancel(jobId);

        assertThat(detections).hasSize((int) frames);
        assertThat(detections).extracting(FrameDetections::getModelId).containsOnly(BundledModels.defaultId());
    }

    /** Returns the track IDs of the boxes in session {@code sessionId} (or, with {@code inSession} false, in the others). */
    private static List<Long> trackIds(List<FrameDetections> detections, String sessionId, boolean inSession) {
        return detections.stream()
                .filter(detection -> detection.getSessionId().equals(sessionId) == inSession)
                .flatMap(detection -> detection.getBoxes().stream())
                .map(DetectedBox::getTrackId)
                .filter(Objects::nonNull)
                .toList();
    }

    private static List<Long> everyFrame(long frames) {
        return LongStream.range(0, frames).boxed().toList();
    }

    /** Returns the shared vtest.avi (795 frames of MPEG-4 Part 2, no B-frames) where present, else a generated clip. */
    private static Path firstClip() throws Exception {
        Path shared = SharedData.root().resolve("video/vtest.avi");
        return Files.isRegularFile(shared) ? shared : syntheticClip("first.ts");
    }

    /**
     * Restores a savepoint that an earlier build of the job took (version 0.1.0-SNAPSHOT, kept in
     * src/test/resources/savepoints and written by {@link #writeSavepointFixture()}) into the job
     * as built now. It skips no state, and checks that the restored job analyses a new ingest
     * session completely. The state
     * of every operator (Kafka source and sinks, decoder, tracker, analytics) must restore: a
     * change to an operator's UID or to a state serializer without a migration path fails here.
     */
    @Test
    void releasedSavepointRestoresIntoCurrentJob() throws Exception {
        Topics topics = new Topics(FIXTURE_TOPICS);
        List<String> arguments = topics.jobArguments(TinyModels.yolox(Files.createDirectories(directory.resolve("model-v1"))));
        // The same clip as when the savepoint was taken, so that the restored Kafka offsets exist.
        ingest(topics, syntheticClip("fixture.ts"));
        Path savepoint = Path.of(getClass().getResource("/savepoints/" + FIXTURE_VERSION + "/_metadata").toURI()).getParent();
        String jarId = rest.uploadJar(LoopbackCluster.jobJar(true));

        String jobId = rest.runJar(jarId, JarRun.builder().programArguments(arguments)
                .savepointPath(savepoint.toUri().toString()).allowNonRestoredState(false).build());
        long frames = ingest(topics, syntheticClip("after-restore.ts"));
        String session = awaitNewestSession(topics, frames);
        List<Long> sequences = CommittedRecords.readValues(kafka.bootstrapServers(), topics.detections(), FrameDetections.class)
                .stream()
                .filter(detection -> detection.getSessionId().equals(session))
                .map(FrameDetections::getFrameSequence)
                .sorted()
                .toList();
        rest.cancel(jobId);

        assertThat(sequences).isEqualTo(everyFrame(frames));
    }

    /**
     * Writes the savepoint fixture of this job version to the folder named by system property
     * uavstream.savepoint.fixture.dir; skipped without it. Run it once per released job version:
     * mvn -o -B -pl cluster verify -Dit.test=SessionClusterJobTest#writeSavepointFixture
     * -Duavstream.savepoint.fixture.dir=$PWD/cluster/src/test/resources/savepoints/VERSION
     */
    @Test
    void writeSavepointFixture() throws Exception {
        String target = System.getProperty("uavstream.savepoint.fixture.dir", "");
        Assumptions.assumeFalse(target.isBlank(), "Writes a savepoint fixture; run with -Duavstream.savepoint.fixture.dir=DIR");
        Topics topics = new Topics(FIXTURE_TOPICS);
        List<String> arguments = topics.jobArguments(TinyModels.yolox(Files.createDirectories(directory.resolve("model-v1"))));
        String jobId = rest.runJar(rest.uploadJar(LoopbackCluster.jobJar(true)), JarRun.builder().programArguments(arguments).build());
        long frames = ingest(topics, syntheticClip("fixture.ts"));
        awaitCommittedDetections(topics, frames);
        Path savepoint = Path.of(URI.create(rest.stopWithSavepoint(jobId, directory.resolve("fixture").toUri().toString(),
                Duration.ofMinutes(1))));
        copyFolder(savepoint, Path.of(target));
    }

    private static void copyFolder(Path source, Path target) throws java.io.IOException {
        Files.createDirectories(target);
        try (var files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * Waits until the session of the last committed detection record, the newest ingest session,
     * has {@code frames} records, and returns its ID.
     */
    private static String awaitNewestSession(Topics topics, long frames) throws InterruptedException {
        Instant deadline = Instant.now().plus(OUTPUT_TIMEOUT);
        List<FrameDetections> detections = List.of();
        while (Instant.now().isBefore(deadline)) {
            detections = CommittedRecords.readValues(kafka.bootstrapServers(), topics.detections(), FrameDetections.class);
            if (!detections.isEmpty()) {
                String newest = detections.get(detections.size() - 1).getSessionId();
                if (detections.stream().filter(detection -> detection.getSessionId().equals(newest)).count() >= frames) {
                    return newest;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The newest session did not reach " + frames + " committed detection records within "
                + OUTPUT_TIMEOUT + " (" + detections.size() + " records in all); see the cluster logs under "
                + cluster.jobManager().logFile().getParent());
    }

    /**
     * Runs after the jobs of the other tests: with the thin jar, every job of the TaskManager
     * uses the one copy of FFmpeg and ONNX Runtime from the cluster's lib/uavstream, where the fat
     * jar maps one more copy per job.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void jobsShareOneNativeLibraryCopy() throws Exception {
        Path maps = Path.of("/proc", Long.toString(cluster.taskManager().pid()), "maps");
        Assumptions.assumeTrue(Files.isReadable(maps), "Needs Linux's /proc to list the TaskManager's mapped files");
        long jobs = rest.listJobs().size();
        List<String> mappedFiles = Files.readAllLines(maps).stream()
                .map(line -> line.split("\\s+", 6))
                .filter(fields -> fields.length == 6)
                .map(fields -> fields[5])
                .distinct()
                .toList();

        assertThat(jobs).as("jobs run on this cluster").isGreaterThanOrEqualTo(2);
        assertThat(mappedFiles).filteredOn(file -> file.contains("/libavcodec")).hasSize(1);
        assertThat(mappedFiles).filteredOn(file -> file.contains("/libonnxruntime.so")).hasSize(1);
    }

    @Test
    void processesListenOnlyOnLoopback() throws Exception {
        Assumptions.assumeTrue(ListeningSockets.supported(), "needs Linux /proc to list listening sockets");

        for (FlinkProcess process : List.of(cluster.jobManager(), cluster.taskManager())) {
            int prometheusPort = prometheusPort(process.pid());
            List<ListeningSockets.Listener> listeners = ListeningSockets.of(process.pid());

            assertThat(listeners).as("listeners of the " + process.role().fileName()).isNotEmpty();
            // Flink's Prometheus reporter has no bind option; the test enables it on one known port.
            assertThat(listeners).as("listeners of the " + process.role().fileName())
                    .filteredOn(listener -> listener.port() != prometheusPort)
                    .allMatch(ListeningSockets.Listener::isLoopback);
        }
    }

    @Test
    void prometheusServesTaskManagerMetrics() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + taskManagerPrometheusPort + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("flink_taskmanager_Status_JVM_Memory_Heap_Used");
    }

    /** Returns the Prometheus port that the launcher passed to the process, from its command line. */
    private static int prometheusPort(long pid) throws Exception {
        String commandLine = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
        java.util.regex.Matcher port = java.util.regex.Pattern.compile("metrics\\.reporter\\.prom\\.port=(\\d+) ")
                .matcher(commandLine + " ");
        assertThat(port.find()).as("Prometheus port on the command line").isTrue();
        return Integer.parseInt(port.group(1));
    }

    private static Path syntheticClip(String fileName) throws Exception {
        return SyntheticVideo.builder().frames(CLIP_FRAMES).size(320, 240).fps(10).gop(10)
                .write(directory.resolve(fileName));
    }

    /** Publishes {@code clip} as one ingest session and returns its access units, one per frame here. */
    private static long ingest(Topics topics, Path clip) {
        return new Ingestor(IngestOptions.builder()
                .droneId(DRONE)
                .source(clip)
                .bootstrapServers(kafka.bootstrapServers())
                .topic(topics.video())
                .provisionTopic(false)
                .build()).run().packets();
    }

    /** Waits until the detections topic contains at least {@code count} committed records, and returns them. */
    private static List<FrameDetections> awaitCommittedDetections(Topics topics, long count) throws InterruptedException {
        Instant deadline = Instant.now().plus(OUTPUT_TIMEOUT);
        List<FrameDetections> detections = List.of();
        while (Instant.now().isBefore(deadline)) {
            detections = CommittedRecords.readValues(kafka.bootstrapServers(), topics.detections(), FrameDetections.class);
            if (detections.size() >= count) {
                return detections;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Expected " + count + " committed detection records within " + OUTPUT_TIMEOUT
                + ", found " + detections.size() + "; see the cluster logs under " + cluster.jobManager().logFile().getParent());
    }

    /** The four topics of one test, named after it, and the job arguments that use them. */
    private record Topics(String name) {
        Topics {
            try (TopicProvisioner provisioner = new TopicProvisioner(kafka.bootstrapServers())) {
                for (String topic : List.of(name + ".video", name + ".detections", name + ".dead-letters",
                        name + ".track-events")) {
                    provisioner.ensureVideoTopic(topic);
                }
            }
        }

        String video() {
            return name + ".video";
        }

        String detections() {
            return name + ".detections";
        }

        List<String> jobArguments(Path model) {
            List<String> arguments = new ArrayList<>(List.of("--model", model.toString()));
            arguments.addAll(jobArguments());
            return arguments;
        }

        /** Returns the job arguments without {@code --model}, so that the job runs the bundled default model. */
        List<String> jobArguments() {
            return List.of("--bootstrap-servers", kafka.bootstrapServers(),
                    "--video-topic", video(),
                    "--detections-topic", detections(),
                    "--dead-letter-topic", name + ".dead-letters",
                    "--track-events-topic", name + ".track-events",
                    "--group-id", name,
                    "--starting-offsets", "earliest",
                    "--checkpoint-interval", "1s",
                    "--parallelism", "1",
                    "--intra-op-threads", "1",
                    "--job-name", "uavstream-" + name);
        }
    }
}
