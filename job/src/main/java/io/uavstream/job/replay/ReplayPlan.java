package io.uavstream.job.replay;

import io.uavstream.job.JobOptions;
import io.uavstream.job.ModelPreflight;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Everything a replay job needs that the client looks up before building it: the replay ID, the
 * model ID from the model's descriptor, the offsets of the range, and the zones and lines.
 *
 * @param runId random ID of this run, only for its Kafka transactional IDs
 */
public record ReplayPlan(ReplayOptions options, String replayId, String modelId, ReplayOffsets offsets,
        ReplayDefinitions definitions, String runId) {

    public ReplayPlan {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(replayId, "replayId");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(offsets, "offsets");
        Objects.requireNonNull(definitions, "definitions");
        Objects.requireNonNull(runId, "runId");
    }

    /**
     * Opens the model once to check it and read its ID, derives the replay ID unless the options
     * name one, looks up the range's offsets in the video topic, and reads the zones and lines
     * ({@link ReplayDefinitions#load}).
     *
     * @throws io.uavstream.models.InvalidModelException if the model is missing or invalid
     * @throws IllegalArgumentException if the video topic does not exist or the zones file is invalid
     */
    public static ReplayPlan prepare(ReplayOptions options) {
        String modelId = ModelPreflight.check(options.model()).id();
        String replayId = options.replayId().orElseGet(() -> ReplayIds.derive(options, modelId));
        ReplayOffsets offsets = ReplayOffsets.lookUp(options.bootstrapServers(), options.videoTopic(),
                options.range(), options.seekMargin());
        ReplayDefinitions definitions = ReplayDefinitions.load(options);
        String runId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        return new ReplayPlan(options, replayId, modelId, offsets, definitions, runId);
    }

    /** Returns the options of the job's analysis and sinks. */
    public JobOptions jobOptions() {
        return options.toJobOptions(replayId, runId);
    }
}
