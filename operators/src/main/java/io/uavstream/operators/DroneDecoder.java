package io.uavstream.operators;

import io.uavstream.video.PacketDecoder;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The native decoder of one drone with what is needed to use it: the codec configuration it was
 * opened with and the origins of the access units whose frames are still inside it. Lives in a
 * transient map of {@link DecodeFunction}, never in Flink state.
 */
final class DroneDecoder implements AutoCloseable {

    /** Maximum number of pending origins; more would mean the decoder keeps frames it never returns. */
    private static final int MAX_PENDING_ORIGINS = 512;

    private final PacketDecoder decoder;
    private final String codec;
    private final byte[] codecConfig;
    private final int declaredWidth;
    private final int declaredHeight;
    private final TreeMap<Long, FrameOrigin> originsByPts = new TreeMap<>();
    private FrameOrigin lastOrigin;
    private long lastUsedMillis;
    private long idleTimerMillis = Long.MIN_VALUE;

    DroneDecoder(PacketDecoder decoder, String codec, byte[] codecConfig, int declaredWidth, int declaredHeight) {
        this.decoder = decoder;
        this.codec = codec;
        this.codecConfig = codecConfig;
        this.declaredWidth = declaredWidth;
        this.declaredHeight = declaredHeight;
    }

    PacketDecoder decoder() {
        return decoder;
    }

    /** Returns whether this decoder was opened for the same stream parameters. */
    boolean matches(String otherCodec, byte[] otherConfig, int width, int height) {
        return codec.equals(otherCodec) && Arrays.equals(codecConfig, otherConfig)
                && declaredWidth == width && declaredHeight == height;
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
