package io.uavstream.cli;

import io.uavstream.ingest.IngestOptions;
import io.uavstream.ingest.IngestResult;
import io.uavstream.ingest.Ingestor;
import io.uavstream.schemas.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code uavstream ingest}: publishes one video source's access units to Kafka. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Demuxes a video file or network stream (no decoding) and publishes its encoded access units"
                    + " to the video topic, keyed by drone ID.",
            "Files go as fast as possible unless --realtime is set; network sources reconnect with"
                    + " exponential backoff."
        })
final class IngestCommand implements Callable<Integer> {

    @Option(names = "--drone", required = true, description = "Drone ID, the Kafka record key: 1-64 of [A-Za-z0-9._-].")
    private String droneId;

    @Option(names = "--source", required = true, paramLabel = "FILE|URL",
            description = "Video file, or an rtsp://, udp:// or srt:// URL.")
    private String source;

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
    private String bootstrapServers;

    @Option(names = "--topic", defaultValue = Topics.VIDEO, description = "Video topic (default: ${DEFAULT-VALUE}).")
    private String topic;

    @Option(names = "--realtime", description = "Publish a file at its real frame rate instead of as fast as possible.")
    private boolean realtime;

    @Option(names = "--telemetry", paramLabel = "FILE",
            description = "Telemetry CSV in the layout of the simulator's telemetry.csv (time_s counted from the first"
                    + " access unit; latitude_deg, longitude_deg, altitude_wgs84_m, height_agl_m, platform and gimbal"
                    + " angles in degrees, each optional). Each access unit carries the latest row at or before its"
                    + " capture time. Default: none.")
    private Path telemetry;

    @Option(names = "--reconnect-attempts", defaultValue = "10",
            description = "Reconnection attempts for a lost network source before giving up (default: ${DEFAULT-VALUE}).")
    private int reconnectAttempts;

    @Option(names = "--reconnect-max-delay", defaultValue = "PT30S",
            description = "Longest wait between reconnection attempts, ISO-8601 (default: ${DEFAULT-VALUE}).")
    private Duration reconnectMaxDelay;

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    @Override
    public Integer call() {
        IngestOptions.Builder builder = IngestOptions.builder()
                .droneId(droneId)
                .source(source)
                .bootstrapServers(bootstrapServers)
                .topic(topic)
                .realtime(realtime)
                .reconnectBackoff(Duration.ofSeconds(1), reconnectMaxDelay, reconnectAttempts);
        if (telemetry != null) {
            builder.telemetry(telemetry);
        }
        IngestOptions options = builder.build();
        if (!options.source().isNetwork() && !Files.isRegularFile(options.source().file())) {
            throw new IllegalArgumentException("--source file not found: " + options.source().file().toAbsolutePath());
        }
        Ingestor ingestor = new Ingestor(options);
        CountDownLatch finished = new CountDownLatch(1);
        // On Ctrl-C, stop reading and give the session time to publish its end-of-stream marker.
        Thread stopOnInterrupt = new Thread(() -> {
            ingestor.stop();
            awaitQuietly(finished, SHUTDOWN_GRACE);
        }, "uavstream-ingest-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);

        ProgressBar progressBar = ProgressBar.onStandardError();
        IngestResult result;
        try {
            result = ingestor.run(progressBar);
        } finally {
            finished.countDown();
        }
        progressBar.finish();

        System.out.printf("Published %,d access units (%.1f MB, %.1f s of video) for drone %s in %d session(s); ended: %s, errors: %d%n",
                result.packets(), result.bytes() / 1e6, result.mediaDuration().toMillis() / 1000.0,
                droneId, result.sessions(), result.ending(), result.errors());
        return result.ending() == IngestResult.Ending.END_OF_STREAM || result.ending() == IngestResult.Ending.STOPPED
                ? 0
                : ErrorReporter.EXIT_FAILED;
    }

    private static void awaitQuietly(CountDownLatch latch, Duration timeout) {
        try {
            latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
