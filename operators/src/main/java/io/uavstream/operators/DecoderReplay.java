package io.uavstream.operators;

import io.uavstream.video.DecodedFrame;
import io.uavstream.video.InvalidAccessUnitException;
import io.uavstream.video.VideoDecodingException;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a drone's native decoder after a restore or an idle timeout by decoding its retained
 * access units again ({@link GopRetention}). FFmpeg then holds the same reference pictures and the
 * same frames waiting for reordering or for the artefact check as the lost decoder did. The frames
 * that the lost decoder had already returned come out again and are marked, so that they are not
 * emitted twice. The frames it still held come out once, when their turn comes.
 *
 * <p>NOTE: a new decoder lacks what FFmpeg inferred from earlier GOPs, such as a reorder depth
 * that an H.264 stream without VUI bitstream restrictions does not declare. For such streams
 * a frame of the rebuilt GOP may come out earlier, or be dropped, where the lost decoder differed.
 */
final class DecoderReplay {
    private static final Logger LOG = LoggerFactory.getLogger(DecoderReplay.class);

    private final AnalysisConfig config;
    private final GopRetention retention;
    private final AnalysisCounter rebuilt;
    private final Counter failures;
    private final Counter rejectedUnits;

    DecoderReplay(AnalysisConfig config, GopRetention retention, RuntimeContext context) {
        this.config = config;
        this.retention = retention;
        this.rebuilt = AnalysisCounter.register(context, AnalysisCounters.DECODERS_REBUILT);
        this.failures = context.getMetricGroup().counter("decoderRebuildFailures");
        this.rejectedUnits = context.getMetricGroup().counter("decoderRebuildRejectedAccessUnits");
    }

    /** Receives the frames that a decoder returned while it was being rebuilt. */
    @FunctionalInterface
    interface FrameSink {
        void accept(DroneDecoder decoder, List<DecodedFrame> frames) throws Exception;
    }

    /**
     * Rebuilds the decoder of the current key's drone from its retained GOP, passing the frames it
     * returns meanwhile to {@code sink}. Returns null when the GOP cannot be replayed, because it
     * outgrew the retention limits, its frames came out of PTS order, or nothing is retained. Also
     * returns null when the rebuild fails: the failure is then logged and counted, and the retained
     * GOP is forgotten.
     *
     * @param sessionId the drone's current session, which the retained units belong to
     * @return the rebuilt decoder, owned by the caller, or null
     */
    DroneDecoder rebuild(String droneId, String sessionId, FrameSink sink) throws Exception {
        GopReplayState replayState = retention.state();
        if (!replayState.canReplay()) {
            if (replayState.decoderMayHoldFrames) {
                LOG.warn("Drone {} session {}: the decoder is gone and its GOP was not retained, because it outgrew the"
                        + " retention limits or its frames came out of PTS order. The frames it still held are lost"
                        + " (the last frame it returned came from access unit {})",
                        droneId, sessionId, replayState.frameReturned ? replayState.lastReturnedSequence : "none");
                replayState.decoderMayHoldFrames = false;
            }
            return null;
        }
        List<RetainedAccessUnit> units = retention.unitsForReplay(droneId);
        if (units == null) {
            failures.inc();
            retention.clear();
            return null;
        }
        try {
            return replay(droneId, sessionId, replayState, units, sink);
        } catch (VideoDecodingException e) {
            failures.inc();
            LOG.warn("Drone {} session {}: rebuilding the decoder from the retained GOP failed, so the frames it held"
                    + " are lost and access units are dropped until the next keyframe: {}", droneId, sessionId,
                    e.getMessage());
            retention.clear();
            return null;
        }
    }

    private DroneDecoder replay(String droneId, String sessionId, GopReplayState replayState,
            List<RetainedAccessUnit> units, FrameSink sink) throws Exception {
        DroneDecoder decoder = DroneDecoder.open(replayState.parameters, config);
        long bytes = units.stream().mapToLong(RetainedAccessUnit::size).sum();
        try {
            if (replayState.frameReturned) {
                decoder.returnedBeforeRebuild(replayState.lastReturnedPts);
            }
            for (RetainedAccessUnit unit : units) {
                decoder.sent(unit.ptsMicros(), unit.origin(sessionId));
                sink.accept(decoder, decodeAgain(droneId, sessionId, decoder, unit));
            }
        } catch (Exception | Error e) {
            decoder.close();
            throw e;
        }
        rebuilt.inc();
        LOG.info("Drone {} session {}: rebuilt the {} decoder from {} retained access units ({} bytes), sequences {}"
                + " to {}", droneId, sessionId, decoder.parameters().codec(), units.size(), bytes,
                units.get(0).sequence(), units.get(units.size() - 1).sequence());
        return decoder;
    }

    private List<DecodedFrame> decodeAgain(String droneId, String sessionId, DroneDecoder decoder,
            RetainedAccessUnit unit) {
        try {
            return decoder.decoder().decode(unit.accessUnit(), unit.ptsMicros(), unit.dtsMicros());
        } catch (InvalidAccessUnitException e) {
            // The unit was retained before it was decoded, so one that FFmpeg rejected when it arrived,
            // and sent to the dead-letter output then, is rejected here again.
            rejectedUnits.inc();
            LOG.info("Drone {} session {}: FFmpeg rejected retained access unit {} while rebuilding the decoder;"
                    + " it is skipped: {}", droneId, sessionId, unit.sequence(), e.getMessage());
            return List.of();
        }
    }
}
