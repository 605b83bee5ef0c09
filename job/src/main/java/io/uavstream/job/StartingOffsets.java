package io.uavstream.job;

import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** Start position in the video topic, used when the job does not restore from a checkpoint. */
public enum StartingOffsets {
    /** The earliest offset still in each partition. */
    EARLIEST,
    /** The end of each partition at start: only records published afterwards. */
    LATEST,
    /** The consumer group's committed offsets, or the earliest offset where there is none. */
    COMMITTED;

    /** Returns the Kafka source initializer for this choice. */
    OffsetsInitializer initializer() {
        return switch (this) {
            case EARLIEST -> OffsetsInitializer.earliest();
            case LATEST -> OffsetsInitializer.latest();
            case COMMITTED -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
        };
    }
}
