package io.uavstream.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the video of one drone from a file or network source to Kafka, one {@link
 * io.uavstream.schemas.VideoPacket} per access unit.
 *
 * <p>A file is one session, read as fast as possible or, with {@link IngestOptions#realtime()}, at
 * its real rate. A damaged or truncated file ends its session early; {@link #run} then returns an
 * {@link IngestResult} with the error count instead of throwing.
 *
 * <p>A network source reconnects after every drop, with exponential backoff ({@link
 * ReconnectBackoff}), and each connection is a new session. The run ends when {@link #stop()} is
 * called or when the configured number of consecutive connection attempts has failed.
 *
 * <p>An instance runs once. {@link #stop()} may be called from any thread; it takes effect after
 * the current packet read returns, at most {@link IngestOptions#socketTimeout()} later.
 */
public final class Ingestor {

    private static final Logger LOG = LoggerFactory.getLogger(Ingestor.class);

    private final IngestOptions options;
    private final StopSignal stop = new StopSignal();
    private final AtomicBoolean started = new AtomicBoolean();

    public Ingestor(IngestOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Runs without a progress listener; see {@link #run(IngestProgressListener)}. */
    public IngestResult run() {
        return run(IngestProgressListener.NONE);
    }

    /**
     * Creates the topic if needed and enabled, then publishes until the source ends, is lost for
     * good, or {@link #stop()} is called. Blocks the calling thread.
     *
     * @throws IngestException if the source cannot be opened at all (a missing or unreadable file,
     *     no video stream, or no connection within the configured attempts), the telemetry file is
     *     unreadable or invalid, or Kafka rejects a packet
     * @throws IllegalStateException if this instance has already run
     */
    public IngestResult run(IngestProgressListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("Ingestor for drone " + options.droneId() + " has already run; create a new one");
        }
        if (options.provisionTopic()) {
            try (TopicProvisioner provisioner = new TopicProvisioner(options.bootstrapServers())) {
                provisioner.ensureVideoTopic(options.topic());
            }
        }

        Map<String, Object> producerConfig =
                VideoPacketPublisher.producerConfig(options.bootstrapServers(), "uavstream-ingest-" + options.droneId());
        producerConfig.putAll(options.producerOverrides());
        ProgressReporter progress = new ProgressReporter(options.droneId(), listener, options.progressLogInterval());
        try (VideoPacketPublisher publisher = new VideoPacketPublisher(producerConfig, options.topic())) {
            IngestSession session = new IngestSession(options, publisher, progress, stop, readTelemetry());
            IngestResult result = options.source().isNetwork() ? runNetwork(session) : runFile(session);
            LOG.info("Drone {}: ingest of {} ended ({}): {} sessions, {} access units, {} bytes, {} errors, {} s of media",
                    options.droneId(), options.source(), result.ending(), result.sessions(), result.packets(),
                    result.bytes(), result.errors(), result.mediaDuration().toMillis() / 1e3);
            return result;
        }
    }

    /** Requests the run to end: the current session ends with its end-of-stream marker. */
    public void stop() {
        stop.set();
    }

    private IngestResult runFile(IngestSession session) {
        IngestSession.Outcome outcome;
        try (StreamDemuxer demuxer = open()) {
            outcome = session.run(demuxer);
        }
        IngestResult.Ending ending = outcome.stopped()
                ? IngestResult.Ending.STOPPED
                : outcome.errors() > 0 ? IngestResult.Ending.DAMAGED : IngestResult.Ending.END_OF_STREAM;
        return new Totals().add(outcome).result(ending);
    }

    private IngestResult runNetwork(IngestSession session) {
        ReconnectBackoff backoff = options.reconnectBackoff();
        Totals totals = new Totals();
        int failures = 0;
        while (!stop.isSet()) {
            StreamDemuxer demuxer;
            try {
                demuxer = open();
            } catch (IngestException e) {
                failures++;
                if (failures >= backoff.maxAttempts()) {
                    return giveUp(totals, failures, e);
                }
                Duration delay = backoff.delayAfter(failures);
                LOG.warn("Drone {}: connection attempt {} of {} to {} failed, retrying in {} ms: {}", options.droneId(),
                        failures, backoff.maxAttempts(), options.source(), delay.toMillis(), e.getMessage());
                if (stop.await(delay)) {
                    break;
                }
                continue;
            }

            failures = 0;
            IngestSession.Outcome outcome;
            try (demuxer) {
                outcome = session.run(demuxer);
            }
            totals.add(outcome);
            if (outcome.stopped()) {
                break;
            }
            LOG.warn("Drone {}: {} ended after {} access units, reconnecting", options.droneId(), options.source(),
                    outcome.packets());
        }
        return totals.result(IngestResult.Ending.STOPPED);
    }

    private IngestResult giveUp(Totals totals, int failures, IngestException lastFailure) {
        String message = "Drone " + options.droneId() + ": failed to connect to " + options.source() + " after "
                + failures + " attempts; the last error: " + lastFailure.getMessage();
        if (totals.sessions == 0) {
            throw new IngestException(message, lastFailure);
        }
        LOG.error("{}", message);
        return totals.result(IngestResult.Ending.SOURCE_LOST);
    }

    /** Reads the telemetry file of the options, or returns null when there is none. */
    private TelemetryTrack readTelemetry() {
        if (options.telemetry().isEmpty()) {
            return null;
        }
        Path file = options.telemetry().get();
        try {
            TelemetryTrack track = TelemetryTrack.readCsv(file);
            LOG.info("Drone {}: read {} telemetry samples from {}", options.droneId(), track.size(), file);
            return track;
        } catch (IOException | IllegalArgumentException e) {
            throw new IngestException("Drone " + options.droneId() + ": failed to read telemetry file " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private StreamDemuxer open() {
        return StreamDemuxer.open(options.source(), options.socketTimeout(), options.ffmpegOptions());
    }

    /** Counts summed over the sessions of a run. */
    private static final class Totals {
        long sessions;
        long packets;
        long bytes;
        long errors;
        long mediaDurationMicros;

        Totals add(IngestSession.Outcome outcome) {
            sessions++;
            packets += outcome.packets();
            bytes += outcome.bytes();
            errors += outcome.errors();
            mediaDurationMicros += outcome.mediaDurationMicros();
            return this;
        }

        IngestResult result(IngestResult.Ending ending) {
            return new IngestResult(sessions, packets, bytes, errors, Duration.ofNanos(mediaDurationMicros * 1_000), ending);
        }
    }
}
