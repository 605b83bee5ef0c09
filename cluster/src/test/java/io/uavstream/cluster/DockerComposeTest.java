package io.uavstream.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.cluster.rest.FlinkRestClient;
import io.uavstream.job.JobOptions;
import io.uavstream.schemas.Topics;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * Checks docker/docker-compose.yml against the job: its job options parse with the job's own
 * parser, and the ingest service writes the topic the job reads. Where a Docker engine runs, it
 * also starts the compose setup with Testcontainers and waits for the job to run.
 */
class DockerComposeTest {

    private static final Pattern DEFAULTED_VARIABLE = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}");

    private static Path repository() {
        return Path.of(System.getProperty("uavstream.repository.root", "..")).toAbsolutePath().normalize();
    }

    private static Path composeFile() {
        return repository().resolve("docker").resolve("docker-compose.yml");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws Exception {
        Map<String, Object> compose = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(composeFile()));
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }

    /** Returns the service's command as arguments, with each ${VAR:-default} replaced by its default. */
    private static List<String> command(String service) throws Exception {
        String command = (String) service(service).get("command");
        Matcher matcher = DEFAULTED_VARIABLE.matcher(command);
        return Arrays.asList(matcher.replaceAll(result -> Matcher.quoteReplacement(result.group(1))).trim().split("\\s+"));
    }

    private static String valueOf(List<String> arguments, String option) {
        int index = arguments.indexOf(option);
        assertThat(index).as("%s in %s", option, arguments).isNotNegative();
        return arguments.get(index + 1);
    }

    @Test
    void composeJobOptionsParseWithJobParser() throws Exception {
        List<String> jobManager = command("jobmanager");
        List<String> jobArguments = jobManager.subList(jobManager.indexOf("--job-classname") + 2, jobManager.size());

        JobOptions options = JobOptions.fromArgs(jobArguments.toArray(String[]::new));

        assertThat(valueOf(jobManager, "--job-classname")).isEqualTo("io.uavstream.job.UavstreamJob");
        assertThat(options.bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(options.videoTopic()).isEqualTo(Topics.VIDEO);
    }

    @Test
    void composeIngestWritesJobVideoTopic() throws Exception {
        List<String> ingest = command("ingest");
        List<String> jobManager = command("jobmanager");

        assertThat(valueOf(ingest, "--topic")).isEqualTo(valueOf(jobManager, "--video-topic"));
        assertThat(valueOf(ingest, "--bootstrap")).isEqualTo(valueOf(jobManager, "--bootstrap-servers"));
    }

    @Test
    void composeDefaultModelIsInJobImage() throws Exception {
        String model = valueOf(command("jobmanager"), "--model");
        String dockerfile = Files.readString(repository().resolve("docker").resolve("job.Dockerfile"));

        assertThat(model).startsWith("/opt/uavstream/models/");
        assertThat(dockerfile).contains("COPY models/src/main/resources/io/uavstream/models/default /opt/uavstream/models");
        assertThat(repository().resolve("models/src/main/resources/io/uavstream/models/default")
                .resolve(Path.of(model).getFileName())).isRegularFile();
    }

    /** config.yaml binds to loopback; containers must listen on their network to reach each other. */
    @Test
    void composeFlinkServicesOverrideLoopbackBinding() throws Exception {
        for (String name : List.of("jobmanager", "taskmanager")) {
            @SuppressWarnings("unchecked")
            String properties = (String) ((Map<String, Object>) service(name).get("environment")).get("FLINK_PROPERTIES");
            List<String> lines = properties.lines().map(String::strip).toList();

            for (String option : SessionCluster.BIND_OPTIONS) {
                assertThat(lines).as("%s FLINK_PROPERTIES", name).contains(option + ": 0.0.0.0");
            }
        }
        assertThat(service("taskmanager").get("hostname")).isEqualTo("taskmanager");
    }

    @Test
    void jobImageUsesRepositoryFlinkConfig() throws Exception {
        String dockerfile = Files.readString(repository().resolve("docker").resolve("job.Dockerfile"));

        assertThat(dockerfile).contains("COPY flink-conf/config.yaml /opt/flink/conf/config.yaml");
    }

    @Test
    void composeSetupRunsJobWithDocker() throws InterruptedException {
        Assumptions.assumeTrue(dockerAvailable(), "No Docker engine found (Testcontainers could not connect to one);"
                + " skipping the docker-compose run. DockerComposeTest's other tests still check the compose file.");
        Path thinJar = LoopbackCluster.jobJar(true);
        Assumptions.assumeTrue(Files.isRegularFile(thinJar), "The job jars are not built: " + thinJar);
        try (ComposeContainer compose = new ComposeContainer(new File(composeFile().toString()))
                .withExposedService("jobmanager", 8081, Wait.forHttp("/overview").forPort(8081)
                        .withStartupTimeout(Duration.ofMinutes(5)))
                .withLocalCompose(true)
                .withBuild(true)) {
            compose.start();
            URI rest = URI.create("http://" + compose.getServiceHost("jobmanager", 8081) + ":"
                    + compose.getServicePort("jobmanager", 8081));
            FlinkRestClient client = new FlinkRestClient(rest);

            assertThat(awaitRunningJob(client)).isTrue();
        }
    }

    /** Polls the job list for up to two minutes; application mode submits the job while the JobManager starts. */
    private static boolean awaitRunningJob(FlinkRestClient client) throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plus(Duration.ofMinutes(2));
        while (java.time.Instant.now().isBefore(deadline)) {
            if (client.listJobs().stream().anyMatch(job -> job.state().equals("RUNNING"))) {
                return true;
            }
            Thread.sleep(1000);
        }
        return false;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
