package io.uavstream.cli.replay;

import io.uavstream.job.replay.ReplayPlan;
import io.uavstream.job.replay.ReplayDefinitions;
import io.uavstream.operators.AnalysisCounters;
import io.uavstream.schemas.AnalyticsEvent;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.TrackEvent;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The outcome of one finished replay: its plan, wall-clock time, the job's counters, and the
 * offsets of the output topics before and after it ran, between which its events lie.
 */
public record ReplayResult(ReplayPlan plan, Duration elapsed, Map<String, Object> counters,
        OutputOffsets detectionsOffsets, OutputOffsets trackEventsOffsets, OutputOffsets analyticsEventsOffsets) {

    public ReplayResult {
        counters = Map.copyOf(counters);
    }

    /**
     * End offsets (read-committed) of one output topic before and after the replay.
     *
     * @param before offsets per partition before the job started
     * @param after offsets per partition after the job finished
     */
    public record OutputOffsets(Map<TopicPartition, Long> before, Map<TopicPartition, Long> after) {
        public OutputOffsets {
            before = Map.copyOf(before);
            after = Map.copyOf(after);
        }
    }

    public String replayId() {
        return plan.replayId();
    }

    /** Returns the value of a job counter such as {@link AnalysisCounters#FRAMES_ANALYSED}, 0 when absent. */
    public long counter(String name) {
        Object value = counters.get(name);
        return value instanceof Number number ? number.longValue() : 0;
    }

    /**
     * Returns the replayed capture time per second of wall-clock time: the range's length times
     * {@code drones}, divided by the job's run time. The range counts in full even where the
     * recording covers only part of it.
     */
    public double speedFactor(int drones) {
        return plan.options().range().durationSeconds() * drones / (elapsed.toNanos() / 1e9);
    }

    /** Reads the replay's committed detections back from the output topic, each drone's in order. */
    public List<FrameDetections> readDetections() {
        return ReplayOutput.read(plan.options().bootstrapServers(), detectionsOffsets, FrameDetections.class, FrameDetections::getReplayId, replayId());
    }

    /** Reads the replay's committed track events back from the output topic, each drone's in order. */
    public List<TrackEvent> readTrackEvents() {
        return ReplayOutput.read(plan.options().bootstrapServers(), trackEventsOffsets, TrackEvent.class, TrackEvent::getReplayId, replayId());
    }

    /** Reads the replay's committed analytics events back from the output topic, each drone's in order. */
    public List<AnalyticsEvent> readAnalyticsEvents() {
        return ReplayOutput.read(plan.options().bootstrapServers(), analyticsEventsOffsets, AnalyticsEvent.class,
                AnalyticsEvent::getReplayId, replayId());
    }

    /** Prints the replay ID, model, range, counters, zones and lines, and run time. */
    public void print(PrintStream out) {
        out.printf("uavstream replay %s: %s with model %s%n", replayId(), plan.options().range(), plan.modelId());
        out.printf("  video records read:  %d from %s%n", plan.offsets().recordCount(), plan.options().videoTopic());
        if (plan.offsets().recordCount() == 0) {
            out.printf("  warning: %s holds no video in this range; check --from, --to and --drones against the"
                    + " recording's capture times%n", plan.options().videoTopic());
        }
        out.printf("  frames analysed:     %d%n", counter(AnalysisCounters.FRAMES_ANALYSED));
        out.printf("  tracks started:      %d%n", counter(AnalysisCounters.TRACKS_STARTED));
        out.printf("  dead letters:        %d%n", counter(AnalysisCounters.DEAD_LETTERS));
        out.printf("  detections topic:    %s%n", plan.options().detectionsTopic());
        out.printf("  track events topic:  %s%n", plan.options().trackEventsTopic());
        printAnalytics(out);
        plan.options().outputDirectory().ifPresent(directory -> out.printf("  JSON lines:          %s%n", directory));
        out.printf("  run time:            %.1f s%n", elapsed.toNanos() / 1e9);
    }

    private void printAnalytics(PrintStream out) {
        ReplayDefinitions definitions = plan.definitions();
        if (!definitions.analytics()) {
            out.printf("  analytics:           off%n");
            return;
        }
        out.printf("  analytics events:    %d to %s%n", counter(AnalysisCounters.ANALYTICS_EVENTS),
                plan.options().analyticsEventsTopic());
        out.printf("  zones and lines:     %d %s from %s%n", definitions.drones().size(),
                definitions.drones().size() == 1 ? "drone" : "drones", definitions.source());
        for (String drone : definitions.describeDrones()) {
            out.printf("    %s%n", drone);
        }
    }
}
