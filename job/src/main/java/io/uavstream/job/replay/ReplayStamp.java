package io.uavstream.job.replay;

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
 *
 * <p>NOTE: the frames of the GOP before the range are decoded, and so also detected and tracked,
 * because the analysis has no switch to only decode them. A track confirmed in those frames has
 * no STARTED event in the output, only its UPDATED and ENDED events.
 */
final class ReplayStamp {

    private ReplayStamp() {}

    static FlatMapFunction<FrameDetections, FrameDetections> detections(ReplayRange range, String replayId) {
        return new Detections(range, replayId);
    }

    static FlatMapFunction<TrackEvent, TrackEvent> trackEvents(ReplayRange range, String replayId, String modelId) {
        return new TrackEvents(range, replayId, modelId);
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
}
