package io.uavstream.cli.replay;

import io.uavstream.cluster.rest.FlinkRestClient;
import io.uavstream.cluster.rest.JarRun;
import io.uavstream.job.replay.ReplayArgs;
import io.uavstream.job.replay.ReplayJob;
import io.uavstream.job.replay.ReplayOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a replay on a Flink session cluster through its REST API: uploads the job jar, runs it
 * with {@link ReplayJob} as the entry class, and waits until the bounded job ends.
 */
final class ClusterReplay {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterReplay.class);
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    private static final Set<String> TERMINAL_STATES = Set.of("FINISHED", "FAILED", "CANCELED");

    private final FlinkRestClient rest;
    private final Path jar;

    ClusterReplay(URI jobManager, Path jar) {
        this.rest = new FlinkRestClient(Objects.requireNonNull(jobManager, "jobManager"));
        this.jar = Objects.requireNonNull(jar, "jar");
    }

    /**
     * Submits the replay and returns its job ID at once.
     *
     * @param options replay options with a replay ID, whose model path exists on the JobManager
     *     and every TaskManager
     */
    String submit(ReplayOptions options) {
        if (options.replayId().isEmpty()) {
            throw new IllegalArgumentException("A replay on a cluster needs a replay ID; derive it on the client"
                    + " or pass --replay-id");
        }
        String jarId = rest.uploadJar(jar);
        try {
            String jobId = rest.runJar(jarId, JarRun.builder()
                    .entryClass(ReplayJob.class.getName())
                    .programArguments(ReplayArgs.format(options))
                    .build());
            LOG.info("Replay {} runs as job {} on {}", options.replayId().get(), jobId, rest.address());
            return jobId;
        } finally {
            deleteUploadedJar(jarId);
        }
    }

    /**
     * Waits until the job is FINISHED, FAILED or CANCELED and returns that state.
     *
     * @throws TimeoutException if the job is still running after {@code timeout}
     */
    String awaitEnd(String jobId, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String state = rest.jobState(jobId);
            if (TERMINAL_STATES.contains(state)) {
                LOG.info("Replay job {} ended: {}", jobId, state);
                return state;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Replay job " + jobId + " is still " + state + " after " + timeout
                        + "; it keeps running on " + rest.address());
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    private void deleteUploadedJar(String jarId) {
        try {
            rest.deleteJar(jarId);
        } catch (RuntimeException e) {
            LOG.warn("Could not delete the uploaded jar {} from {}: {}", jarId, rest.address(), e.getMessage());
        }
    }
}
