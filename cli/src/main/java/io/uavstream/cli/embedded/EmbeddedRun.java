package io.uavstream.cli.embedded;

import io.uavstream.ingest.IngestProgressListener;
import io.uavstream.ingest.IngestResult;
import io.uavstream.job.JobOptions;
import io.uavstream.job.ModelPreflight;
import io.uavstream.job.StartingOffsets;
import io.uavstream.job.UavstreamTopology;
import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.models.ModelDescriptor;
import io.uavstream.operators.AnalysisCounters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline in one process: a Kafka broker (embedded, unless one is given), the
 * uavstream job on a Flink MiniCluster, and the video input: one file or a simulated fleet.
 * {@link #execute} runs it to the input's end. {@link #requestStop} ends the input early, and
 * {@link #execute} then commits what was analysed and returns its summary. {@link #close} stops
 * whatever is still running, also from a signal handler or shutdown hook.
 */
public final class EmbeddedRun implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRun.class);

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);
    private static final Duration JOB_START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(20);
    private static final int DELETE_ATTEMPTS = 5;
    private static final Duration DELETE_RETRY_DELAY = Duration.ofMillis(200);
    private static final DateTimeFormatter RUN_NAME_FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final RunSettings settings;
    private final Path workDirectory;
    private EmbeddedKafkaBroker broker;
    private JobClient jobClient;
    private VideoInput input;
    private volatile boolean jobEnded;
    private volatile boolean stopRequested;
    private boolean closed;

    public EmbeddedRun(RunSettings settings) throws IOException {
        this.settings = settings;
        this.workDirectory = Files.createTempDirectory("uavstream-run-");
    }

    /**
     * Runs the pipeline over the whole input and returns its summary.
     *
     * @param progress receives ingest progress, for a progress bar
     */
    public RunReport execute(IngestProgressListener progress) throws Exception {
        try {
            return run(progress);
        } catch (Exception e) {
            if (isClosed()) {
                throw new RunStoppedException("Stopped on request before the end of the input", e);
            }
            throw e;
        }
    }

    private RunReport run(IngestProgressListener progress) throws Exception {
        ModelDescriptor model = ModelPreflight.check(settings.model());
        VideoInput video = openInput();
        video.check();
        warnOfUnmatchedZones(model, video);
        Path output = runOutputDirectory();
        String bootstrapServers = kafka();
        Instant runStart = Instant.now();
        JobOptions jobOptions = jobOptions(video, bootstrapServers, runStart, output);
        TopicSetup.createTopics(bootstrapServers, jobOptions);
        if (broker == null) {
            TopicSetup.commitEndOffsets(bootstrapServers, jobOptions);
        }
        publishZones(bootstrapServers, jobOptions);

        long startNanos = System.nanoTime();
        jobClient = submit(jobOptions);
        awaitRunning();

        IngestResult ingest = video.publish(bootstrapServers, jobOptions.videoTopic(), progress);
        awaitSessionsEnded(ingest.sessions(), ingest.packets());
        Map<String, Object> accumulators = stopWithSavepoint();
        double wallSeconds = (System.nanoTime() - startNanos) / 1e9;

        DetectionStats detections = DetectionStats.read(bootstrapServers, jobOptions.detectionsTopic(),
                video.droneIds(), runStart);
        return new RunReport(video.description(), model.id(), ingest, accumulators, detections, wallSeconds,
                output, settings.realtime() || settings.video().isEmpty());
    }

    /**
     * Publishes the zones and lines of {@code --zones} before the job starts, so that the control
     * source reads them before any frame. Without {@code --zones}, the control topic keeps what
     * earlier runs published there; an embedded broker starts empty.
     */
    private void publishZones(String bootstrapServers, JobOptions jobOptions) {
        if (settings.zonesFile().isEmpty()) {
            return;
        }
        if (!jobOptions.analyticsEnabled()) {
            LOG.warn("Zones and lines of {} are not published, because analytics are off", settings.zonesFile().get());
            return;
        }
        ZonePublisher.publish(bootstrapServers, jobOptions.controlTopic(), settings.zones());
    }

    /**
     * Logs one warning per zone or line of {@code --zones} that names a class the model does not
     * detect or a drone that is not in this run, since those never produce events.
     */
    private void warnOfUnmatchedZones(ModelDescriptor model, VideoInput video) {
        if (settings.zonesFile().isEmpty()) {
            return;
        }
        ZoneFileCheck check = new ZoneFileCheck(model.id(), model.classNames(), video.droneIds());
        for (String problem : check.problems(settings.zones())) {
            LOG.warn("--zones {}: {}", settings.zonesFile().get(), problem);
        }
    }

    /** Returns a new folder for this run's JSON lines under the output directory, named by the start time. */
    private Path runOutputDirectory() throws IOException {
        String name = "run-" + RUN_NAME_FORMAT.format(Instant.now());
        Path directory = settings.outputDirectory().resolve(name);
        for (int suffix = 2; Files.exists(directory); suffix++) {
            directory = settings.outputDirectory().resolve(name + "-" + suffix);
        }
        return Files.createDirectories(directory);
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Ends the run early and keeps what it has done. Ingest closes its session with an
     * end-of-stream marker. The job stops with a savepoint at once, which commits its outputs,
     * without waiting for the frames still queued in Kafka. {@link #execute} then returns the
     * summary. Safe to call from a signal handler, and before the input has started.
     */
    public synchronized void requestStop() {
        if (stopRequested || closed) {
            return;
        }
        stopRequested = true;
        LOG.info("Stop requested: ending ingest and stopping the job with a savepoint");
        if (input != null) {
            input.stop();
        }
    }

    /** Opens the video file, or the simulated fleet when no file is given. */
    private synchronized VideoInput openInput() {
        if (closed) {
            throw new IllegalStateException("Run was closed before it started");
        }
        input = settings.video().isPresent()
                ? new FileInput(settings.video().get(), settings.droneId(), settings.realtime())
                : new FleetInput(settings.fleet(), workDirectory.resolve("fleet"));
        if (stopRequested) {
            input.stop();
        }
        return input;
    }

    private String kafka() {
        if (settings.bootstrapServers().isPresent()) {
            LOG.info("Using the Kafka cluster at {}", settings.bootstrapServers().get());
            return settings.bootstrapServers().get();
        }
        broker = EmbeddedKafkaBroker.start();
        return broker.bootstrapServers();
    }

    private JobOptions jobOptions(VideoInput video, String bootstrapServers, Instant runStart, Path output) {
        JobOptions.Builder options = JobOptions.builder()
                .bootstrapServers(bootstrapServers)
                .groupId("uavstream-run-" + runStart.toEpochMilli())
                .modelPath(settings.model().toAbsolutePath())
                .outputDirectory(output.toAbsolutePath().toString())
                .maxAnalysedFps(settings.maxAnalysedFps())
                .liveMode(settings.live())
                .checkpointInterval(Duration.ofSeconds(2))
                .parallelism(settings.parallelism())
                .jobName("uavstream run");
        // An embedded broker holds only this run's records. On a shared cluster, the run's new
        // consumer group starts at the end offsets that execute() commits before ingest.
        options.startingOffsets(broker != null ? StartingOffsets.EARLIEST : StartingOffsets.COMMITTED);
        if (settings.intraOpThreads() > 0) {
            options.intraOpThreads(settings.intraOpThreads());
        }
        settings.countWindow().ifPresent(options::countWindow);
        settings.zoneExitDelay().ifPresent(options::zoneExitDelay);
        settings.controlIdleness().ifPresent(options::controlIdleness);
        if (video instanceof FleetInput fleet) {
            // The simulated fleet publishes telemetry, so its odometry poses are metric and georeferenced.
            options.cameraIntrinsics(fleet.writeIntrinsics());
        }
        return options.build();
    }

    private JobClient submit(JobOptions jobOptions) throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(TaskManagerOptions.NUM_TASK_SLOTS, settings.parallelism());
        configuration.set(RestOptions.BIND_PORT, "0");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(settings.parallelism(), configuration);
        UavstreamTopology.build(env, jobOptions);
        JobClient client = env.executeAsync(jobOptions.jobName());
        LOG.info("Submitted job {} to the Flink MiniCluster", client.getJobID());
        return client;
    }

    private void awaitRunning() throws Exception {
        long deadline = System.nanoTime() + JOB_START_TIMEOUT.toNanos();
        while (true) {
            JobStatus status = jobClient.getJobStatus().get();
            if (status == JobStatus.RUNNING) {
                return;
            }
            failIfTerminal(status);
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Job did not start within " + JOB_START_TIMEOUT + "; last status " + status);
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /**
     * Waits until the job has processed the end-of-stream marker of every ingest session, and
     * logs the job's progress every {@link #PROGRESS_INTERVAL}.
     */
    private void awaitSessionsEnded(long sessions, long accessUnits) throws Exception {
        long nextReport = System.nanoTime() + PROGRESS_INTERVAL.toNanos();
        while (sessions > 0 && !stopRequested) {
            JobStatus status = jobClient.getJobStatus().get();
            failIfTerminal(status);
            Map<String, Object> accumulators = jobClient.getAccumulators().get();
            if (count(accumulators, AnalysisCounters.SESSIONS_ENDED) >= sessions) {
                return;
            }
            if (System.nanoTime() > nextReport) {
                // Ingest may end long before the job, so report the job's own progress meanwhile.
                LOG.info("Job progress: {} frames decoded and {} analysed, of {} access units published",
                        count(accumulators, AnalysisCounters.FRAMES_DECODED),
                        count(accumulators, AnalysisCounters.FRAMES_ANALYSED), accessUnits);
                nextReport = System.nanoTime() + PROGRESS_INTERVAL.toNanos();
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    private static long count(Map<String, Object> accumulators, String name) {
        return accumulators.get(name) instanceof Number number ? number.longValue() : 0;
    }

    /**
     * Stops the job with a savepoint, which commits the last Kafka transaction, and returns its
     * accumulators. The job first advances to the end of event time, so that the frames waiting
     * for the watermark in the zone analytics are analysed and the last tracks end.
     */
    private Map<String, Object> stopWithSavepoint() throws Exception {
        Path savepoints = workDirectory.resolve("savepoints");
        String savepoint = jobClient.stopWithSavepoint(true, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Job stopped with savepoint {}", savepoint);
        Map<String, Object> accumulators = jobClient.getJobExecutionResult()
                .get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .getAllAccumulatorResults();
        jobEnded = true;
        return accumulators;
    }

    private void failIfTerminal(JobStatus status) throws Exception {
        if (!status.isGloballyTerminalState()) {
            return;
        }
        jobEnded = true;
        try {
            jobClient.getJobExecutionResult().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Job " + jobClient.getJobID() + " failed: " + rootMessage(e), e);
        }
        throw new IllegalStateException("Job " + jobClient.getJobID() + " ended early with status " + status);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    /** Stops ingest, cancels the job if it still runs, stops the broker and deletes temporary files. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (jobClient != null || broker != null) {
            LOG.info("Closing the run: stopping ingest, the job and the broker");
        }
        if (input != null) {
            input.stop();
        }
        cancelJob();
        if (broker != null) {
            broker.close();
        }
        deleteWorkDirectory();
    }

    private void cancelJob() {
        if (jobClient == null || jobEnded) {
            return;
        }
        try {
            // Short timeouts, because from a shutdown hook the MiniCluster may be stopping at the same time.
            if (!jobClient.getJobStatus().get(5, TimeUnit.SECONDS).isGloballyTerminalState()) {
                LOG.info("Cancelling job {}", jobClient.getJobID());
                jobClient.cancel().get(5, TimeUnit.SECONDS);
                awaitTerminal(CANCEL_TIMEOUT);
            }
        } catch (Exception e) {
            // The MiniCluster shuts down with the JVM, so a failed cancel leaves nothing behind.
            LOG.warn("Failed to cancel job {}: {}", jobClient.getJobID(), e.toString());
        }
    }

    /**
     * Waits until the cancelled job's tasks have stopped, so that no task is inside native code
     * (FFmpeg, ONNX Runtime) when the JVM exits and those libraries release their resources.
     */
    private void awaitTerminal(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!jobClient.getJobStatus().get(5, TimeUnit.SECONDS).isGloballyTerminalState()) {
            if (System.nanoTime() > deadline) {
                LOG.warn("Job {} did not stop within {} s of cancelling", jobClient.getJobID(), timeout.toSeconds());
                return;
            }
            Thread.sleep(100);
        }
    }

    /** Deletes the run's temporary files, retrying briefly while stopping threads still write there. */
    private void deleteWorkDirectory() {
        for (int attempt = 1; attempt <= DELETE_ATTEMPTS && Files.exists(workDirectory); attempt++) {
            try (Stream<Path> files = Files.walk(workDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                LOG.debug("Attempt {} to delete {} failed: {}", attempt, workDirectory, e.toString());
            }
            if (Files.exists(workDirectory)) {
                sleepQuietly(DELETE_RETRY_DELAY);
            }
        }
        if (Files.exists(workDirectory)) {
            LOG.warn("Failed to delete the run's temporary directory {}; delete it by hand", workDirectory);
        }
    }

    private static void sleepQuietly(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
