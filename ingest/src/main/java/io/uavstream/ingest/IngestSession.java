package io.uavstream.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the access units of one opened source as one session: a random session ID, sequence
 * numbers from 0 without gaps, and a final end-of-stream record with the next sequence number.
 *
 * <p>A demux error ends the session; a corrupt packet is dropped. Both are logged with the drone
 * ID and position, and counted.
 */
final class IngestSession {

    private static final Logger LOG = LoggerFactory.getLogger(Ingestor.class);

    /** How a session ended, with its counts. Media duration in microseconds. */
    record Outcome(long packets, long bytes, long errors, long mediaDurationMicros, boolean readFailed, boolean stopped) {}

    private final String droneId;
    private final boolean paced;
    private final VideoPacketPublisher publisher;
    private final ProgressReporter progress;
    private final StopSignal stop;

    IngestSession(IngestOptions options, VideoPacketPublisher publisher, ProgressReporter progress, StopSignal stop) {
        this.droneId = options.droneId();
        this.paced = options.realtime() && !options.source().isNetwork();
        this.publisher = publisher;
        this.progress = progress;
        this.stop = stop;
    }

    Outcome run(StreamDemuxer demuxer) {
        String sessionId = UUID.randomUUID().toString();
        StreamInfo stream = demuxer.streamInfo();
        LOG.info("Drone {}: session {} started on {} ({} {}x{})",
                droneId, sessionId, demuxer.source(), stream.codec(), stream.width(), stream.height());

        long sequence = 0;
        long bytes = 0;
        long errors = 0;
        boolean readFailed = false;
        boolean stopped = false;
        DemuxedPacket first = null;
        DemuxedPacket last = null;
        long mediaEndMicros = Long.MIN_VALUE;
        long startNanos = System.nanoTime();

        while (true) {
            if (stop.isSet()) {
                stopped = true;
                break;
            }
            DemuxedPacket packet;
            try {
                packet = demuxer.nextPacket();
            } catch (DemuxException e) {
                errors++;
                readFailed = true;
                LOG.error("Drone {}: demux error in session {} at byte {}, media position {} s: {}",
                        droneId, sessionId, e.bytePosition(), mediaSeconds(first, last), e.getMessage());
                break;
            }
            if (packet == null) {
                break;
            }
            if (packet.corrupt()) {
                errors++;
                LOG.error("Drone {}: dropped a corrupt access unit in session {} at byte {}, PTS {} us ({} bytes)",
                        droneId, sessionId, packet.bytePosition(), packet.ptsMicros(), packet.accessUnit().length);
                continue;
            }
            if (first == null) {
                first = packet;
            }
            if (paced && waitUntilDue(packet, first, startNanos)) {
                stopped = true;
                break;
            }

            publisher.publish(packet.toVideoPacket(droneId, sessionId, sequence++));
            bytes += packet.accessUnit().length;
            mediaEndMicros = Math.max(mediaEndMicros, packet.ptsMicros() + packet.durationMicros());
            last = packet;
            progress.onPublished(packet.accessUnit().length, mediaSeconds(first, last), stream.durationSeconds());
        }

        publisher.publish(last != null
                ? last.endOfStreamAfter(droneId, sessionId, sequence)
                : DemuxedPacket.endOfEmptyStream(droneId, sessionId, sequence, stream, Instant.now()));
        publisher.flush();

        long mediaDurationMicros = first == null ? 0 : mediaEndMicros - first.ptsMicros();
        LOG.info("Drone {}: session {} ended{} after {} access units, {} bytes, {} errors, {} s of media",
                droneId, sessionId, stopped ? " on request" : readFailed ? " on a demux error" : "", sequence, bytes,
                errors, mediaDurationMicros / 1e6);
        return new Outcome(sequence, bytes, errors, mediaDurationMicros, readFailed, stopped);
    }

    /**
     * Sleeps until the packet is due at the real rate: the session start plus the packet's DTS offset
     * from the first packet. DTS rather than PTS, because packets arrive in decoding order.
     *
     * @return true if a stop was requested while waiting
     */
    private boolean waitUntilDue(DemuxedPacket packet, DemuxedPacket first, long startNanos) {
        long dueNanos = startNanos + (packet.dtsMicros() - first.dtsMicros()) * 1_000;
        long waitNanos = dueNanos - System.nanoTime();
        return waitNanos > 0 && stop.await(Duration.ofNanos(waitNanos));
    }

    private static double mediaSeconds(DemuxedPacket first, DemuxedPacket last) {
        return first == null || last == null ? 0 : (last.ptsMicros() - first.ptsMicros()) / 1e6;
    }
}
