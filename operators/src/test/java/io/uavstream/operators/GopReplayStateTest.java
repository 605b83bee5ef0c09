package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the retained GOP can rebuild a decoder, and which units it still needs. */
class GopReplayStateTest {

    private static final StreamParameters H264 = new StreamParameters("h264", null, 160, 120);

    @Test
    void newStateCannotReplay() {
        assertThat(new GopReplayState().canReplay()).isFalse();
    }

    @Test
    void gopFromDecoderStartReplays() {
        GopReplayState state = new GopReplayState();
        state.restartAtDecoderStart(H264);
        state.appended(unit(0, true));

        assertThat(state.canReplay()).isTrue();
    }

    @Test
    void olderGopStaysUntilKeyframeReturned() {
        GopReplayState state = started(5);
        state.appended(unit(5, true));

        state.returned(pts(4), 4);

        assertThat(state.trimPosition()).isZero();
    }

    @Test
    void keyframeReturnedDropsOlderGop() {
        GopReplayState state = started(5);
        state.appended(unit(5, true));
        state.appended(unit(6, false));
        state.returned(pts(5), 5);

        int position = state.trimPosition();
        state.trimmed(position, 2);

        assertThat(position).isEqualTo(5);
        assertThat(state.accessUnits).isEqualTo(2);
        assertThat(state.bytes).isEqualTo(2);
        assertThat(state.keyframes).containsExactly(new GopReplayState.KeyframeMark(0, pts(5)));
        assertThat(state.anchoredAtDecoderStart).isFalse();
        assertThat(state.canReplay()).isTrue();
    }

    @Test
    void newestReturnedKeyframeIsKept() {
        GopReplayState state = started(1);
        state.appended(unit(1, true));
        state.appended(unit(2, true));
        state.appended(unit(3, true));

        state.returned(pts(2), 2);

        assertThat(state.trimPosition()).isEqualTo(2);
    }

    @Test
    void overflowWaitsForKeyframeReturned() {
        GopReplayState state = started(3);
        state.returned(pts(1), 1);
        state.overflowed();
        assertThat(state.canReplay()).isFalse();

        state.appended(unit(10, true));
        assertThat(state.overLimit).isFalse();
        assertThat(state.canReplay()).isFalse();

        state.returned(pts(10), 10);
        assertThat(state.canReplay()).isTrue();
    }

    @Test
    void ptsDisorderStopsReplayUntilRestart() {
        GopReplayState state = started(3);
        state.ptsDisordered();
        state.appended(unit(3, true));
        state.returned(pts(3), 3);
        assertThat(state.canReplay()).isFalse();
        assertThat(state.trimPosition()).isZero();

        state.restartAtDecoderStart(H264);
        state.appended(unit(4, true));
        assertThat(state.ptsOutOfOrder).isFalse();
        assertThat(state.canReplay()).isTrue();
    }

    /** Returns a state that retained units 0 to {@code units - 1}, keyframe first, from a decoder start. */
    private static GopReplayState started(int units) {
        GopReplayState state = new GopReplayState();
        state.restartAtDecoderStart(H264);
        for (int sequence = 0; sequence < units; sequence++) {
            state.appended(unit(sequence, sequence == 0));
        }
        return state;
    }

    private static RetainedAccessUnit unit(long sequence, boolean keyframe) {
        return new RetainedAccessUnit(sequence, pts(sequence), pts(sequence), keyframe, 0, null, null, new byte[1]);
    }

    private static long pts(long sequence) {
        return sequence * 100_000;
    }
}
