package io.uavstream.cli.replay;

import io.uavstream.job.replay.ReplayOptions;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays one range twice, with a reference model and a candidate model, and compares the two
 * event streams in a {@link ComparisonSummary}.
 */
public final class ModelComparison {

    private static final Logger LOG = LoggerFactory.getLogger(ModelComparison.class);

    private ModelComparison() {}

    /**
     * Replays {@code reference}, then the same range with {@code candidateModel}, one after the other
     * on the same cores. With a replay ID in {@code reference}, the candidate's ID adds {@code -compare}.
     */
    public static ComparisonSummary run(ReplayOptions reference, Path candidateModel) throws Exception {
        return against(ReplayRunner.run(reference), candidateModel);
    }

    /** Replays the range of a finished reference replay with {@code candidateModel} and compares the two. */
    public static ComparisonSummary against(ReplayResult reference, Path candidateModel) throws Exception {
        Objects.requireNonNull(candidateModel, "candidateModel");
        ReplayOptions options = reference.plan().options();
        ReplayOptions.Builder candidate = options.toBuilder().modelPath(candidateModel);
        options.replayId().ifPresent(id -> candidate.replayId(id + "-compare"));

        ReplayResult second = ReplayRunner.run(candidate.build());
        if (reference.replayId().equals(second.replayId())) {
            LOG.warn("Both replays have ID {}, because the two model files are identical", reference.replayId());
        }
        return ComparisonSummary.of(
                ComparisonSummary.Side.of(reference.plan().modelId(), reference.replayId(), reference.readDetections(),
                        reference.readTrackEvents()),
                ComparisonSummary.Side.of(second.plan().modelId(), second.replayId(), second.readDetections(),
                        second.readTrackEvents()));
    }
}
