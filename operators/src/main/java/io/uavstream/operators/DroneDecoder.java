package io.uavstream.operators;

import io.uavstream.video.PacketDecoder;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The native decoder of one drone with what is needed to use it: the stream parameters it was
 * opened with and the origins of the access units whose frames are still inside it. A decoder
 * rebuilt from the retained GOP also marks the frames that it returns again. Lives in a transient
 * map of {@link DecodeFunction}, never in Flink state.
 */
final class DroneDecoder implements AutoCloseable {

    /** Maximum number of pending origins; more would mean the decoder keeps frames it never returns. */
    private static final int MAX_PENDING_ORIGINS = 512;

    /** Marks a decoder without frames to return again. */
    private static final long NOTHING_RETURNED = Long.MIN_VALUE;

    private final PacketDecoder decoder;
    private final StreamParameters parameters;
    private final TreeMap<Long, FrameOrigin> originsByPts = new TreeMap<>();
    private FrameOrigin lastOrigin;
    private long lastUsedMillis;
    private long idleTimerMillis = Long.MIN_VALUE;
    private long returnedThroughPts = NOTHING_RETURNED;

    private DroneDecoder(PacketDecoder decoder, StreamParameters parameters) {
        this.decoder = decoder;
        this.parameters = parameters;
    }

    /**
     * Opens a native decoder for {@code parameters} with the limits and checks of {@code config}.
     *
     * @throws io.uavstream.video.UnsupportedCodecException if the codec is unknown or not supported
     * @throws io.uavstream.video.FrameTooLargeException if the declared size or the codec
     *     configuration exceeds the maximum frame size
     * @throws io.uavstream.video.InvalidCodecConfigException if FFmpeg rejects the codec configuration
     */
    static DroneDecoder open(StreamParameters parameters, AnalysisConfig config) {
        PacketDecoder decoder = PacketDecoder.builder(parameters.codec())
                .extradata(parameters.codecConfig())
                .declaredSize(parameters.width(), parameters.height())
                .maxFrameSize(config.maxFrameWidth(), config.maxFrameHeight())
                .artefactCheck(config.artefactCheck())
                .open();
        return new DroneDecoder(decoder, parameters);
    }

    PacketDecoder decoder() {
        return decoder;
    }

    StreamParameters parameters() {
        return parameters;
    }

    /** Returns whether this decoder was opened for the same stream parameters. */
    boolean matches(StreamParameters other) {
        return parameters.equals(other);
    }

    /**
     * Marks the frames up to {@code ptsMicros} as returned before this decoder was rebuilt: the
     * replay returns them again, and they must not be emitted twice.
     */
    void returnedBeforeRebuild(long ptsMicros) {
        returnedThroughPts = ptsMicros;
    }

    /**
     * Returns whether the frame with {@code ptsMicros} was returned before this decoder was rebuilt.
     * The first newer frame ends the check, because frames come out in presentation order.
     */
    boolean isReturnedAgain(long ptsMicros) {
        if (returnedThroughPts == NOTHING_RETURNED) {
            return false;
        }
        if (ptsMicros <= returnedThroughPts) {
            return true;
        }
        returnedThroughPts = NOTHING_RETURNED;
        return false;
    }

    /** Remembers the origin of an access unit sent to the decoder with {@code ptsMicros}. */
    void sent(long ptsMicros, FrameOrigin origin) {
        originsByPts.put(ptsMicros, origin);
        lastOrigin = origin;
        if (originsByPts.size() > MAX_PENDING_ORIGINS) {
            originsByPts.pollFirstEntry();
        }
    }

    /**
     * Returns the origin of the frame with {@code ptsMicros}: the access unit sent with that PTS,
     * else the latest one sent before it, else the latest one sent. Frames come out in presentation
     * order, so origins with smaller PTS are forgotten.
     *
     * <p>NOTE: where the demuxer derived PTS from DTS, as for AVI files with packed B-frames, the
     * frames' PTS are in decoding order and a frame can get a neighbouring access unit's origin.
     */
    FrameOrigin originOf(long ptsMicros) {
        Map.Entry<Long, FrameOrigin> entry = originsByPts.floorEntry(ptsMicros);
        FrameOrigin origin = entry != null ? entry.getValue() : lastOrigin;
        originsByPts.headMap(ptsMicros, true).clear();
        return Objects.requireNonNull(origin, "No access unit was sent before the frame");
    }

    long lastUsedMillis() {
        return lastUsedMillis;
    }

    void used(long nowMillis) {
        lastUsedMillis = nowMillis;
    }

    long idleTimerMillis() {
        return idleTimerMillis;
    }

    void idleTimer(long timerMillis) {
        idleTimerMillis = timerMillis;
    }

    @Override
    public void close() {
        decoder.close();
        originsByPts.clear();
    }
}
