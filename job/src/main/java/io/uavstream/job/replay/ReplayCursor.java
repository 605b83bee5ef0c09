package io.uavstream.job.replay;

import io.uavstream.schemas.VideoPacket;

/**
 * Position of one drone's replay: the last packet passed on to decoding, so that the range's end
 * can close that packet's session with an end-of-stream marker. A Flink POJO, kept in keyed state.
 */
public class ReplayCursor {
    /** Ingest session of the last packet passed on; null before the first. */
    public String sessionId;
    public long sequence;
    public long ptsMicros;
    public long captureTimeMicros;
    public String codec;
    public int width;
    public int height;
    /** Whether the last packet passed on was an end-of-stream marker, which closed its session. */
    public boolean sessionEnded;
    /** Whether the range's end was reached, after which every packet is dropped. */
    public boolean rangeEnded;

    public ReplayCursor() {}

    boolean sessionOpen() {
        return sessionId != null && !sessionEnded;
    }

    void passed(VideoPacket packet, long captureMicros) {
        sessionId = packet.getSessionId();
        sequence = packet.getSequence();
        ptsMicros = packet.getPtsMicros();
        captureTimeMicros = captureMicros;
        codec = packet.getCodec();
        width = packet.getWidth();
        height = packet.getHeight();
        sessionEnded = packet.getEndOfStream();
    }
}
