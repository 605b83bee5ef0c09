package io.uavstream.cli.bench;

import io.uavstream.models.ObjectDetector;
import io.uavstream.tracking.TrackerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code uavstream bench tracking-video}: tracks the objects of a video without ground truth and
 * reports what a person can check: track count, track durations, probable identity breaks, and
 * frames drawn with each track's box and ID.
 */
@Command(
        name = "tracking-video",
        mixinStandardHelpOptions = true,
        description = "Detects and tracks the objects of a video file as the job does for one drone (camera-motion"
                + " compensation from sparse optical flow), prints track statistics and draws chosen frames with"
                + " track IDs.")
final class BenchTrackingVideoCommand implements Callable<Integer> {

    @Option(names = "--video", required = true, paramLabel = "PATH", description = "Video file to track.")
    private Path video;

    @Option(names = "--model", defaultValue = "default", paramLabel = "MODEL",
            description = "ONNX model beside its descriptor, or 'default' for the shipped model (default: ${DEFAULT-VALUE}).")
    private String detector;

    @Option(names = "--pictures", paramLabel = "DIR",
            description = "Folder for the drawn frames, frame-SECONDS.png (default: no pictures).")
    private Path pictures;

    @Option(names = "--at", split = ",", defaultValue = "5,10,15,20", paramLabel = "SECONDS",
            description = "Capture times, in seconds from the first frame, of the frames to draw (default: ${DEFAULT-VALUE}).")
    private List<Double> snapshotSeconds;

    @Option(names = "--no-cmc", description = "Turn camera-motion compensation off.")
    private boolean noCameraMotionCompensation;

    @Option(names = "--intra-op-threads", defaultValue = "2", paramLabel = "N",
            description = "ONNX Runtime intra-op threads (default: ${DEFAULT-VALUE}).")
    private int intraOpThreads;

    @Override
    public Integer call() {
        TrackerConfig config = TrackerConfig.defaults().toBuilder()
                .cameraMotionCompensation(!noCameraMotionCompensation)
                .build();
        TrackStatistics statistics;
        String modelId;
        try (DetectionSource.Opened opened = DetectionSource.openDetector(detector, intraOpThreads)) {
            ObjectDetector model = opened.detector();
            modelId = model.descriptor().id();
            List<Double> times = pictures == null ? List.of() : snapshotSeconds;
            statistics = new VideoTracking(model, config, times, pictures).run(video);
        }
        System.out.println(report(modelId, statistics));
        return 0;
    }

    private String report(String modelId, TrackStatistics statistics) {
        return String.format(Locale.ROOT, """
                uavstream bench tracking-video --video %s --model %s%s

                | video | model | frames | tracks | tracks >= 1 s | median duration | probable ID breaks |
                |---|---|---:|---:|---:|---:|---:|
                | %s | %s | %d | %d | %d | %.1f s | %d |
                """, video, detector, noCameraMotionCompensation ? " --no-cmc" : "",
                video.getFileName(), modelId, statistics.frames(), statistics.trackCount(),
                statistics.tracksLastingAtLeast(1.0), statistics.medianDurationSeconds(), statistics.probableBreaks());
    }
}
