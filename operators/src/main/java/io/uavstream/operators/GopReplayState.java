package io.uavstream.operators;

import java.util.ArrayList;
import java.util.List;

/**
 * Keyed state of {@link DecodeFunction} that describes the access units retained for one drone
 * ({@link RetainedAccessUnit}, kept in a list state next to this one) and what is needed to rebuild
 * the drone's native decoder from them: the stream parameters the decoder was opened with and the
 * last frame that the decoder returned.
 *
 * <p>The retained units always start at a keyframe. FFmpeg decodes them with one thread, so
 * replaying them into a new decoder yields the same frames as the original decoder returned (see
 * the NOTE on {@link DecoderReplay} for an exception). A rebuilt decoder then suppresses the
 * frames up to the last returned one, and the others come out exactly once. That holds when the
 * first retained unit was the first one the original decoder consumed
 * ({@link #anchoredAtDecoderStart}), or when the last returned frame is not older than the first
 * retained keyframe: then every frame still inside the original decoder, and the frame before it
 * that the artefact check compares it with, follow that keyframe.
 * Older units are dropped once a newer keyframe's frame has been returned. Both rules need frames
 * to come out in increasing PTS order, so a decoder that breaks it retains nothing.
 *
 * <p>Mutable, serialized by {@link GopReplayStateSerializer}.
 */
final class GopReplayState {

    /** Parameters of the decoder that consumed the retained units, or null while no decoder is open. */
    StreamParameters parameters;

    /** Whether the first retained unit was the first one that a new or drained decoder consumed. */
    boolean anchoredAtDecoderStart;

    /** Whether the current GOP outgrew the retention limits, which stops retention until the next keyframe. */
    boolean overLimit;

    /**
     * Whether the decoder returned a frame whose PTS did not exceed the previous frame's, as with AVI
     * files whose PTS the demuxer derived from DTS. PTS then cannot identify the frames that a replay
     * repeats, so nothing is retained until the decoder restarts.
     */
    boolean ptsOutOfOrder;

    /** Number of retained access units. */
    int accessUnits;

    /** Total size of the retained access units in bytes. */
    long bytes;

    /** Positions in the retained list and PTS of the retained keyframes, in order; the first is at position 0. */
    final List<KeyframeMark> keyframes = new ArrayList<>();

    /** Whether the decoder returned a frame since the retained units started at a decoder start. */
    boolean frameReturned;

    /** PTS in microseconds of the last frame the decoder returned, emitted or found damaged. */
    long lastReturnedPts;

    /** Sequence number of the access unit of the last frame the decoder returned. */
    long lastReturnedSequence;

    /** Whether the decoder consumed access units since it was last drained, so that it may still hold frames. */
    boolean decoderMayHoldFrames;

    /** Forgets all retained units, for a decoder of {@code newParameters} that starts with the next unit. */
    void restartAtDecoderStart(StreamParameters newParameters) {
        parameters = newParameters;
        forgetUnits();
        ptsOutOfOrder = false;
        anchoredAtDecoderStart = true;
        frameReturned = false;
        decoderMayHoldFrames = false;
    }

    /** Forgets everything: the session ended or was rejected, and its decoder is closed. */
    void clear() {
        restartAtDecoderStart(null);
    }

    /** Forgets the retained units because the current GOP outgrew the limits. */
    void overflowed() {
        forgetUnits();
        overLimit = true;
    }

    /** Forgets the retained units because the decoder returned frames out of PTS order. */
    void ptsDisordered() {
        forgetUnits();
        ptsOutOfOrder = true;
    }

    /** Records that {@code unit} was appended to the retained units. */
    void appended(RetainedAccessUnit unit) {
        if (unit.keyframe()) {
            keyframes.add(new KeyframeMark(accessUnits, unit.ptsMicros()));
            overLimit = false;
        }
        accessUnits++;
        bytes += unit.size();
    }

    /** Records that the decoder returned the frame with {@code ptsMicros} of access unit {@code sequence}. */
    void returned(long ptsMicros, long sequence) {
        frameReturned = true;
        lastReturnedPts = ptsMicros;
        lastReturnedSequence = sequence;
    }

    /**
     * Returns the position of the newest retained keyframe after the first one whose frame has been
     * returned, from where the older units are no longer needed; 0 when there is none.
     */
    int trimPosition() {
        if (!frameReturned || ptsOutOfOrder) {
            return 0;
        }
        for (int i = keyframes.size() - 1; i > 0; i--) {
            if (keyframes.get(i).ptsMicros() <= lastReturnedPts) {
                return keyframes.get(i).position();
            }
        }
        return 0;
    }

    /** Records that the units before {@code position} were removed and {@code remainingBytes} are left. */
    void trimmed(int position, long remainingBytes) {
        List<KeyframeMark> remaining = new ArrayList<>();
        for (KeyframeMark mark : keyframes) {
            if (mark.position() >= position) {
                remaining.add(new KeyframeMark(mark.position() - position, mark.ptsMicros()));
            }
        }
        keyframes.clear();
        keyframes.addAll(remaining);
        accessUnits -= position;
        bytes = remainingBytes;
        anchoredAtDecoderStart = false;
    }

    /** Returns whether replaying the retained units rebuilds the decoder exactly, as described above. */
    boolean canReplay() {
        if (parameters == null || accessUnits == 0 || ptsOutOfOrder) {
            return false;
        }
        return anchoredAtDecoderStart || (frameReturned && keyframes.get(0).ptsMicros() <= lastReturnedPts);
    }

    /** Returns a copy that shares only the immutable stream parameters. */
    GopReplayState copy() {
        GopReplayState copy = new GopReplayState();
        copy.parameters = parameters;
        copy.anchoredAtDecoderStart = anchoredAtDecoderStart;
        copy.overLimit = overLimit;
        copy.ptsOutOfOrder = ptsOutOfOrder;
        copy.accessUnits = accessUnits;
        copy.bytes = bytes;
        copy.keyframes.addAll(keyframes);
        copy.frameReturned = frameReturned;
        copy.lastReturnedPts = lastReturnedPts;
        copy.lastReturnedSequence = lastReturnedSequence;
        copy.decoderMayHoldFrames = decoderMayHoldFrames;
        return copy;
    }

    private void forgetUnits() {
        anchoredAtDecoderStart = false;
        overLimit = false;
        accessUnits = 0;
        bytes = 0;
        keyframes.clear();
    }

    /**
     * A retained keyframe.
     *
     * @param position index in the list of retained units
     * @param ptsMicros presentation timestamp in microseconds
     */
    record KeyframeMark(int position, long ptsMicros) {}
}
