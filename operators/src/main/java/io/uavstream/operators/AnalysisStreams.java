package io.uavstream.operators;

import io.uavstream.schemas.DeadLetter;
import io.uavstream.schemas.FrameDetections;
import java.util.Objects;
import org.apache.flink.streaming.api.datastream.DataStream;

/** The outputs of {@link DroneAnalysis#apply}. */
public final class AnalysisStreams {

    private final DataStream<FrameDetections> detections;
    private final DataStream<DeadLetter> deadLetters;

    AnalysisStreams(DataStream<FrameDetections> detections, DataStream<DeadLetter> deadLetters) {
        this.detections = Objects.requireNonNull(detections, "detections");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    }

    /** Returns one record per analysed frame, keyed by drone ID upstream. */
    public DataStream<FrameDetections> detections() {
        return detections;
    }

    /** Returns the records that could not be processed: from the deserializer and from the decoder. */
    public DataStream<DeadLetter> deadLetters() {
        return deadLetters;
    }
}
