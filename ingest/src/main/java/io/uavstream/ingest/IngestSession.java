package io.uavstream.ingest;

import io.uavstream.schemas.VideoPacket;
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

    /** Counts of one finished session and the reason it ended. Media duration in microseconds. */
    record Outcome(long packets, long bytes, long errors, long mediaDurationMicros, boolean readFailed, boolean stopped) {}

    private final String droneId;
    private final boolean paced;
    private final VideoPacketPublisher publisher;
    private final ProgressReporter progress;
    private final StopSignal stop;
    private final TelemetryTrack telemetry;

    /** @param telemetry samples to attach to the access units, or null for none */
    IngestSession(IngestOptions options, VideoPacketPublisher publisher, ProgressReporter progress, StopSignal stop,
            TelemetryTrack telemetry) {
        this.droneId = options.droneId();
        this.paced = options.realtime() && !options.source().isNetwork();
        this.publisher = publisher;
        this.progress = progress;
        this.stop = stop;
        this.telemetry = telemetry;
    }

    /** Publishes the access units of {@code demuxer} as a new session, then its end-of-stream marker. */
    Outcome run(StreamDemuxer demuxer) {
        Session session = new Session(demuxer);
        session.publishAccessUnits();
        session.publishEndOfStream();
        return session.outcome();
    }

    /** State of one session. */
    private final class Session {
        private final StreamDemuxer demuxer;
        private final String sessionId = UUID.randomUUID().toString();
        private final StreamInfo stream;
        private final long startNanos = System.nanoTime();

        private long sequence;
        private long bytes;
        private long errors;
        private boolean readFailed;
        private boolean stopped;
        private DemuxedPacket first;
        private DemuxedPacket last;
        private long mediaEndMicros = Long.MIN_VALUE;

        Session(StreamDemuxer demuxer) {
            this.demuxer = demuxer;
            this.stream = demuxer.streamInfo();
            LOG.info("Drone {}: session {} started on {} ({} {}x{})",
                    droneId, sessionId, demuxer.source(), stream.codec(), stream.width(), stream.height());
        }

        void publishAccessUnits() {
            while (!stop.isSet()) {
                DemuxedPacket packet = nextIntactPacket();
                if (packet == null) {
                    return;
                }
                if (first == null) {
                    first = packet;
                }
                if (paced && waitUntilDue(packet, first, startNanos)) {
                    break;
                }
                publish(packet);
            }
            stopped = true;
        }

        /** Returns the next packet that is not flagged corrupt, or null at the end or on a demux error. */
        private DemuxedPacket nextIntactPacket() {
            while (true) {
                DemuxedPacket packet;
                try {
                    packet = demuxer.nextPacket();
                } catch (DemuxException e) {
                    errors++;
                    readFailed = true;
                    LOG.error("Drone {}: demux error in session {} at byte {}, media position {} s: {}",
                            droneId, sessionId, e.bytePosition(), mediaPositionSeconds(), e.getMessage());
                    return null;
                }
                if (packet == null || !packet.corrupt()) {
                    return packet;
                }
                errors++;
                LOG.error("Drone {}: dropped a corrupt access unit in session {} at byte {}, PTS {} us ({} bytes)",
                        droneId, sessionId, packet.bytePosition(), packet.ptsMicros(), packet.accessUnit().length);
            }
        }

        private void publish(DemuxedPacket packet) {
            VideoPacket record = packet.toVideoPacket(droneId, sessionId, sequence++);
            if (telemetry != null) {
                record.setTelemetry(telemetry.at(first.captureTimeMicros(), packet.captureTimeMicros()));
            }
            publisher.publish(record);
            bytes += packet.accessUnit().length;
            mediaEndMicros = Math.max(mediaEndMicros, packet.ptsMicros() + packet.durationMicros());
            last = packet;
            progress.onPublished(packet.accessUnit().length, mediaPositionSeconds(), stream.durationSeconds());
        }

        void publishEndOfStream() {
            publisher.publish(last != null
                    ? last.endOfStreamAfter(droneId, sessionId, sequence)
                    : DemuxedPacket.endOfEmptyStream(droneId, sessionId, sequence, stream, Instant.now()));
            publisher.flush();
        }

        Outcome outcome() {
            long mediaDurationMicros = first == null ? 0 : mediaEndMicros - first.ptsMicros();
            String reason = "at the end of the stream";
            if (stopped) {
                reason = "on request";
            } else if (readFailed) {
                reason = "on a demux error";
            }
            LOG.info("Drone {}: session {} ended {} after {} access units, {} bytes, {} errors, {} s of media",
                    droneId, sessionId, reason, sequence, bytes, errors, mediaDurationMicros / 1e6);
            return new Outcome(sequence, bytes, errors, mediaDurationMicros, readFailed, stopped);
        }

        private double mediaPositionSeconds() {
            return first == null || last == null ? 0 : (last.ptsMicros() - first.ptsMicros()) / 1e6;
        }
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
}
