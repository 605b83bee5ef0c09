package io.uavstream.cluster.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of a Flink JobManager's REST API (the same endpoints as the web UI and
 * {@code flink run}), on {@link HttpClient}: uploads and runs job jars, lists jobs, cancels them
 * and stops them with a savepoint. A request that gets an error status from Flink throws
 * {@link FlinkRestException}. A JobManager that cannot be reached makes a request throw
 * {@link UncheckedIOException} naming the address.
 */
public final class FlinkRestClient {

    private static final Logger LOG = LoggerFactory.getLogger(FlinkRestClient.class);

    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration SAVEPOINT_POLL_INTERVAL = Duration.ofMillis(250);

    private final URI baseUri;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * Creates a client of the JobManager at {@code address}, for example
     * {@code http://localhost:8081}.
     *
     * @throws IllegalArgumentException if {@code address} is not an absolute http or https URL
     *     with a host
     */
    public FlinkRestClient(URI address) {
        Objects.requireNonNull(address, "address");
        String scheme = address.getScheme() == null ? "" : address.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || address.getHost() == null) {
            throw new IllegalArgumentException("JobManager address must be an http:// or https:// URL with a host,"
                    + " for example http://localhost:8081; got '" + address + "'");
        }
        String text = address.toString();
        this.baseUri = URI.create(text.endsWith("/") ? text : text + "/");
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** Returns the REST address this client talks to, ending in a slash. */
    public URI address() {
        return baseUri;
    }

    /** {@code GET /overview}. */
    public ClusterOverview overview() {
        JsonNode body = send("GET overview", request("overview").GET());
        return new ClusterOverview(body.path("flink-version").asText(), body.path("taskmanagers").asInt(),
                body.path("slots-total").asInt(), body.path("slots-available").asInt(), body.path("jobs-running").asInt());
    }

    /**
     * Uploads {@code jar} ({@code POST /jars/upload}) and returns the jar ID that
     * {@link #runJar} takes.
     */
    public String uploadJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("Job jar not found: " + jar.toAbsolutePath());
        }
        String boundary = "uavstream-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"jarfile\"; filename=\"" + jar.getFileName() + "\"\r\n"
                + "Content-Type: application/x-java-archive\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        BodyPublisher body;
        try {
            body = BodyPublishers.concat(BodyPublishers.ofString(head), BodyPublishers.ofFile(jar),
                    BodyPublishers.ofString(tail));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
        JsonNode answer = send("POST jars/upload", request("jars/upload")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body));
        String stored = answer.path("filename").asText();
        if (stored.isEmpty()) {
            throw new IllegalStateException("Flink accepted the upload of " + jar + " but named no jar: " + answer);
        }
        String jarId = Path.of(stored).getFileName().toString();
        LOG.info("Uploaded {} as jar {}", jar, jarId);
        return jarId;
    }

    /** Runs an uploaded jar ({@code POST /jars/:jarid/run}) and returns the job ID. */
    public String runJar(String jarId, JarRun run) {
        requireNonBlank(jarId, "jarId");
        ObjectNode body = json.createObjectNode();
        body.putPOJO("programArgsList", run.programArguments());
        run.entryClass().ifPresent(entryClass -> body.put("entryClass", entryClass));
        run.parallelism().ifPresent(parallelism -> body.put("parallelism", parallelism));
        run.savepointPath().ifPresent(path -> body.put("savepointPath", path));
        body.put("allowNonRestoredState", run.allowNonRestoredState());
        JsonNode answer = send("POST jars/" + jarId + "/run", postJson("jars/" + jarId + "/run", body));
        String jobId = answer.path("jobid").asText();
        LOG.info("Jar {} runs as job {}", jarId, jobId);
        return jobId;
    }

    /** Deletes an uploaded jar from the JobManager ({@code DELETE /jars/:jarid}). */
    public void deleteJar(String jarId) {
        requireNonBlank(jarId, "jarId");
        send("DELETE jars/" + jarId, request("jars/" + jarId).DELETE());
    }

    /** Lists the cluster's jobs ({@code GET /jobs/overview}), running and finished. */
    public List<JobSummary> listJobs() {
        JsonNode body = send("GET jobs/overview", request("jobs/overview").GET());
        List<JobSummary> jobs = new ArrayList<>();
        for (JsonNode job : body.path("jobs")) {
            jobs.add(new JobSummary(job.path("jid").asText(), job.path("name").asText(), job.path("state").asText(),
                    Instant.ofEpochMilli(job.path("start-time").asLong())));
        }
        return jobs;
    }

    /** Returns the job's status ({@code GET /jobs/:jobid}), for example RUNNING or FINISHED. */
    public String jobState(String jobId) {
        requireJobId(jobId);
        return send("GET jobs/" + jobId, request("jobs/" + jobId).GET()).path("state").asText();
    }

    /**
     * Returns the name of the state backend the job runs with ({@code GET
     * /jobs/:jobid/checkpoints/config}), for example {@code HashMapStateBackend}, or an empty string
     * for a job without checkpoints.
     */
    public String stateBackend(String jobId) {
        requireJobId(jobId);
        String path = "jobs/" + jobId + "/checkpoints/config";
        return send("GET " + path, request(path).GET()).path("state_backend").asText();
    }

    /**
     * Returns whether the job is RUNNING with every task RUNNING ({@code GET /jobs/:jobid}). A
     * job reaches RUNNING before its tasks do, and Flink rejects a savepoint until they all run.
     */
    public boolean allTasksRunning(String jobId) {
        requireJobId(jobId);
        JsonNode job = send("GET jobs/" + jobId, request("jobs/" + jobId).GET());
        if (!job.path("state").asText().equals("RUNNING") || job.path("vertices").isEmpty()) {
            return false;
        }
        for (JsonNode vertex : job.path("vertices")) {
            if (!vertex.path("status").asText().equals("RUNNING")) {
                return false;
            }
        }
        return true;
    }

    /** Cancels the job without a savepoint ({@code PATCH /jobs/:jobid?mode=cancel}). */
    public void cancel(String jobId) {
        requireJobId(jobId);
        send("PATCH jobs/" + jobId, request("jobs/" + jobId + "?mode=cancel")
                .method("PATCH", BodyPublishers.noBody()));
        LOG.info("Cancelled job {}", jobId);
    }

    /**
     * Stops the job with a savepoint in {@code targetDirectory} ({@code POST /jobs/:jobid/stop})
     * and waits until the savepoint is complete. Sources stop without draining, so that a job
     * resumed from the savepoint continues where this one stopped.
     *
     * @param targetDirectory a directory URI or path the JobManager and TaskManagers can write
     * @param timeout how long to wait for the savepoint
     * @return the savepoint's path, to pass to {@link JarRun.Builder#savepointPath}
     */
    public String stopWithSavepoint(String jobId, String targetDirectory, Duration timeout) {
        requireJobId(jobId);
        requireNonBlank(targetDirectory, "targetDirectory");
        ObjectNode body = json.createObjectNode().put("targetDirectory", targetDirectory).put("drain", false);
        String triggerId = send("POST jobs/" + jobId + "/stop", postJson("jobs/" + jobId + "/stop", body))
                .path("request-id").asText();
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonNode status = send("GET jobs/" + jobId + "/savepoints/" + triggerId,
                    request("jobs/" + jobId + "/savepoints/" + triggerId).GET());
            if (status.path("status").path("id").asText().equals("COMPLETED")) {
                JsonNode operation = status.path("operation");
                if (operation.has("failure-cause")) {
                    throw new IllegalStateException("Stopping job " + jobId + " with a savepoint failed: "
                            + operation.path("failure-cause").path("stack-trace").asText().lines().findFirst().orElse(""));
                }
                String location = operation.path("location").asText();
                LOG.info("Stopped job {} with savepoint {}", jobId, location);
                return location;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The savepoint of job " + jobId + " was not complete within " + timeout
                        + "; the job may still be running. Check with: uavstream jobs list");
            }
            sleep(SAVEPOINT_POLL_INTERVAL);
        }
    }

    /** Checks that {@code jobId} is a Flink job ID: 32 hexadecimal digits. */
    public static String requireJobId(String jobId) {
        if (jobId == null || !JOB_ID.matcher(jobId).matches()) {
            throw new IllegalArgumentException("Not a Flink job ID: '" + jobId
                    + "'. A job ID has 32 hexadecimal digits; list them with: uavstream jobs list");
        }
        return jobId;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUri.resolve(path)).timeout(REQUEST_TIMEOUT).header("Accept", "application/json");
    }

    private HttpRequest.Builder postJson(String path, JsonNode body) {
        return request(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(body.toString()));
    }

    private JsonNode send(String description, HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new UncheckedIOException("Cannot reach the Flink JobManager at " + baseUri
                    + " (connection refused). Is the cluster running?", e);
        } catch (IOException e) {
            throw new UncheckedIOException(description + " at " + baseUri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + description, e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() >= 400) {
            throw new FlinkRestException(description, response.statusCode(), errors(body, response.body()));
        }
        return body;
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static List<String> errors(JsonNode body, String raw) {
        List<String> errors = new ArrayList<>();
        body.path("errors").forEach(error -> errors.add(error.asText()));
        if (errors.isEmpty() && raw != null && !raw.isBlank()) {
            errors.add(raw.length() > 500 ? raw.substring(0, 500) : raw);
        }
        return errors;
    }

    private static void requireNonBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a savepoint", e);
        }
    }
}
