package io.uavstream.simulator;

import java.nio.file.Path;

/**
 * Outputs of one drone's flight.
 *
 * @param plan the drone's settings
 * @param directory the drone's output directory
 * @param frames frames rendered and encoded
 * @param videoBytes size of the transport stream file
 * @param groundTruthRecords lines in {@code gt/gt.txt}
 * @param detectionRecords lines in {@code det/det.txt}; 0 without a noise profile
 * @param distinctObjects distinct track IDs in the ground truth
 * @param encoder the FFmpeg encoder used, for example {@code libopenh264}
 */
public record DroneSummary(DronePlan plan, Path directory, int frames, long videoBytes, long groundTruthRecords,
        long detectionRecords, int distinctObjects, String encoder) {

    public String droneId() {
        return plan.droneId();
    }

    /** Returns the transport stream file. */
    public Path video() {
        return directory.resolve(FleetSimulation.VIDEO_FILE);
    }

    /** Returns the telemetry file, one row per frame. */
    public Path telemetry() {
        return directory.resolve(FleetSimulation.TELEMETRY_FILE);
    }
}
