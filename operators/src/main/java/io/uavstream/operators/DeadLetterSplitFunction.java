package io.uavstream.operators;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Sends dead letters from the deserializer to the side output, counts them, and passes packets on. */
final class DeadLetterSplitFunction extends ProcessFunction<PacketOrDeadLetter, PacketOrDeadLetter> {
    private static final long serialVersionUID = 1L;

    private transient AnalysisCounter deadLetters;

    @Override
    public void open(OpenContext openContext) {
        deadLetters = AnalysisCounter.register(getRuntimeContext(), AnalysisCounters.DEAD_LETTERS);
    }

    @Override
    public void processElement(PacketOrDeadLetter record, Context ctx, Collector<PacketOrDeadLetter> out) {
        if (record.isPacket()) {
            out.collect(record);
        } else {
            // The deserializer has logged it already, with its drone ID and offset.
            deadLetters.inc();
            ctx.output(DroneAnalysis.DEAD_LETTERS, record.deadLetter());
        }
    }
}
