package io.uavstream.operators;

import io.uavstream.video.DecodedFrame;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits the frames that a drone's decoder returned, for {@link DecodeFunction}: skips the frames
 * that a rebuilt decoder returns again, records the others as returned in the {@link GopRetention},
 * counts them, and passes the clean ones downstream with the fields of their access unit.
 */
final class FrameEmitter {
    private static final Logger LOG = LoggerFactory.getLogger(FrameEmitter.class);

    private final GopRetention retention;
    private final AnalysisCounter framesDecoded;
    private final AnalysisCounter corruptFrames;
    private final LogRateLimiter corruptLog = new LogRateLimiter();

    FrameEmitter(RuntimeContext context, GopRetention retention) {
        this.retention = retention;
        this.framesDecoded = AnalysisCounter.register(context, AnalysisCounters.FRAMES_DECODED);
        this.corruptFrames = AnalysisCounter.register(context, AnalysisCounters.CORRUPT_FRAMES);
    }

    /** Emits {@code frames}, which {@code decoder} returned for the drone of {@code drone}. */
    void emit(String droneId, DroneDecoder decoder, List<DecodedFrame> frames, DroneDecodeState drone,
            Collector<DecodedVideoFrame> out) throws Exception {
        for (DecodedFrame frame : frames) {
            FrameOrigin origin = decoder.originOf(frame.ptsMicros());
            if (decoder.isReturnedAgain(frame.ptsMicros())) {
                // Emitted, or counted as damaged, before the decoder was rebuilt.
                continue;
            }
            retention.returned(droneId, origin.sessionId(), frame.ptsMicros(), origin.sequence());
            framesDecoded.inc();
            drone.framesDecoded++;
            if (frame.corrupt()) {
                corruptFrames.inc();
                drone.corruptFrames++;
                long suppressed = corruptLog.tryAcquire();
                if (suppressed >= 0) {
                    LOG.warn("Drone {} session {}: frame at PTS {} us (sequence {}) is damaged ({}), not analysed"
                            + " ({} similar messages suppressed)", droneId, origin.sessionId(), frame.ptsMicros(),
                            origin.sequence(), frame.integrity(), suppressed);
                }
                continue;
            }
            out.collect(new DecodedVideoFrame(droneId, origin.sessionId(), origin.sequence(), frame.ptsMicros(),
                    origin.captureTimeMicros(), origin.publishedAtMicros(), origin.telemetry(), frame.image()));
        }
    }
}
