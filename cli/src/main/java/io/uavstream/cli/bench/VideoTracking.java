package io.uavstream.cli.bench;

import io.uavstream.models.BgrImages;
import io.uavstream.models.Detection;
import io.uavstream.models.ObjectDetector;
import io.uavstream.motion.CameraMotionEstimator;
import io.uavstream.motion.FrameFeatures;
import io.uavstream.motion.MotionEstimatorConfig;
import io.uavstream.tracking.MultiObjectTracker;
import io.uavstream.tracking.Track;
import io.uavstream.tracking.TrackState;
import io.uavstream.tracking.TrackerConfig;
import io.uavstream.tracking.TrackerDetection;
import io.uavstream.tracking.Trackers;
import io.uavstream.tracking.geometry.Box;
import io.uavstream.tracking.geometry.Homography;
import io.uavstream.video.DecodedFrame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Detects and tracks the objects of one video file, frame by frame, as the job does for one drone:
 * detector, camera-motion estimate from sparse optical flow, tracker. For a video without ground
 * truth it collects track statistics, probable identity breaks, and pictures with each confirmed
 * track's box and ID, so that a person can judge the tracks.
 */
final class VideoTracking {

    private final ObjectDetector detector;
    private final TrackerConfig trackerConfig;
    private final TreeSet<Long> snapshotTimesMicros;
    private final Path pictures;

    /**
     * @param snapshotSeconds capture times, in seconds from the first frame, of the frames to draw
     * @param pictures folder for the drawn frames, {@code frame-SECONDS.png}
     */
    VideoTracking(ObjectDetector detector, TrackerConfig trackerConfig, List<Double> snapshotSeconds, Path pictures) {
        this.detector = detector;
        this.trackerConfig = trackerConfig;
        this.snapshotTimesMicros = new TreeSet<>();
        snapshotSeconds.forEach(seconds -> snapshotTimesMicros.add(Math.round(seconds * 1e6)));
        this.pictures = pictures;
    }

    /** Runs over every frame of {@code video} and returns the statistics of its tracks. */
    TrackStatistics run(Path video) {
        MultiObjectTracker tracker = Trackers.create(trackerConfig);
        CameraMotionEstimator motion = new CameraMotionEstimator(MotionEstimatorConfig.defaults());
        TrackStatistics statistics = new TrackStatistics();
        FrameStep step = new FrameStep(tracker, motion, statistics);
        VideoFrames.forEach(video, frame -> {
            step.accept(frame);
            return true;
        });
        return statistics;
    }

    /** The per-frame work, with what it keeps from one frame to the next. */
    private final class FrameStep {
        private final MultiObjectTracker tracker;
        private final CameraMotionEstimator motion;
        private final TrackStatistics statistics;
        private FrameFeatures previousFeatures;
        private long firstPtsMicros = Long.MIN_VALUE;
        private long lastCaptureMicros = Long.MIN_VALUE;

        FrameStep(MultiObjectTracker tracker, CameraMotionEstimator motion, TrackStatistics statistics) {
            this.tracker = tracker;
            this.motion = motion;
            this.statistics = statistics;
        }

        void accept(DecodedFrame frame) {
            if (firstPtsMicros == Long.MIN_VALUE) {
                firstPtsMicros = frame.ptsMicros();
            }
            // Capture time from the first frame; a PTS that goes back is held at the previous time.
            long captureMicros = Math.max(lastCaptureMicros, frame.ptsMicros() - firstPtsMicros);
            lastCaptureMicros = captureMicros;
            List<Detection> detections = detector.detect(frame.image());
            FrameFeatures features = motion.features(frame.image());
            Optional<Homography> cameraMotion = previousFeatures == null
                    ? Optional.empty()
                    : motion.estimate(previousFeatures, features).toOptional();
            previousFeatures = features;
            List<Track> tracks = tracker.update(captureMicros, toTrackerDetections(detections), cameraMotion);
            statistics.accept(captureMicros, tracks);
            Long due = snapshotTimesMicros.isEmpty() ? null : snapshotTimesMicros.first();
            if (due != null && captureMicros >= due) {
                snapshotTimesMicros.remove(due);
                draw(frame, tracks, detections, due);
            }
        }

        private void draw(DecodedFrame frame, List<Track> tracks, List<Detection> detections, long dueMicros) {
            List<Detection> labelled = new ArrayList<>();
            for (Track track : tracks) {
                if (track.state() == TrackState.CONFIRMED) {
                    Box box = track.box();
                    String className = detections.get(track.detectionIndex()).className();
                    labelled.add(new Detection((int) track.trackId(), "#" + track.trackId() + " " + className,
                            (float) track.score(), (float) box.x1(), (float) box.y1(), (float) box.x2(), (float) box.y2()));
                }
            }
            Path file = pictures.resolve(String.format(Locale.ROOT, "frame-%05.1fs.png", dueMicros / 1e6));
            try {
                BgrImages.writePng(frame.image(), labelled, file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file, e);
            }
        }
    }

    private static List<TrackerDetection> toTrackerDetections(List<Detection> detections) {
        List<TrackerDetection> result = new ArrayList<>(detections.size());
        for (Detection detection : detections) {
            result.add(new TrackerDetection(detection.classId(), detection.score(),
                    new Box(detection.x1(), detection.y1(), detection.x2(), detection.y2())));
        }
        return result;
    }
}
