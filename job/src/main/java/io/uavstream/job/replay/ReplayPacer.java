package io.uavstream.job.replay;

import io.uavstream.operators.PacketOrDeadLetter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Holds each packet back until its capture time, relative to the range's start and divided by the
 * speed, has passed on the wall clock since this subtask's first packet. Packets before the range
 * (the GOP that decoding starts from) pass at once.
 *
 * <p>It sleeps in the task thread, which is what pacing means here: the subtask does nothing else
 * while it waits.
 */
final class ReplayPacer extends RichMapFunction<PacketOrDeadLetter, PacketOrDeadLetter> {
    private static final long serialVersionUID = 1L;

    private final long fromMicros;
    private final double speed;
    private transient long startNanos;

    ReplayPacer(long fromMicros, double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be positive and finite, got " + speed);
        }
        this.fromMicros = fromMicros;
        this.speed = speed;
    }

    @Override
    public void open(OpenContext openContext) {
        startNanos = Long.MIN_VALUE;
    }

    @Override
    public PacketOrDeadLetter map(PacketOrDeadLetter record) throws InterruptedException {
        long now = System.nanoTime();
        if (startNanos == Long.MIN_VALUE) {
            startNanos = now;
        }
        long captureMicros = ChronoUnit.MICROS.between(Instant.EPOCH, record.packet().getCaptureTimeMicros());
        long dueNanos = startNanos + (long) ((captureMicros - fromMicros) * 1000 / speed);
        long waitNanos = dueNanos - now;
        if (waitNanos > 0) {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
        return record;
    }
}
