package io.uavstream.operators;

import io.uavstream.schemas.AnalyticsEvent;
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
    private final DataStream<AnalyticsEvent> analyticsEvents;
    private final DataStream<DeadLetter> deadLetters;

    /**
     * @param trackEvents the track events, or null when tracking is off
     * @param analyticsEvents the analytics events, or null when tracking or analytics is off
     */
    AnalysisStreams(DataStream<FrameDetections> detections, DataStream<TrackEvent> trackEvents,
            DataStream<AnalyticsEvent> analyticsEvents, DataStream<DeadLetter> deadLetters) {
        this.detections = Objects.requireNonNull(detections, "detections");
        this.trackEvents = trackEvents;
        this.analyticsEvents = analyticsEvents;
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

    /**
     * Returns the zone, line and class-count events of every drone, in capture order per drone.
     * It is empty when tracking is off or the analysis was built without a control stream.
     */
    public Optional<DataStream<AnalyticsEvent>> analyticsEvents() {
        return Optional.ofNullable(analyticsEvents);
    }

    /**
     * Returns the records that could not be processed: from the deserializer, from the decoder
     * and from the analytics control topic.
     */
    public DataStream<DeadLetter> deadLetters() {
        return deadLetters;
    }
}
