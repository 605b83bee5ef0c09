package io.uavstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
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
        for (String property : List.of("jobmanager.rpc.address=127.0.0.1", "jobmanager.rpc.port=" + freePort(),
                "jobmanager.bind-host=127.0.0.1", "taskmanager.bind-host=127.0.0.1", "taskmanager.host=127.0.0.1",
                "rest.bind-address=127.0.0.1", "jobmanager.memory.process.size=768m",
                "taskmanager.memory.process.size=1536m", "taskmanager.memory.task.off-heap.size=256m",
                "taskmanager.memory.managed.size=128m", "metrics.reporters=", "io.tmp.dirs=" + directory.resolve("tmp"),
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
