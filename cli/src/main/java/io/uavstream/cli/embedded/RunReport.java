package io.uavstream.cli.embedded;

import io.uavstream.ingest.IngestResult;
import io.uavstream.operators.AnalysisCounters;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** Summary of one {@link EmbeddedRun}, printed by {@code uavstream run}. */
public final class RunReport {

    private final String video;
    private final String modelId;
    private final IngestResult ingest;
    private final Map<String, Object> counters;
    private final DetectionStats detections;
    private final double wallSeconds;
    private final Path outputDirectory;
    private final boolean realtime;

    RunReport(String video, String modelId, IngestResult ingest, Map<String, Object> counters,
            DetectionStats detections, double wallSeconds, Path outputDirectory, boolean realtime) {
        this.video = video;
        this.modelId = modelId;
        this.ingest = ingest;
        this.counters = counters;
        this.detections = detections;
        this.wallSeconds = wallSeconds;
        this.outputDirectory = outputDirectory;
        this.realtime = realtime;
    }

    /** Returns the value of one of the job's {@link AnalysisCounters}, 0 when it was never counted. */
    public long counter(String name) {
        Object value = counters.get(name);
        return value instanceof Number number ? number.longValue() : 0;
    }

    /** Returns ingest's counts and how its input ended ({@code STOPPED} after a stop request). */
    public IngestResult ingest() {
        return ingest;
    }

    /** Returns the number of analysed frames whose detections were read back from Kafka. */
    public long framesWithDetections() {
        return detections.frames();
    }

    /** Analysed frames per second from the first frame's publication to the last frame's analysis. */
    public double analysedFps() {
        return detections.analysedFps();
    }

    /** Returns the number of confirmed tracks on the committed detections, over all drones. */
    public long tracks() {
        return detections.tracks();
    }

    public Map<String, Long> boxesPerClass() {
        return detections.boxesPerClass();
    }

    /** Returns the analysed frames per model ID, which names more than one model after a switch. */
    public Map<String, Long> framesPerModel() {
        return detections.framesPerModel();
    }

    /** Returns true when the detections of every analysed frame were committed to Kafka. */
    public boolean succeeded() {
        return detections.frames() == counter(AnalysisCounters.FRAMES_ANALYSED);
    }

    public void print(PrintStream out) {
        out.println();
        out.printf("uavstream run: %s with model %s%n", video, modelId);
        out.printf("  access units ingested  %,d (%.1f s of video, %s)%n",
                ingest.packets(), ingest.mediaDuration().toMillis() / 1000.0, ingest.ending());
        out.printf("  frames decoded         %,d%n", counter(AnalysisCounters.FRAMES_DECODED));
        out.printf("  frames analysed        %,d (skipped %,d, corrupt %,d)%n",
                counter(AnalysisCounters.FRAMES_ANALYSED), counter(AnalysisCounters.FRAMES_SKIPPED),
                counter(AnalysisCounters.CORRUPT_FRAMES));
        out.printf("  packets dropped        %,d, dead letters %,d%n",
                counter(AnalysisCounters.PACKETS_DROPPED), counter(AnalysisCounters.DEAD_LETTERS));
        out.printf("  detections in Kafka    %,d frames%n", detections.frames());
        if (detections.framesPerModel().size() > 1) {
            detections.framesPerModel().forEach((model, frames) ->
                    out.printf("    frames by %-11s %,d%n", model, frames));
        }
        detections.boxesPerClass().forEach((name, count) -> out.printf("    %-20s %,d%n", name, count));
        out.printf("  tracks                 %,d%n", detections.tracks());
        out.printf("  analytics events       %,d (definition updates %,d, control records rejected %,d)%n",
                counter(AnalysisCounters.ANALYTICS_EVENTS), counter(AnalysisCounters.DEFINITION_UPDATES),
                counter(AnalysisCounters.CONTROL_RECORDS_REJECTED));
        out.printf("  analysed fps           %.1f%n", detections.analysedFps());
        out.printf("  end-to-end latency     p50 %.0f ms, p99 %.0f ms%s%n",
                detections.latencyP50Millis(), detections.latencyP99Millis(),
                realtime ? "" : " (ingest ran faster than real time, so latency includes queueing)");
        out.printf("  wall time              %.1f s%n", wallSeconds);
        out.printf("  JSON lines             %s%n", outputDirectory.toAbsolutePath());
    }
}
