package io.uavstream.job.replay;

import io.uavstream.schemas.AnalyticsEvent;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.TrackEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Makes replay output reproducible and recognisable: keeps only events whose capture time lies in
 * the range, sets the replay ID (and, on track events, the model ID), and clears the wall-clock
 * fields {@code publishedAtMicros} and {@code analysedAtMicros}. Records are changed in place.
 * Analytics events already carry the model ID of their frame.
 *
 * <p>NOTE: the frames of the GOP before the range are decoded, and so also detected and tracked,
 * because the analysis has no switch to only decode them. A track confirmed in those frames has
 * no STARTED event in the output, only its UPDATED and ENDED events. Likewise, a track that
 * entered a zone in those frames has no ZONE_ENTERED event, only its ZONE_EXITED event.
 */
final class ReplayStamp {

    private ReplayStamp() {}

    static FlatMapFunction<FrameDetections, FrameDetections> detections(ReplayRange range, String replayId) {
        return new Detections(range, replayId);
    }

    static FlatMapFunction<TrackEvent, TrackEvent> trackEvents(ReplayRange range, String replayId, String modelId) {
        return new TrackEvents(range, replayId, modelId);
    }

    static FlatMapFunction<AnalyticsEvent, AnalyticsEvent> analyticsEvents(ReplayRange range, String replayId) {
        return new AnalyticsEvents(range, replayId);
    }

    private static long epochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static final class Detections implements FlatMapFunction<FrameDetections, FrameDetections> {
        private static final long serialVersionUID = 1L;
        private final ReplayRange range;
        private final String replayId;

        Detections(ReplayRange range, String replayId) {
            this.range = range;
            this.replayId = replayId;
        }

        @Override
        public void flatMap(FrameDetections detections, Collector<FrameDetections> out) {
            if (!range.contains(epochMicros(detections.getCaptureTimeMicros()))) {
                return;
            }
            detections.setReplayId(replayId);
            detections.setPublishedAtMicros(null);
            detections.setAnalysedAtMicros(null);
            out.collect(detections);
        }
    }

    private static final class TrackEvents implements FlatMapFunction<TrackEvent, TrackEvent> {
        private static final long serialVersionUID = 1L;
        private final ReplayRange range;
        private final String replayId;
        private final String modelId;

        TrackEvents(ReplayRange range, String replayId, String modelId) {
            this.range = range;
            this.replayId = replayId;
            this.modelId = modelId;
        }

        @Override
        public void flatMap(TrackEvent event, Collector<TrackEvent> out) {
            if (!range.contains(epochMicros(event.getCaptureTimeMicros()))) {
                return;
            }
            event.setReplayId(replayId);
            event.setModelId(modelId);
            out.collect(event);
        }
    }

    private static final class AnalyticsEvents implements FlatMapFunction<AnalyticsEvent, AnalyticsEvent> {
        private static final long serialVersionUID = 1L;
        private final ReplayRange range;
        private final String replayId;

        AnalyticsEvents(ReplayRange range, String replayId) {
            this.range = range;
            this.replayId = replayId;
        }

        @Override
        public void flatMap(AnalyticsEvent event, Collector<AnalyticsEvent> out) {
            if (!range.contains(epochMicros(event.getCaptureTimeMicros()))) {
                return;
            }
            event.setReplayId(replayId);
            out.collect(event);
        }
    }
}
