package io.uavstream.cli.bench;

import io.uavstream.evaluation.mot.MotRecord;
import io.uavstream.evaluation.mot.Sequence;
import io.uavstream.tracking.MultiObjectTracker;
import io.uavstream.tracking.Track;
import io.uavstream.tracking.TrackerConfig;
import io.uavstream.tracking.TrackerCounters;
import io.uavstream.tracking.TrackerDetection;
import io.uavstream.tracking.Trackers;
import io.uavstream.tracking.geometry.Box;
import io.uavstream.tracking.geometry.Homography;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds a recorded flight's detections, frame by frame, to a fresh tracker together with the true
 * camera motion, and collects what the tracker reports as a MOTChallenge sequence.
 */
final class TrackerReplay {

    private static final Logger LOG = LoggerFactory.getLogger(TrackerReplay.class);

    /**
     * Outcome of one replay.
     *
     * @param predictions the reported rows of every frame
     * @param counters the tracker's counters after the last frame
     * @param skippedDetections detection rows left out because their box has no area
     */
    record Result(Sequence predictions, TrackerCounters counters, int skippedDetections) {}

    private TrackerReplay() {
    }

    /**
     * Replays the flight. The camera motion is passed to every update after the first; the
     * tracker uses it only when its config turns camera-motion compensation on.
     */
    static Result run(FlightRecording flight, TrueCameraMotion motion, TrackerConfig config, Duration coastTime) {
        MultiObjectTracker tracker = Trackers.create(config);
        TrackOutput output = new TrackOutput(coastTime, flight.intrinsics().width(), flight.intrinsics().height());
        List<MotRecord> rows = new ArrayList<>();
        int skipped = 0;
        for (int frame = 1; frame <= flight.frames(); frame++) {
            List<TrackerDetection> detections = new ArrayList<>();
            for (MotRecord row : flight.detectionsOf(frame)) {
                if (row.box().width() > 0 && row.box().height() > 0) {
                    detections.add(toDetection(row));
                } else {
                    skipped++;
                }
            }
            Optional<Homography> cameraMotion = frame > 1 ? Optional.of(motion.into(frame - 1)) : Optional.empty();
            long captureTimeMicros = flight.captureTimeMicros(frame);
            List<Track> tracks = tracker.update(captureTimeMicros, detections, cameraMotion);
            rows.addAll(output.rows(frame, captureTimeMicros, tracks));
        }
        if (skipped > 0) {
            LOG.warn("Drone {}: skipped {} detections without area", flight.droneId(), skipped);
        }
        return new Result(Sequence.of(rows), tracker.snapshot().counters(), skipped);
    }

    private static TrackerDetection toDetection(MotRecord row) {
        Box box = new Box(row.box().left(), row.box().top(), row.box().right(), row.box().bottom());
        // A detection without a class (column 8 is -1) joins class 0, so class-wise matching still works.
        return new TrackerDetection(Math.max(0, row.classId()), Math.min(1, Math.max(0, row.confidence())), box);
    }
}
