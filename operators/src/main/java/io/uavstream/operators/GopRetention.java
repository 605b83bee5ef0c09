package io.uavstream.operators;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps, in keyed state, the access units that a drone's native decoder consumed since the keyframe
 * needed to rebuild it, with a {@link GopReplayState} that describes them.
 *
 * <p>State cost: about one GOP of compressed video per drone, plus the few units of the previous
 * GOP whose frames are still inside the decoder (reordering, artefact check). The limits
 * {@link AnalysisConfig#maxRetainedGopAccessUnits()} and {@link AnalysisConfig#maxRetainedGopBytes()}
 * bound it: a GOP that outgrows them is dropped from state, logged and counted, and units are
 * retained again from the next keyframe. Each unit is appended on its own (one merge with RocksDB),
 * and the list is rewritten once per GOP, when the units before a newer keyframe are dropped.
 *
 * <p>Works on the current key: {@link #load()} reads the drone's replay state before an element or
 * timer is processed, and {@link #save()} writes it back afterwards.
 */
final class GopRetention {
    private static final Logger LOG = LoggerFactory.getLogger(GopRetention.class);

    private final ListState<RetainedAccessUnit> units;
    private final ValueState<GopReplayState> replayState;
    private final int maxAccessUnits;
    private final long maxBytes;
    private final AnalysisCounter overflows;
    private final Counter ptsDisorders;
    private final LogRateLimiter overflowLog = new LogRateLimiter();
    private final LogRateLimiter ptsDisorderLog = new LogRateLimiter();

    private GopReplayState current;

    private GopRetention(ListState<RetainedAccessUnit> units, ValueState<GopReplayState> replayState,
            AnalysisConfig config, AnalysisCounter overflows, Counter ptsDisorders) {
        this.units = units;
        this.replayState = replayState;
        this.maxAccessUnits = config.maxRetainedGopAccessUnits();
        this.maxBytes = config.maxRetainedGopBytes();
        this.overflows = overflows;
        this.ptsDisorders = ptsDisorders;
    }

    /** Registers the retention's keyed state and counter in the operator's runtime context. */
    static GopRetention register(RuntimeContext context, AnalysisConfig config) {
        ListState<RetainedAccessUnit> units = context.getListState(
                new ListStateDescriptor<>("retained-access-units", RetainedAccessUnitSerializer.INSTANCE));
        ValueState<GopReplayState> replayState = context.getState(
                new ValueStateDescriptor<>("gop-replay-state", GopReplayStateSerializer.INSTANCE));
        return new GopRetention(units, replayState, config,
                AnalysisCounter.register(context, AnalysisCounters.GOP_RETENTION_OVERFLOWS),
                context.getMetricGroup().counter("gopRetentionPtsDisorders"));
    }

    /** Reads the replay state of the current key. */
    void load() throws Exception {
        GopReplayState stored = replayState.value();
        current = stored != null ? stored : new GopReplayState();
    }

    /** Writes the replay state of the current key back, or removes it when nothing is retained. */
    void save() throws Exception {
        if (current.parameters == null && !current.decoderMayHoldFrames) {
            replayState.clear();
        } else {
            replayState.update(current);
        }
    }

    /** Returns the replay state of the current key, as loaded. */
    GopReplayState state() {
        return current;
    }

    /** Returns the retained units for a replay, or null if they disagree with the replay state. */
    List<RetainedAccessUnit> unitsForReplay(String droneId) throws Exception {
        List<RetainedAccessUnit> retained = new ArrayList<>();
        units.get().forEach(retained::add);
        if (retained.size() != current.accessUnits || retained.isEmpty() || !retained.get(0).keyframe()) {
            LOG.error("Drone {}: the state holds {} retained access units but its replay state expects {} starting"
                    + " at a keyframe; the decoder is not rebuilt", droneId, retained.size(), current.accessUnits);
            return null;
        }
        return retained;
    }

    /** Starts retaining anew for a decoder of {@code parameters} that was just opened. */
    void decoderOpened(StreamParameters parameters) {
        units.clear();
        current.restartAtDecoderStart(parameters);
    }

    /** Starts retaining anew at the next keyframe, for a decoder that was drained and stays open. */
    void decoderFlushed() {
        units.clear();
        current.restartAtDecoderStart(current.parameters);
    }

    /**
     * Records that the decoder was drained and freed while its units stay retained, so that the
     * next access unit rebuilds it.
     */
    void decoderDrainedAndFreed() {
        current.decoderMayHoldFrames = false;
    }

    /** Forgets everything: the session ended or was rejected, and its decoder is closed. */
    void clear() {
        units.clear();
        current.clear();
    }

    /**
     * Retains {@code unit}, which the decoder is about to consume, unless the retained units would
     * outgrow the limits. Then they are dropped from state, and retention resumes at the next keyframe.
     */
    void retain(String droneId, String sessionId, RetainedAccessUnit unit) throws Exception {
        current.decoderMayHoldFrames = true;
        if (current.ptsOutOfOrder) {
            return;
        }
        if (!unit.keyframe() && current.accessUnits == 0) {
            // Nothing to replay this unit from: a GOP that outgrew the limits, resumed at its next keyframe.
            current.anchoredAtDecoderStart = false;
            return;
        }
        if (current.accessUnits + 1 > maxAccessUnits || current.bytes + unit.size() > maxBytes) {
            overflow(droneId, sessionId, unit);
            if (!unit.keyframe() || unit.size() > maxBytes) {
                return;
            }
        }
        units.add(unit);
        current.appended(unit);
    }

    /**
     * Records that the decoder returned the frame with {@code ptsMicros} of access unit
     * {@code sequence}, and drops the units that a rebuild no longer needs. A frame whose PTS does
     * not exceed the previous frame's stops retention until the decoder restarts.
     */
    void returned(String droneId, String sessionId, long ptsMicros, long sequence) throws Exception {
        boolean inOrder = !current.frameReturned || ptsMicros > current.lastReturnedPts;
        if (!inOrder && !current.ptsOutOfOrder) {
            stopOnPtsDisorder(droneId, sessionId, ptsMicros, sequence);
        }
        current.returned(ptsMicros, sequence);
        int position = current.trimPosition();
        if (position > 0) {
            trim(position);
        }
    }

    private void trim(int position) throws Exception {
        List<RetainedAccessUnit> remaining = new ArrayList<>();
        long remainingBytes = 0;
        int index = 0;
        for (RetainedAccessUnit unit : units.get()) {
            if (index >= position) {
                remaining.add(unit);
                remainingBytes += unit.size();
            }
            index++;
        }
        units.update(remaining);
        current.trimmed(position, remainingBytes);
    }

    private void stopOnPtsDisorder(String droneId, String sessionId, long ptsMicros, long sequence) {
        ptsDisorders.inc();
        long suppressed = ptsDisorderLog.tryAcquire();
        if (suppressed >= 0) {
            LOG.warn("Drone {} session {}: the decoder returned the frame of access unit {} at PTS {} us after one at"
                    + " PTS {} us, so a rebuilt decoder could not tell its repeated frames apart by PTS. No GOP is"
                    + " retained until the decoder restarts, and a restore until then drops access units up to a"
                    + " keyframe ({} similar messages suppressed)", droneId, sessionId, sequence, ptsMicros,
                    current.lastReturnedPts, suppressed);
        }
        units.clear();
        current.ptsDisordered();
    }

    private void overflow(String droneId, String sessionId, RetainedAccessUnit unit) {
        overflows.inc();
        long suppressed = overflowLog.tryAcquire();
        if (suppressed >= 0) {
            LOG.warn("Drone {} session {}: at access unit {}, the GOP retained to rebuild the decoder would reach {}"
                    + " access units and {} bytes, over the limits of {} and {}. It is dropped from state, so a restore"
                    + " before the next keyframe's frame is returned drops access units up to a keyframe instead of"
                    + " rebuilding the decoder ({} similar messages suppressed)", droneId, sessionId, unit.sequence(),
                    current.accessUnits + 1, current.bytes + unit.size(), maxAccessUnits, maxBytes, suppressed);
        }
        units.clear();
        current.overflowed();
    }
}
