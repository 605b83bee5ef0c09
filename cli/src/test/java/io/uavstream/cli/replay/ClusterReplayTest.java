package io.uavstream.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.uavstream.cluster.FlinkHome;
import io.uavstream.cluster.SessionCluster;
import io.uavstream.cluster.rest.FlinkRestClient;
import io.uavstream.job.replay.ReplayOptions;
import io.uavstream.job.replay.ReplayRange;
import io.uavstream.models.DefaultModel;
import io.uavstream.schemas.FrameDetections;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a replay on a real Flink session cluster (JobManager and TaskManager JVMs from the cluster
 * module's flink-home) through the REST API, with the thin job jar of this checkout. Skips where
 * the build has not produced the flink-home or the job jar.
 */
class ClusterReplayTest {

    private static final Path FLINK_HOME = Path.of("..", "cluster", "target", "flink-home");
    private static final Path JOB_JAR = Path.of("..", "job", "target", "uavstream-job-0.1.0-SNAPSHOT-job-thin.jar");
    private static final String LOOPBACK = "127.0.0.1";

    /** Kept when the test fails, with the cluster's logs under cluster/log. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path directory;

    @Test
    void clusterReplayWritesRangeDetections() throws Exception {
        replayOnLoopbackCluster(false);
    }

    /** With the job's classes on the cluster's class path, as for a replay cluster, the replay runs alike. */
    @Test
    void replayRunsOnClusterWithJobClasses() throws Exception {
        replayOnLoopbackCluster(true);

        Path logs = directory.resolve("job-classes").resolve("cluster").resolve("log");
        try (Stream<Path> files = Files.list(logs)) {
            Path taskManagerLog = files.filter(file -> file.getFileName().toString().contains("taskmanager")
                            && file.getFileName().toString().endsWith(".log"))
                    .findFirst()
                    .orElseThrow();
            String log = Files.readString(taskManagerLog);
            assertThat(log).contains(JOB_JAR.getFileName().toString());
            assertThat(log).contains("classloader.resolve-order, parent-first");
        }
    }

    private void replayOnLoopbackCluster(boolean jobClasses) throws Exception {
        assumeTrue(Files.isDirectory(FLINK_HOME), "no flink-home at " + FLINK_HOME.toAbsolutePath()
                + "; build the cluster module first (mvn -pl cluster package)");
        assumeTrue(Files.isRegularFile(JOB_JAR), "no thin job jar at " + JOB_JAR.toAbsolutePath()
                + "; build the job module first (mvn -pl job package)");
        Path root = directory.resolve(jobClasses ? "job-classes" : "default");
        try (RecordedFleet fleet = RecordedFleet.record(root.resolve("flights"), 1, 3);
                SessionCluster cluster = loopbackCluster(root.resolve("cluster"), jobClasses)) {
            long first = fleet.firstCaptureMicros();
            ReplayOptions options = ReplayOptions.builder()
                    .bootstrapServers(fleet.bootstrapServers())
                    .videoTopic(RecordedFleet.VIDEO_TOPIC)
                    .range(new ReplayRange(first + 500_000, first + 2_000_000, Set.of()))
                    .replayId("cluster-replay")
                    .intraOpThreads(1)
                    .build();
            Map<org.apache.kafka.common.TopicPartition, Long> before = ReplayOutput.endOffsets(
                    fleet.bootstrapServers(), options.detectionsTopic());
            ClusterReplay replay = new ClusterReplay(cluster.restAddress(), JOB_JAR);

            String jobId = replay.submit(options);
            String state = replay.awaitEnd(jobId, Duration.ofMinutes(3));
            List<FrameDetections> detections = ReplayOutput.read(fleet.bootstrapServers(),
                    new ReplayResult.OutputOffsets(before,
                            ReplayOutput.endOffsets(fleet.bootstrapServers(), options.detectionsTopic())),
                    FrameDetections.class, FrameDetections::getReplayId, "cluster-replay");

            assertThat(state).isEqualTo("FINISHED");
            assertThat(detections).hasSize(16);
            assertThat(detections).allSatisfy(frame -> assertThat(frame.getModelId()).isEqualTo(DefaultModel.ID));
            // flink-conf/config.yaml configures RocksDB; a replay keeps its state on the heap.
            assertThat(new FlinkRestClient(cluster.restAddress()).stateBackend(jobId))
                    .isEqualTo("HashMapStateBackend");
        }
    }

    private static SessionCluster loopbackCluster(Path directory, boolean jobClasses) {
        SessionCluster.Builder builder = SessionCluster.builder(FlinkHome.of(FLINK_HOME.toAbsolutePath().normalize()));
        if (jobClasses) {
            builder.jobClasses(JOB_JAR);
        }
        return builder
                .logDirectory(directory.resolve("log"))
                .stopOnExit(true)
                .restHost(LOOPBACK)
                .restPort(freePort())
                .property("jobmanager.rpc.address", LOOPBACK)
                .property("jobmanager.rpc.port", Integer.toString(freePort()))
                .property("jobmanager.bind-host", LOOPBACK)
                .property("taskmanager.bind-host", LOOPBACK)
                .property("taskmanager.host", LOOPBACK)
                .property("rest.bind-address", LOOPBACK)
                .property("jobmanager.memory.process.size", "768m")
                .property("taskmanager.memory.process.size", "1536m")
                .property("taskmanager.memory.task.off-heap.size", "256m")
                .property("taskmanager.memory.managed.size", "128m")
                .property("execution.checkpointing.dir", directory.resolve("checkpoints").toUri().toString())
                .property("io.tmp.dirs", directory.resolve("tmp").toString())
                .property("web.tmpdir", directory.resolve("web").toString())
                .jobManagerProperty("metrics.reporter.prom.port", Integer.toString(freePort()))
                .taskManagerProperty("metrics.reporter.prom.port", Integer.toString(freePort()))
                .start();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("No free port on " + LOOPBACK, e);
        }
    }
}
