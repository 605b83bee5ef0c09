package io.uavstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import io.uavstream.cluster.rest.FlinkRestClient;
import io.uavstream.ingest.TopicProvisioner;
import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.models.testing.TinyModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code uavstream cluster}, {@code submit} and {@code jobs} against a session cluster that
 * {@code uavstream cluster start} starts from the checkout's cluster/target/flink-home (skipped
 * when that has not been built), on 127.0.0.1.
 */
class ClusterCommandsTest {

    private static final Path FLINK_HOME = Path.of("..", "cluster", "target", "flink-home");

    @TempDir
    static Path directory;

    private static String restAddress;
    private static List<Long> clusterPids = List.of();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startCluster() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(FLINK_HOME.resolve("lib")),
                "No cluster/target/flink-home; build the cluster module first (mvn -B -pl cluster package -DskipTests)");
        int restPort = freePort();
        List<String> arguments = new ArrayList<>(List.of("cluster", "start", "--home", FLINK_HOME.toString(),
                "--log-dir", directory.resolve("log").toString(), "--rest-host", "127.0.0.1",
                "--rest-port", Integer.toString(restPort)));
        // No bind options: the test relies on cluster start's default, loopback.
        for (String property : List.of("jobmanager.rpc.address=127.0.0.1", "jobmanager.rpc.port=" + freePort(),
                "jobmanager.memory.process.size=768m",
                "taskmanager.memory.process.size=1536m", "taskmanager.memory.task.off-heap.size=256m",
                "taskmanager.memory.managed.size=128m", "io.tmp.dirs=" + directory.resolve("tmp"),
                "web.tmpdir=" + directory.resolve("web"))) {
            arguments.addAll(List.of("-D", property));
        }
        int exitCode = UavstreamCli.newCommandLine().execute(arguments.toArray(String[]::new));
        assertThat(exitCode).as("cluster start exit code").isZero();
        restAddress = "http://127.0.0.1:" + restPort;
        clusterPids = List.of(pid("jobmanager.pid"), pid("taskmanager.pid"));
    }

    @AfterAll
    static void stopCluster() {
        if (restAddress == null) {
            return;
        }
        int exitCode = UavstreamCli.newCommandLine().execute("cluster", "stop", "--home", FLINK_HOME.toString(),
                "--log-dir", directory.resolve("log").toString());
        List<Long> running = clusterPids.stream()
                .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .toList();
        // Never leave cluster JVMs behind, even when cluster stop is broken.
        running.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        assertThat(exitCode).as("cluster stop exit code").isZero();
        assertThat(running).as("cluster processes left running after cluster stop").isEmpty();
    }

    private static long pid(String pidFile) throws IOException {
        return Long.parseLong(Files.readString(directory.resolve("log").resolve(pidFile)).strip());
    }

    private int execute(String... args) {
        CommandLine commandLine = UavstreamCli.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void clusterStartBindsToLoopbackByDefault() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");

        for (long pid : clusterPids) {
            String commandLine = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
            for (String option : List.of("jobmanager.bind-host", "taskmanager.bind-host", "rest.bind-address")) {
                assertThat(commandLine).as("pid %d", pid).contains(option + "=127.0.0.1 ");
            }
            assertThat(commandLine).as("pid %d", pid).doesNotContain("0.0.0.0");
            assertThat(commandLine).as("pid %d", pid).doesNotContain("metrics.reporters=");
        }
    }

    @Test
    void clusterStartHelpWarnsAboutBindHost() {
        int exitCode = execute("cluster", "start", "--help");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("--bind-host").contains("upload and run jars");
    }

    /** picocli's default output is a buffered writer that flushes only on println, so the test uses one too. */
    @Test
    void submitJobHelpPrintsJobOptions() {
        StringWriter printed = new StringWriter();
        CommandLine commandLine = UavstreamCli.newCommandLine();
        commandLine.setOut(new PrintWriter(new BufferedWriter(printed), true));

        int exitCode = commandLine.execute("submit", "--job-help");

        assertThat(exitCode).isZero();
        assertThat(printed.toString()).contains("--bootstrap-servers").contains("--model");
    }

    @Test
    void jobsListPrintsHeader() {
        int exitCode = execute("jobs", "list", "--jobmanager", restAddress);

        assertThat(exitCode).isZero();
        assertThat(out.toString()).startsWith("JOB ID");
    }

    @Test
    void submitWithAbsentModelShowsJobError() {
        Path model = directory.resolve("absent.onnx");

        int exitCode = execute("submit", "--jobmanager", restAddress, "--bootstrap-servers", "127.0.0.1:9",
                "--model", model.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("jars/").contains("absent.onnx");
        assertThat(err.toString().indexOf("not found")).as("job message before the HTTP status in: %s", err)
                .isBetween(0, err.toString().indexOf("HTTP 400"));
    }

    @Test
    void submitSendsRelativeModelAsAbsolute() {
        int exitCode = execute("submit", "--jobmanager", restAddress, "--bootstrap-servers", "127.0.0.1:9",
                "--model", "relative-absent.onnx");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains(Path.of("relative-absent.onnx").toAbsolutePath().toString());
    }

    @Test
    void submitRejectsUnknownBundledModel() {
        int exitCode = execute("submit", "--jobmanager", restAddress, "--bootstrap-servers", "127.0.0.1:9",
                "--model", "uavdet-999");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("Unknown bundled model 'uavdet-999'").contains("uavdet-416");
    }

    /**
     * Runs the job through the commands alone: submit, jobs list, jobs stop with a savepoint,
     * submit --from-savepoint and jobs cancel, against an embedded Kafka broker.
     */
    @Test
    void submitStopResumeThroughCommands() throws Exception {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start()) {
            List<String> jobOptions = jobOptions(kafka);
            String firstJob = lastLine(executeOrFail(concat(List.of("submit", "--jobmanager", restAddress), jobOptions)));
            awaitRunning(firstJob);
            String listing = executeOrFail(List.of("jobs", "list", "--jobmanager", restAddress));
            String savepoint = lastLine(executeOrFail(List.of("jobs", "stop", "--jobmanager", restAddress, firstJob,
                    "--savepoint-dir", directory.resolve("savepoints").toUri().toString())));
            String resumedJob = lastLine(executeOrFail(concat(List.of("submit", "--jobmanager", restAddress,
                    "--from-savepoint", savepoint), jobOptions)));
            awaitRunning(resumedJob);
            int cancelExitCode = execute("jobs", "cancel", "--jobmanager", restAddress, resumedJob);

            assertThat(firstJob).matches("[0-9a-f]{32}");
            assertThat(listing).contains(firstJob + "  RUNNING");
            assertThat(savepoint).contains("savepoint-");
            assertThat(resumedJob).matches("[0-9a-f]{32}").isNotEqualTo(firstJob);
            assertThat(cancelExitCode).isZero();
        }
    }

    private static List<String> jobOptions(EmbeddedKafkaBroker kafka) throws IOException {
        String name = "cli-submit";
        try (TopicProvisioner topics = new TopicProvisioner(kafka.bootstrapServers())) {
            for (String suffix : List.of(".video", ".detections", ".dead-letters", ".track-events")) {
                topics.ensureVideoTopic(name + suffix);
            }
        }
        Path model = TinyModels.yolox(Files.createDirectories(directory.resolve("model")));
        return List.of("--bootstrap-servers", kafka.bootstrapServers(), "--model", model.toString(),
                "--video-topic", name + ".video", "--detections-topic", name + ".detections",
                "--dead-letter-topic", name + ".dead-letters", "--track-events-topic", name + ".track-events",
                "--group-id", name, "--checkpoint-interval", "1s", "--parallelism", "1", "--intra-op-threads", "1");
    }

    /** Runs a command, fails the test with its error output unless it exits with 0, and returns its output. */
    private String executeOrFail(List<String> args) {
        out.getBuffer().setLength(0);
        int exitCode = execute(args.toArray(String[]::new));
        assertThat(exitCode).as("exit code of %s, error output: %s", args, err).isZero();
        return out.toString();
    }

    /** Waits up to a minute for every task of the job to run, since stop-with-savepoint needs them running. */
    private static void awaitRunning(String jobId) throws InterruptedException {
        FlinkRestClient rest = new FlinkRestClient(URI.create(restAddress));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (!rest.allTasksRunning(jobId) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
    }

    private static String lastLine(String output) {
        List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    @Test
    void failedSubmitDeletesUploadedJar() throws Exception {
        execute("submit", "--jobmanager", restAddress, "--bootstrap-servers", "127.0.0.1:9",
                "--model", directory.resolve("absent.onnx").toString());

        HttpResponse<String> jars = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(restAddress + "/jars")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(jars.body()).contains("\"files\":[]");
    }

    @Test
    void submitRejectsUnknownJobOption() {
        int exitCode = execute("submit", "--jobmanager", restAddress, "--bootstrap-servers", "127.0.0.1:9",
                "--model", "m.json", "--colour", "red");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("--colour");
    }

    @Test
    void submitRejectsAddressWithoutScheme() {
        int exitCode = execute("submit", "--jobmanager", "localhost:8081", "--bootstrap-servers", "127.0.0.1:9",
                "--model", "m.json");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("http://").contains("localhost:8081");
    }

    @Test
    void jobsStopRejectsMalformedJobId() {
        int exitCode = execute("jobs", "stop", "--jobmanager", restAddress, "1234", "--savepoint-dir", "/tmp/sp");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("Not a Flink job ID: '1234'");
    }

    @Test
    void jobsCancelUnknownJobShowsNotFound() {
        int exitCode = execute("jobs", "cancel", "--jobmanager", restAddress, "0123456789abcdef0123456789abcdef");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("HTTP 404");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
