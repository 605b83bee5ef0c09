package io.uavstream.cli.bench;

import io.uavstream.evaluation.geometry.BoundingBox;
import io.uavstream.evaluation.mot.MotRecord;
import io.uavstream.tracking.Track;
import io.uavstream.tracking.TrackState;
import io.uavstream.tracking.geometry.Box;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the tracks of each update into the rows a tracker reports for the frame.
 *
 * <p>A CONFIRMED track (confirmed and matched in this frame) is reported with its Kalman-filtered
 * box. A LOST track is reported with its motion prediction while at most {@code coastTime} of
 * capture time has passed since its last match, which bridges single missed detections; with a
 * coast time of 0 only matched tracks are reported, as in ByteTrack. The rule uses only the past,
 * so an online consumer can apply it as it is. Boxes are clipped to the image, as ground-truth
 * boxes are, and a box left with no area is not reported.
 */
final class TrackOutput {

    private final long coastTimeMicros;
    private final double width;
    private final double height;
    private final Map<Long, Long> lastMatchedMicros = new HashMap<>();

    /**
     * @param coastTime longest capture time since the last match for which a LOST track is reported
     * @param width image width in pixels
     * @param height image height in pixels
     */
    TrackOutput(Duration coastTime, int width, int height) {
        if (coastTime.isNegative()) {
            throw new IllegalArgumentException("Coast time must not be negative, got " + coastTime);
        }
        this.coastTimeMicros = coastTime.toNanos() / 1_000;
        this.width = width;
        this.height = height;
    }

    /** Returns the rows of one frame (from 1) for the tracks that an update returned. */
    List<MotRecord> rows(int frame, long captureTimeMicros, List<Track> tracks) {
        List<MotRecord> rows = new ArrayList<>();
        for (Track track : tracks) {
            if (track.state() == TrackState.REMOVED) {
                lastMatchedMicros.remove(track.trackId());
                continue;
            }
            if (track.detectionIndex() != Track.NO_DETECTION) {
                lastMatchedMicros.put(track.trackId(), captureTimeMicros);
            }
            if (reported(track, captureTimeMicros)) {
                clipped(track.box()).ifPresent(box -> rows.add(new MotRecord(frame, Math.toIntExact(track.trackId()),
                        box, track.score(), track.classId(), MotRecord.NOT_GIVEN)));
            }
        }
        return rows;
    }

    private boolean reported(Track track, long captureTimeMicros) {
        if (track.isConfirmed()) {
            return true;
        }
        if (track.state() != TrackState.LOST) {
            return false;
        }
        Long lastMatched = lastMatchedMicros.get(track.trackId());
        return lastMatched != null && captureTimeMicros - lastMatched <= coastTimeMicros;
    }

    private Optional<BoundingBox> clipped(Box box) {
        double left = Math.max(0, box.x1());
        double top = Math.max(0, box.y1());
        double right = Math.min(width, box.x2());
        double bottom = Math.min(height, box.y2());
        if (!(right > left) || !(bottom > top)) {
            return Optional.empty();
        }
        return Optional.of(new BoundingBox(left, top, right - left, bottom - top));
    }
}
