package io.uavstream.job.replay;

import io.uavstream.operators.PacketOrDeadLetter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes on the packets of the replayed drones. Records that failed to deserialize are dropped
 * and counted, because the live job already sent them to its dead-letter topic.
 */
final class ReplaySelection extends ProcessFunction<PacketOrDeadLetter, PacketOrDeadLetter> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ReplaySelection.class);

    /** Metric of the undecodable video records skipped by the replay. */
    static final String INVALID_RECORDS_SKIPPED = "replayInvalidRecordsSkipped";

    private final ReplayRange range;
    private transient Counter invalidRecordsSkipped;

    ReplaySelection(ReplayRange range) {
        this.range = range;
    }

    @Override
    public void open(OpenContext openContext) {
        invalidRecordsSkipped = getRuntimeContext().getMetricGroup().counter(INVALID_RECORDS_SKIPPED);
    }

    @Override
    public void processElement(PacketOrDeadLetter record, Context ctx, Collector<PacketOrDeadLetter> out) {
        if (!record.isPacket()) {
            invalidRecordsSkipped.inc();
            // Rare: the ingest publisher writes only valid packets, so one log line per record is fine.
            LOG.warn("Skipping the invalid video record of drone {} at {}-{} offset {}: {}", record.droneId(),
                    record.topic(), record.partition(), record.offset(), record.deadLetter().getReason());
            return;
        }
        if (range.includes(record.packet().getDroneId())) {
            out.collect(record);
        }
    }
}
