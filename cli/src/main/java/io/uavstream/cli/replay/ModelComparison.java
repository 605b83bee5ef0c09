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
        Objects.requireNonNull(candidateModel, "candidateModel");
        ReplayOptions.Builder candidate = reference.toBuilder().modelPath(candidateModel);
        reference.replayId().ifPresent(id -> candidate.replayId(id + "-compare"));

        ReplayResult first = ReplayRunner.run(reference);
        ReplayResult second = ReplayRunner.run(candidate.build());
        if (first.replayId().equals(second.replayId())) {
            LOG.warn("Both replays have ID {}: the two models files are identical", first.replayId());
        }
        return ComparisonSummary.of(
                ComparisonSummary.Side.of(first.plan().modelId(), first.replayId(), first.readDetections(),
                        first.readTrackEvents()),
                ComparisonSummary.Side.of(second.plan().modelId(), second.replayId(), second.readDetections(),
                        second.readTrackEvents()));
    }
}
