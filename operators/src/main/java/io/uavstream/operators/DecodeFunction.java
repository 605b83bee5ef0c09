package io.uavstream.operators;

import io.uavstream.schemas.VideoPacket;
import io.uavstream.video.DecodedFrame;
import io.uavstream.video.FrameTooLargeException;
import io.uavstream.video.InvalidAccessUnitException;
import io.uavstream.video.PacketDecoder;
import io.uavstream.video.UnsupportedCodecException;
import io.uavstream.video.VideoDecodingException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes the access units of each drone, keyed by drone ID, into clean frames.
 *
 * <p>Keyed state ({@link DroneDecodeState}) tracks the session, the next expected sequence number
 * and whether to wait for a keyframe. The native {@link PacketDecoder}s live in a transient map,
 * never in state. So that a restore loses no frame, keyed state also retains the access units that
 * the decoder consumed since the keyframe needed to rebuild it, and the last frame it returned
 * ({@link GopRetention}, about one GOP of compressed video per drone). When a drone's decoder is
 * missing, after a restore or after the idle timeout freed it, the next record rebuilds it by
 * decoding those units again ({@link DecoderReplay}). Frames returned before are suppressed. The
 * frames that the lost decoder still held for reordering or for the artefact check come out
 * exactly once, as in a run without the restore. The tests compare both runs for H.264 with and
 * without B-frames and for H.265. After a restore inside a GOP that outgrew the retention limits,
 * or while the decoder returns frames out of PTS order, access units are dropped until the next
 * keyframe instead.
 *
 * <p>A sequence gap (lost access units) drains the decoder and drops access units until the next
 * keyframe, as does the start of a session. Access units below the expected sequence (duplicates,
 * reordering) are dropped too; every drop is counted.
 *
 * <p>Records the decoder cannot handle go to the dead-letter side output: an unsupported codec or
 * frames over the size limit reject the whole session, an undecodable access unit only itself.
 * Damaged frames are counted and not emitted. An end-of-stream marker drains and frees the
 * decoder. A processing-time timer drains and frees the decoders of drones silent for the idle
 * timeout; frames drained there come out without the artefact check's look at the next frame, as
 * at the end of a session.
 */
final class DecodeFunction extends KeyedProcessFunction<String, PacketOrDeadLetter, DecodedVideoFrame> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DecodeFunction.class);
    private static final long NO_TIMER = Long.MIN_VALUE;

    private final AnalysisConfig config;

    private transient ValueState<DroneDecodeState> state;
    private transient GopRetention retention;
    private transient DecoderReplay replay;
    private transient FrameEmitter emitter;
    private transient Map<String, DroneDecoder> decoders;
    private transient DeadLetters deadLetterFactory;
    private transient AnalysisCounter packetsDropped;
    private transient AnalysisCounter deadLetters;
    private transient AnalysisCounter sessionsEnded;
    private transient Counter drainFailures;
    private transient LogRateLimiter dropLog;
    private transient LogRateLimiter deadLetterLog;

    DecodeFunction(AnalysisConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(
                new ValueStateDescriptor<>("drone-decode-state", TypeInformation.of(DroneDecodeState.class)));
        retention = GopRetention.register(getRuntimeContext(), config);
        replay = new DecoderReplay(config, retention, getRuntimeContext());
        emitter = new FrameEmitter(getRuntimeContext(), retention);
        decoders = new HashMap<>();
        deadLetterFactory = new DeadLetters();
        packetsDropped = AnalysisCounter.register(getRuntimeContext(), AnalysisCounters.PACKETS_DROPPED);
        deadLetters = AnalysisCounter.register(getRuntimeContext(), AnalysisCounters.DEAD_LETTERS);
        sessionsEnded = AnalysisCounter.register(getRuntimeContext(), AnalysisCounters.SESSIONS_ENDED);
        drainFailures = getRuntimeContext().getMetricGroup().counter("decoderDrainFailures");
        dropLog = new LogRateLimiter();
        deadLetterLog = new LogRateLimiter();
    }

    @Override
    public void processElement(PacketOrDeadLetter record, Context ctx, Collector<DecodedVideoFrame> out)
            throws Exception {
        DroneDecodeState drone = currentState();
        retention.load();
        process(ctx, record, drone, out);
        state.update(drone);
        retention.save();
    }

    private void process(Context ctx, PacketOrDeadLetter record, DroneDecodeState drone,
            Collector<DecodedVideoFrame> out) throws Exception {
        VideoPacket packet = record.packet();
        String droneId = ctx.getCurrentKey();
        if (!packet.getSessionId().equals(drone.sessionId)) {
            startSession(droneId, drone, packet, ctx.timerService(), out);
        } else if (!inSequence(droneId, drone, packet, ctx.timerService(), out)) {
            return;
        }
        drone.nextSequence = packet.getSequence() + 1;

        if (packet.getEndOfStream()) {
            endSession(droneId, drone, ctx.timerService(), out);
        } else if (drone.sessionRejected()) {
            sendDeadLetter(ctx, record, drone, drone.rejectedErrorType,
                    "Session " + drone.sessionId + " was rejected: " + drone.rejectedReason);
        } else {
            decodePacket(ctx, record, drone, out);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<DecodedVideoFrame> out) throws Exception {
        String droneId = ctx.getCurrentKey();
        DroneDecoder decoder = decoders.get(droneId);
        if (decoder == null || decoder.idleTimerMillis() != timestamp) {
            // A timer restored from a checkpoint, or one of a decoder that was replaced since.
            return;
        }
        long idleMillis = config.decoderIdleTimeout().toMillis();
        if (timestamp - decoder.lastUsedMillis() < idleMillis) {
            long next = decoder.lastUsedMillis() + idleMillis;
            ctx.timerService().registerProcessingTimeTimer(next);
            decoder.idleTimer(next);
            return;
        }
        LOG.info("Drone {} sent no video for {}; draining and freeing its decoder", droneId,
                config.decoderIdleTimeout());
        DroneDecodeState drone = currentState();
        retention.load();
        closeDecoder(droneId, drone, out);
        // The retained units stay, so that the drone's next access unit rebuilds the decoder.
        retention.decoderDrainedAndFreed();
        state.update(drone);
        retention.save();
    }

    @Override
    public void close() {
        if (decoders == null) {
            return;
        }
        if (!decoders.isEmpty()) {
            LOG.info("Freeing the decoders of {} drones; the frames still inside them are emitted only if the job"
                    + " restores and rebuilds the decoders from their retained GOPs", decoders.size());
        }
        decoders.values().forEach(DroneDecoder::close);
        decoders.clear();
    }

    private DroneDecodeState currentState() throws Exception {
        DroneDecodeState drone = state.value();
        return drone != null ? drone : new DroneDecodeState();
    }

    private void startSession(String droneId, DroneDecodeState drone, VideoPacket packet, TimerService timers,
            Collector<DecodedVideoFrame> out) throws Exception {
        if (drone.sessionId != null && !drone.sessionEnded) {
            LOG.warn("Drone {} started session {} at sequence {} before session {} ended; draining the old decoder",
                    droneId, packet.getSessionId(), packet.getSequence(), drone.sessionId);
        } else {
            LOG.info("Drone {} started session {} at sequence {}", droneId, packet.getSessionId(), packet.getSequence());
        }
        rebuildToDrain(droneId, drone, timers, out);
        closeDecoder(droneId, drone, out);
        retention.clear();
        drone.startSession(packet.getSessionId(), packet.getSequence());
    }

    /** Returns whether the packet should be processed; drops duplicates and late packets. */
    private boolean inSequence(String droneId, DroneDecodeState drone, VideoPacket packet, TimerService timers,
            Collector<DecodedVideoFrame> out) throws Exception {
        long sequence = packet.getSequence();
        if (drone.sessionEnded) {
            drop(droneId, drone, packet, "it follows the end of its session");
            return false;
        }
        if (sequence < drone.nextSequence) {
            drop(droneId, drone, packet, "its sequence is below the expected " + drone.nextSequence
                    + " (duplicate or out of order)");
            return false;
        }
        if (sequence > drone.nextSequence) {
            long suppressed = dropLog.tryAcquire();
            if (suppressed >= 0) {
                LOG.warn("Drone {} session {}: sequence gap, expected {} but got {}; waiting for the next keyframe"
                        + " ({} similar messages suppressed)",
                        droneId, drone.sessionId, drone.nextSequence, sequence, suppressed);
            }
            drone.awaitingKeyframe = true;
            rebuildToDrain(droneId, drone, timers, out);
            DroneDecoder decoder = decoders.get(droneId);
            if (decoder != null) {
                emitter.emit(droneId, decoder, drain(droneId, decoder), drone, out);
            }
            retention.decoderFlushed();
        }
        return true;
    }

    private void decodePacket(Context ctx, PacketOrDeadLetter record, DroneDecodeState drone,
            Collector<DecodedVideoFrame> out) throws Exception {
        VideoPacket packet = record.packet();
        String droneId = packet.getDroneId();
        DroneDecoder decoder = liveDecoder(droneId, drone, ctx.timerService(), out);
        if (!packet.getKeyframe() && (drone.awaitingKeyframe || decoder == null)) {
            drop(droneId, drone, packet, drone.awaitingKeyframe ? "the decoder waits for a keyframe"
                    : "no decoder is open, and the retained GOP could not rebuild one");
            drone.awaitingKeyframe = true;
            return;
        }
        if (packet.getKeyframe()) {
            decoder = decoderFor(ctx, record, drone, out);
            if (decoder == null) {
                return;
            }
            drone.awaitingKeyframe = false;
        }

        Long publishedAtMicros = record.timestampMillis() >= 0 ? record.timestampMillis() * 1000 : null;
        FrameOrigin origin = new FrameOrigin(packet.getSessionId(), packet.getSequence(),
                epochMicros(packet.getCaptureTimeMicros()), publishedAtMicros, packet.getTelemetry());
        RetainedAccessUnit unit = RetainedAccessUnit.of(packet, origin);
        retention.retain(droneId, drone.sessionId, unit);
        decoder.sent(packet.getPtsMicros(), origin);
        List<DecodedFrame> decoded;
        try {
            decoded = decoder.decoder().decode(unit.accessUnit(), packet.getPtsMicros(), packet.getDtsMicros());
        } catch (InvalidAccessUnitException e) {
            drone.awaitingKeyframe = true;
            sendDeadLetter(ctx, record, drone, e.errorType(), e.getMessage());
            return;
        } catch (FrameTooLargeException e) {
            rejectSession(ctx, record, drone, e);
            decoders.remove(droneId).close();
            return;
        }
        emitter.emit(droneId, decoder, decoded, drone, out);
        scheduleIdleCheck(ctx.timerService(), decoder);
    }

    /** Marks the decoder as used now and starts its idle timer unless one is running. */
    private void scheduleIdleCheck(TimerService timers, DroneDecoder decoder) {
        long now = timers.currentProcessingTime();
        decoder.used(now);
        if (decoder.idleTimerMillis() == NO_TIMER) {
            long timer = now + config.decoderIdleTimeout().toMillis();
            timers.registerProcessingTimeTimer(timer);
            decoder.idleTimer(timer);
        }
    }

    /**
     * Returns the drone's decoder. If there is none, after a restore or an idle timeout, rebuilds it
     * from the retained GOP when that GOP can be replayed. Returns null otherwise.
     */
    private DroneDecoder liveDecoder(String droneId, DroneDecodeState drone, TimerService timers,
            Collector<DecodedVideoFrame> out) throws Exception {
        DroneDecoder decoder = decoders.get(droneId);
        if (decoder != null) {
            return decoder;
        }
        decoder = replay.rebuild(droneId, drone.sessionId,
                (rebuilt, returned) -> emitter.emit(droneId, rebuilt, returned, drone, out));
        if (decoder == null) {
            return null;
        }
        decoders.put(droneId, decoder);
        scheduleIdleCheck(timers, decoder);
        return decoder;
    }

    /** Rebuilds a missing decoder that may still hold frames not yet returned, so that draining it returns them. */
    private void rebuildToDrain(String droneId, DroneDecodeState drone, TimerService timers,
            Collector<DecodedVideoFrame> out) throws Exception {
        if (!decoders.containsKey(droneId) && retention.state().decoderMayHoldFrames) {
            liveDecoder(droneId, drone, timers, out);
        }
    }

    /** Returns the open decoder for the keyframe's stream parameters, or null if the session is rejected. */
    private DroneDecoder decoderFor(Context ctx, PacketOrDeadLetter record, DroneDecodeState drone,
            Collector<DecodedVideoFrame> out) throws Exception {
        VideoPacket packet = record.packet();
        String droneId = packet.getDroneId();
        StreamParameters parameters = StreamParameters.of(packet);
        DroneDecoder current = decoders.get(droneId);
        if (current != null && current.matches(parameters)) {
            return current;
        }
        if (current != null) {
            LOG.info("Drone {} session {}: the stream parameters changed at sequence {}; reopening the decoder",
                    droneId, drone.sessionId, packet.getSequence());
            closeDecoder(droneId, drone, out);
            retention.clear();
        }
        try {
            DroneDecoder opened = DroneDecoder.open(parameters, config);
            decoders.put(droneId, opened);
            retention.decoderOpened(parameters);
            LOG.info("Drone {} session {}: opened a {} decoder for {}x{} frames", droneId, drone.sessionId,
                    packet.getCodec(), packet.getWidth(), packet.getHeight());
            return opened;
        } catch (FrameTooLargeException | UnsupportedCodecException e) {
            rejectSession(ctx, record, drone, e);
            return null;
        } catch (VideoDecodingException e) {
            drone.awaitingKeyframe = true;
            sendDeadLetter(ctx, record, drone, e.errorType(), e.getMessage());
            return null;
        }
    }

    private void rejectSession(Context ctx, PacketOrDeadLetter record, DroneDecodeState drone,
            VideoDecodingException cause) {
        drone.rejectedErrorType = cause.errorType();
        drone.rejectedReason = cause.getMessage();
        retention.clear();
        LOG.warn("Drone {} session {} rejected at sequence {} (offset {}); its records go to the dead-letter output: {}",
                record.droneId(), drone.sessionId, record.packet().getSequence(), record.offset(), cause.getMessage());
        sendDeadLetter(ctx, record, drone, cause.errorType(), cause.getMessage());
    }

    private void endSession(String droneId, DroneDecodeState drone, TimerService timers,
            Collector<DecodedVideoFrame> out) throws Exception {
        rebuildToDrain(droneId, drone, timers, out);
        closeDecoder(droneId, drone, out);
        retention.clear();
        drone.sessionEnded = true;
        drone.awaitingKeyframe = true;
        sessionsEnded.inc();
        LOG.info("Drone {} session {} ended: {} frames decoded, {} damaged, {} access units dropped, {} dead letters",
                droneId, drone.sessionId, drone.framesDecoded, drone.corruptFrames, drone.packetsDropped,
                drone.deadLetters);
    }

    /** Drains and frees the drone's decoder, if it has one, emitting the frames still inside it. */
    private void closeDecoder(String droneId, DroneDecodeState drone, Collector<DecodedVideoFrame> out)
            throws Exception {
        DroneDecoder decoder = decoders.remove(droneId);
        if (decoder == null) {
            return;
        }
        try {
            emitter.emit(droneId, decoder, drain(droneId, decoder), drone, out);
        } finally {
            decoder.close();
        }
    }

    private List<DecodedFrame> drain(String droneId, DroneDecoder decoder) {
        try {
            return decoder.decoder().drain();
        } catch (VideoDecodingException e) {
            drainFailures.inc();
            LOG.warn("Drone {}: draining the decoder failed, so its buffered frames are lost: {}", droneId,
                    e.getMessage());
            return List.of();
        }
    }

    private void drop(String droneId, DroneDecodeState drone, VideoPacket packet, String reason) {
        packetsDropped.inc();
        drone.packetsDropped++;
        long suppressed = dropLog.tryAcquire();
        if (suppressed >= 0) {
            LOG.info("Drone {} session {}: dropped access unit {} because {} ({} similar messages suppressed)",
                    droneId, packet.getSessionId(), packet.getSequence(), reason, suppressed);
        }
    }

    private void sendDeadLetter(Context ctx, PacketOrDeadLetter record, DroneDecodeState drone, String errorType,
            String reason) {
        ctx.output(DroneAnalysis.DEAD_LETTERS, deadLetterFactory.of(record, errorType, reason));
        deadLetters.inc();
        drone.deadLetters++;
        long suppressed = deadLetterLog.tryAcquire();
        if (suppressed >= 0) {
            LOG.warn("Dead letter for drone {} at {}-{} offset {}: {} ({}); {} similar messages suppressed",
                    record.droneId(), record.topic(), record.partition(), record.offset(), reason, errorType,
                    suppressed);
        }
    }

    private static long epochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /** Returns the buffer's bytes, without copying when it wraps a whole array. */
    static byte[] bytes(ByteBuffer buffer) {
        if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.position() == 0
                && buffer.remaining() == buffer.array().length) {
            return buffer.array();
        }
        ByteBuffer view = buffer.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }
}
