package io.uavstream.operators;

import io.uavstream.schemas.DeadLetter;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.TrackEvent;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.streaming.api.datastream.DataStream;

/** The outputs of {@link DroneAnalysis#apply}. */
public final class AnalysisStreams {

    private final DataStream<FrameDetections> detections;
    private final DataStream<TrackEvent> trackEvents;
    private final DataStream<DeadLetter> deadLetters;

    /** @param trackEvents the track events, or null when tracking is off */
    AnalysisStreams(DataStream<FrameDetections> detections, DataStream<TrackEvent> trackEvents,
            DataStream<DeadLetter> deadLetters) {
        this.detections = Objects.requireNonNull(detections, "detections");
        this.trackEvents = trackEvents;
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    }

    /**
     * Returns one record per analysed frame, keyed by drone ID upstream. With tracking on, boxes
     * that extend a confirmed track carry its track ID.
     */
    public DataStream<FrameDetections> detections() {
        return detections;
    }

    /** Returns the track events of every drone, in capture order per drone; empty when tracking is off. */
    public Optional<DataStream<TrackEvent>> trackEvents() {
        return Optional.ofNullable(trackEvents);
    }

    /** Returns the records that could not be processed: from the deserializer and from the decoder. */
    public DataStream<DeadLetter> deadLetters() {
        return deadLetters;
    }
}
