package io.uavstream.operators;

import io.uavstream.models.ObjectDetector;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the object detector on decoded frames, keyed by drone ID, and emits one
 * {@link io.uavstream.schemas.FrameDetections} per analysed frame, whose {@code modelId} names the
 * model that produced it. With camera-motion compensation on, it also estimates the camera motion
 * since the drone's previous analysed frame ({@link DroneCameraMotion}) while the decoded frame is
 * still at hand, and passes it on in the {@link AnalysedFrame}. With the visual odometry on
 * ({@link AnalysisConfig#odometryCamera()}), {@link DroneOdometry} gives every analysed frame its
 * pose, and its frame-to-frame homography replaces that estimate. {@link DroneDetection}
 * describes which frames are skipped.
 *
 * <p>Each drone uses the job's model unless a {@link ModelSelection} of the control topic, handed
 * over by the {@link ModelSelectFunction} of the same task, chose another ({@link DroneModels}).
 * Each subtask (task slot) opens the job's detector in {@link #open}, other models when a drone
 * first needs them, and closes them all in {@link #close()}. A selected model that fails to open
 * goes to the {@link DroneAnalysis#DEAD_LETTERS} side output.
 */
final class DetectFunction extends KeyedProcessFunction<String, DecodedVideoFrame, AnalysedFrame> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DetectFunction.class);

    private final AnalysisConfig config;

    private transient DroneDetection analyser;
    private transient DroneModels models;

    DetectFunction(AnalysisConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext openContext) {
        analyser = new DroneDetection(getRuntimeContext(), config);
        models = new DroneModels(getRuntimeContext(), config);
        LOG.info("Subtask {} opened detector {} from {} with {} intra-op threads",
                getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(), models.jobDetector().descriptor().id(),
                config.modelPath(), config.intraOpThreads());
    }

    @Override
    public void processElement(DecodedVideoFrame frame, Context ctx, Collector<AnalysedFrame> out)
            throws Exception {
        if (!analyser.shouldAnalyse(frame)) {
            return;
        }
        ObjectDetector detector = models.detectorFor(frame.droneId(), TaskModelSelections.current(frame.droneId()),
                deadLetter -> ctx.output(DroneAnalysis.DEAD_LETTERS, deadLetter));
        analyser.analyse(frame, detector, detector.descriptor().id(), out);
    }

    @Override
    public void close() {
        if (models != null) {
            models.close();
            models = null;
        }
    }
}
