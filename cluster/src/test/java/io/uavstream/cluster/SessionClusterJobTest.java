package io.uavstream.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.cluster.rest.FlinkRestClient;
import io.uavstream.cluster.rest.JarRun;
import io.uavstream.ingest.IngestOptions;
import io.uavstream.ingest.Ingestor;
import io.uavstream.ingest.SyntheticVideo;
import io.uavstream.ingest.TopicProvisioner;
import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.models.testing.TinyModels;
import io.uavstream.schemas.FrameDetections;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the thin job jar on a real session cluster (a JobManager and a TaskManager JVM from the
 * module's flink-home) against an embedded Kafka broker: submits it over REST, ingests a
 * generated clip, stops the job with a savepoint, ingests a second clip while it is stopped,
 * resumes it from the savepoint and checks that every frame has exactly one committed
 * detection record.
 */
class SessionClusterJobTest {

    private static final String DRONE = "drone-c";
    private static final int CLIP_FRAMES = 40;
    private static final Duration OUTPUT_TIMEOUT = Duration.ofMinutes(2);

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
        ingest(topics, clip("first.ts"));
        awaitCommittedDetections(topics, CLIP_FRAMES);
        String savepoint = rest.stopWithSavepoint(firstJob, directory.resolve("savepoints").toUri().toString(),
                Duration.ofMinutes(1));
        String firstJobState = rest.jobState(firstJob);

        ingest(topics, clip("second.ts"));
        String resumedJob = rest.runJar(jarId, JarRun.builder().programArguments(arguments).savepointPath(savepoint).build());
        List<FrameDetections> detections = awaitCommittedDetections(topics, 2 * CLIP_FRAMES);
        rest.cancel(resumedJob);

        Map<String, List<Long>> sequencesBySession = detections.stream().collect(Collectors.groupingBy(
                FrameDetections::getSessionId,
                Collectors.mapping(FrameDetections::getFrameSequence, Collectors.toList())));
        List<Long> everyFrame = LongStream.range(0, CLIP_FRAMES).boxed().toList();
        assertThat(firstJobState).isEqualTo("FINISHED");
        assertThat(resumedJob).isNotEqualTo(firstJob);
        assertThat(sequencesBySession).hasSize(2);
        assertThat(sequencesBySession.values())
                .allSatisfy(sequences -> assertThat(sequences.stream().sorted().toList()).isEqualTo(everyFrame));
    }

    @Test
    void prometheusServesTaskManagerMetrics() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + taskManagerPrometheusPort + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("flink_taskmanager_Status_JVM_Memory_Heap_Used");
    }

    private static Path clip(String fileName) throws Exception {
        return SyntheticVideo.builder().frames(CLIP_FRAMES).size(320, 240).fps(10).gop(10)
                .write(directory.resolve(fileName));
    }

    private static void ingest(Topics topics, Path clip) {
        new Ingestor(IngestOptions.builder()
                .droneId(DRONE)
                .source(clip)
                .bootstrapServers(kafka.bootstrapServers())
                .topic(topics.video())
                .provisionTopic(false)
                .build()).run();
    }

    /** Waits until the detections topic holds at least {@code count} committed records, and returns them. */
    private static List<FrameDetections> awaitCommittedDetections(Topics topics, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(OUTPUT_TIMEOUT);
        List<FrameDetections> detections = List.of();
        while (Instant.now().isBefore(deadline)) {
            detections = CommittedRecords.read(kafka.bootstrapServers(), topics.detections(), FrameDetections.class);
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
            return List.of("--bootstrap-servers", kafka.bootstrapServers(),
                    "--model", model.toString(),
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
