package io.uavstream.simulator;

import io.uavstream.ingest.IngestResult;
import java.util.Map;

/**
 * Outputs of a live run: the rendered flights and, per drone ID, the result of publishing its video
 * to Kafka.
 */
public record LiveRunSummary(SimulationSummary rendering, Map<String, IngestResult> publishing) {

    public LiveRunSummary {
        publishing = Map.copyOf(publishing);
    }
}
