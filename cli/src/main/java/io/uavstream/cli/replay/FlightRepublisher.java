package io.uavstream.cli.replay;

import io.uavstream.ingest.VideoPacketPublisher;
import io.uavstream.job.replay.ReplayOffsets;
import io.uavstream.job.replay.ReplayOptions;
import io.uavstream.job.replay.ReplayRange;
import io.uavstream.schemas.VideoPacket;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one drone's recorded packets again into the live video topic under another drone ID,
 * as if that drone were flying now. Capture times move by one offset, so that the first packet is
 * captured now. The packets go out at their recorded pace divided by the speed. Each recorded
 * session becomes a new session with sequences from 0, and an end-of-stream marker closes the last.
 */
public final class FlightRepublisher {

    private static final Logger LOG = LoggerFactory.getLogger(FlightRepublisher.class);

    private final ReplayOptions options;
    private final String targetDroneId;
    private final Clock clock;

    private String sourceSessionId;
    private String targetSessionId;
    private long nextSequence;
    private VideoPacket lastPacket;
    private long shiftMicros;
    private long firstCaptureMicros;
    private long startNanos;

    /**
     * @param options the recording, its range with exactly one drone, and the speed; the packets go
     *     back into {@link ReplayOptions#videoTopic()}
     * @param targetDroneId drone ID of the republished flight
     */
    public FlightRepublisher(ReplayOptions options, String targetDroneId, Clock clock) {
        this.options = Objects.requireNonNull(options, "options");
        this.targetDroneId = Objects.requireNonNull(targetDroneId, "targetDroneId");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (options.range().droneIds().size() != 1) {
            throw new IllegalArgumentException("--republish-as needs exactly one drone in --drones, got "
                    + options.range().droneIds());
        }
        if (options.range().droneIds().contains(targetDroneId)) {
            throw new IllegalArgumentException("--republish-as " + targetDroneId
                    + " must differ from the recorded drone, or the two flights mix in one drone's stream");
        }
    }

    /**
     * Republishes the flight and returns the number of packets published, end-of-stream markers
     * included. Blocks for the recorded duration divided by the speed.
     */
    public long run() throws InterruptedException {
        ReplayRange range = options.range();
        String sourceDroneId = range.droneIds().iterator().next();
        ReplayOffsets offsets = ReplayOffsets.lookUp(options.bootstrapServers(), options.videoTopic(), range,
                options.seekMargin());
        RecordedPackets recorded = new RecordedPackets(options.bootstrapServers(), range, sourceDroneId, offsets);
        long published;
        try (VideoPacketPublisher publisher = new VideoPacketPublisher(options.bootstrapServers(), options.videoTopic())) {
            long[] count = {0};
            recorded.forEach(packet -> {
                publishPaced(publisher, packet);
                count[0]++;
            });
            published = count[0];
            if (lastPacket != null && !lastPacket.getEndOfStream()) {
                publisher.publish(endOfStream());
                published++;
            }
        } catch (PacingInterruptedException e) {
            throw (InterruptedException) e.getCause();
        }
        LOG.info("Republished {} packets of drone {} in {} as drone {}", published, sourceDroneId, range,
                targetDroneId);
        return published;
    }

    private void publishPaced(VideoPacketPublisher publisher, VideoPacket packet) {
        long capture = ChronoUnit.MICROS.between(Instant.EPOCH, packet.getCaptureTimeMicros());
        if (lastPacket == null) {
            startNanos = System.nanoTime();
            firstCaptureMicros = capture;
            shiftMicros = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant()) - capture;
        }
        waitUntilDue(capture);
        if (!packet.getSessionId().toString().equals(sourceSessionId)) {
            sourceSessionId = packet.getSessionId().toString();
            targetSessionId = UUID.randomUUID().toString();
            nextSequence = 0;
            LOG.info("Republishing session {} of the recording as session {} of drone {}", sourceSessionId,
                    targetSessionId, targetDroneId);
        }
        VideoPacket republished = VideoPacket.newBuilder(packet)
                .setDroneId(targetDroneId)
                .setSessionId(targetSessionId)
                .setSequence(nextSequence++)
                .setCaptureTimeMicros(Instant.EPOCH.plus(capture + shiftMicros, ChronoUnit.MICROS))
                .build();
        publisher.publish(republished);
        lastPacket = republished;
    }

    private void waitUntilDue(long captureMicros) {
        if (!options.paced()) {
            return;
        }
        long dueNanos = startNanos + (long) ((captureMicros - firstCaptureMicros) * 1000 / options.speed());
        long waitNanos = dueNanos - System.nanoTime();
        if (waitNanos <= 0) {
            return;
        }
        try {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PacingInterruptedException(e);
        }
    }

    private VideoPacket endOfStream() {
        return VideoPacket.newBuilder(lastPacket)
                .setSequence(nextSequence++)
                .setKeyframe(false)
                .setCodecConfig(null)
                .setAccessUnit(java.nio.ByteBuffer.allocate(0))
                .setEndOfStream(true)
                .build();
    }

    /** Carries an interrupt out of the packet callback. */
    private static final class PacingInterruptedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PacingInterruptedException(InterruptedException cause) {
            super(cause);
        }
    }
}
