package io.uavstream.job.replay;

import io.uavstream.operators.PacketOrDeadLetter;
import io.uavstream.operators.PacketOrDeadLetterTypeInfo;
import io.uavstream.schemas.VideoPacket;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts each drone's packets, keyed by drone ID, to the replay range so that decoding starts clean
 * and ends clean.
 *
 * <p>Before the range, it keeps the packets from the latest keyframe on (one GOP of compressed
 * video per drone) and passes them on when the first packet inside the range arrives, so that the
 * decoder starts at that keyframe. The first packet after the range, or the end of the input,
 * closes the drone's open session with an end-of-stream marker. The decoder then drains its last
 * frames and the tracker ends its tracks, at the same point in every replay of the range. The end of
 * the input is an event-time timer at {@link Long#MAX_VALUE}, which fires only on the final
 * watermark of a bounded source.
 */
final class ReplayRangeFunction extends KeyedProcessFunction<String, PacketOrDeadLetter, PacketOrDeadLetter> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ReplayRangeFunction.class);
    private static final long END_OF_INPUT = Long.MAX_VALUE;

    private final ReplayRange range;

    private transient ValueState<ReplayCursor> cursorState;
    private transient ListState<PacketOrDeadLetter> gopPrefix;
    private transient Counter packetsOutsideRange;

    ReplayRangeFunction(ReplayRange range) {
        this.range = range;
    }

    @Override
    public void open(OpenContext openContext) {
        cursorState = getRuntimeContext().getState(
                new ValueStateDescriptor<>("replay-cursor", TypeInformation.of(ReplayCursor.class)));
        gopPrefix = getRuntimeContext().getListState(
                new ListStateDescriptor<>("replay-gop-prefix", PacketOrDeadLetterTypeInfo.INSTANCE));
        packetsOutsideRange = getRuntimeContext().getMetricGroup().counter("replayPacketsOutsideRange");
    }

    @Override
    public void processElement(PacketOrDeadLetter record, Context ctx, Collector<PacketOrDeadLetter> out)
            throws Exception {
        ReplayCursor cursor = cursorState.value();
        if (cursor == null) {
            cursor = new ReplayCursor();
            ctx.timerService().registerEventTimeTimer(END_OF_INPUT);
        }
        VideoPacket packet = record.packet();
        long captureMicros = ChronoUnit.MICROS.between(Instant.EPOCH, packet.getCaptureTimeMicros());
        if (cursor.rangeEnded) {
            packetsOutsideRange.inc();
        } else if (captureMicros < range.fromMicros()) {
            keepBeforeRange(record, captureMicros);
        } else if (captureMicros <= range.toMicros()) {
            if (cursor.sessionId == null) {
                passGopPrefix(cursor, out);
            }
            cursor.passed(packet, captureMicros);
            out.collect(record);
        } else {
            packetsOutsideRange.inc();
            endRange(ctx.getCurrentKey(), cursor, out, "the first packet after the range");
        }
        cursorState.update(cursor);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<PacketOrDeadLetter> out) throws Exception {
        ReplayCursor cursor = cursorState.value();
        if (timestamp != END_OF_INPUT || cursor == null) {
            return;
        }
        gopPrefix.clear();
        endRange(ctx.getCurrentKey(), cursor, out, "the end of the recorded input");
        cursorState.update(cursor);
    }

    /** Keeps the packets from the latest keyframe before the range on, dropping the older ones. */
    private void keepBeforeRange(PacketOrDeadLetter record, long captureMicros) throws Exception {
        VideoPacket packet = record.packet();
        packetsOutsideRange.inc();
        if (packet.getEndOfStream()) {
            gopPrefix.clear();
        } else if (packet.getKeyframe()) {
            gopPrefix.update(java.util.List.of(record));
        } else if (gopPrefix.get().iterator().hasNext()) {
            gopPrefix.add(record);
        }
    }

    private void passGopPrefix(ReplayCursor cursor, Collector<PacketOrDeadLetter> out) throws Exception {
        for (PacketOrDeadLetter record : gopPrefix.get()) {
            VideoPacket packet = record.packet();
            cursor.passed(packet, ChronoUnit.MICROS.between(Instant.EPOCH, packet.getCaptureTimeMicros()));
            out.collect(record);
        }
        gopPrefix.clear();
    }

    private void endRange(String droneId, ReplayCursor cursor, Collector<PacketOrDeadLetter> out, String cause) {
        if (cursor.rangeEnded) {
            return;
        }
        cursor.rangeEnded = true;
        if (!cursor.sessionOpen()) {
            return;
        }
        LOG.info("Drone {}: {} ends the replay range; closing session {} after sequence {}", droneId, cause,
                cursor.sessionId, cursor.sequence);
        out.collect(PacketOrDeadLetter.ofPacket(endOfStream(droneId, cursor), null, (int) PacketOrDeadLetter.UNKNOWN,
                PacketOrDeadLetter.UNKNOWN, PacketOrDeadLetter.UNKNOWN));
        cursor.sessionEnded = true;
    }

    private static VideoPacket endOfStream(String droneId, ReplayCursor cursor) {
        return VideoPacket.newBuilder()
                .setDroneId(droneId)
                .setSessionId(cursor.sessionId)
                .setSequence(cursor.sequence + 1)
                .setPtsMicros(cursor.ptsMicros)
                .setDtsMicros(cursor.ptsMicros)
                .setCaptureTimeMicros(Instant.EPOCH.plus(cursor.captureTimeMicros, ChronoUnit.MICROS))
                .setKeyframe(false)
                .setCodec(cursor.codec)
                .setWidth(cursor.width)
                .setHeight(cursor.height)
                .setAccessUnit(ByteBuffer.allocate(0))
                .setEndOfStream(true)
                .build();
    }
}
