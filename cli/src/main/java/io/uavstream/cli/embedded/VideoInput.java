package io.uavstream.cli.embedded;

import io.uavstream.ingest.IngestProgressListener;
import io.uavstream.ingest.IngestResult;
import java.util.Set;

/** Source of the video that an {@link EmbeddedRun} publishes: a video file or a simulated fleet. */
interface VideoInput {

    /** Returns a short description for the summary, for example the file name. */
    String description();

    /** Checks the input before anything is started, so that a bad file fails at once. */
    void check();

    /** Returns the drone IDs whose video this input publishes. */
    Set<String> droneIds();

    /**
     * Publishes the whole input and returns the totals over all drones; its {@link
     * IngestResult#sessions()} is the number of end-of-stream markers published.
     */
    IngestResult publish(String bootstrapServers, String topic, IngestProgressListener progress) throws Exception;

    /** Stops publishing early, from any thread. */
    void stop();
}
