package io.uavstream.operators;

import org.apache.flink.annotation.Internal;

/**
 * Keyed state of {@link DecodeFunction} for one drone: session, sequence and counters, a few dozen
 * bytes. The access units retained to rebuild the drone's decoder after a restore, about one GOP of
 * compressed video, are kept apart by {@link GopRetention}, with serializers of their own.
 *
 * <p>Public with public fields only because Flink's POJO serializer requires it, which keeps the
 * state evolvable; not part of the API.
 */
@Internal
public final class DroneDecodeState {

    /** Session of the last accepted access unit, or null before the first. */
    public String sessionId;

    /** Sequence number the next access unit of the session should have. */
    public long nextSequence;

    /** Whether the session's end-of-stream marker was processed. */
    public boolean sessionEnded;

    /**
     * Whether access units are dropped until the next keyframe: at the start of a session, after a
     * sequence gap or a rejected access unit, and when a missing decoder cannot be rebuilt.
     */
    public boolean awaitingKeyframe = true;

    /** Error type for which the decoder rejected the whole session, or null. */
    public String rejectedErrorType;

    /** Reason for which the decoder rejected the whole session, or null. */
    public String rejectedReason;

    /** Access units of this session dropped so far. */
    public long packetsDropped;

    /** Frames of this session decoded so far. */
    public long framesDecoded;

    /** Frames of this session found damaged so far. */
    public long corruptFrames;

    /** Records of this session sent to the dead-letter output so far. */
    public long deadLetters;

    public DroneDecodeState() {}

    /** Starts tracking {@code newSessionId} at {@code firstSequence}, awaiting its first keyframe. */
    void startSession(String newSessionId, long firstSequence) {
        sessionId = newSessionId;
        nextSequence = firstSequence;
        sessionEnded = false;
        awaitingKeyframe = true;
        rejectedErrorType = null;
        rejectedReason = null;
        packetsDropped = 0;
        framesDecoded = 0;
        corruptFrames = 0;
        deadLetters = 0;
    }

    boolean sessionRejected() {
        return rejectedErrorType != null;
    }
}
