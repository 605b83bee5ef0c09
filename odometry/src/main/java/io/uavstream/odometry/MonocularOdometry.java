package io.uavstream.odometry;

import static org.bytedeco.opencv.global.opencv_calib3d.RANSAC;
import static org.bytedeco.opencv.global.opencv_calib3d.findHomography;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.uavstream.analytics.geo.CameraPose;
import io.uavstream.analytics.geo.Vector3;
import java.util.Arrays;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Monocular visual odometry over a ground plane. Features are tracked frame to frame by KLT and
 * related to the keyframe in which they were found. Per frame a homography and an essential matrix
 * are scored against each other ({@link ModelSelector}); the homography path solves the pose from
 * the features' ground points ({@link PlanarPoseSolver}), the essential path from the two-view
 * geometry with the keyframe's depths ({@link EssentialPoseSolver}). A new keyframe is made when
 * too few features remain or the parallax since the keyframe grows large; new features get their
 * ground points by casting their rays from the current pose onto the plane z = 0.
 *
 * <p>Without a telemetry attitude the ground plane is unknown at the start: the first frames are
 * REINITIALISING until the parallax suffices for {@link PlaneInitialiser}. When tracking fails
 * (too few features or inliers, or a capture-time gap) the frame is LOST, and the next frame with
 * enough corners starts a new keyframe from the last pose, corrected by any telemetry.
 *
 * <p>All OpenCV memory of a call is allocated in one {@link PointerScope} and freed before it
 * returns.
 */
final class MonocularOdometry implements VisualOdometry {

    private static final Logger LOG = LoggerFactory.getLogger(MonocularOdometry.class);

    enum Phase { START, BOOTSTRAP, TRACKING, LOST }

    private final OdometryConfig config;
    private final CameraModel camera;
    private final KltTracker tracker;
    private final ModelSelector selector;
    private final PlanarPoseSolver planarSolver;
    private final EssentialPoseSolver essentialSolver = new EssentialPoseSolver();
    private final PlaneInitialiser initialiser;

    private Phase phase = Phase.START;
    private GreyImage previous;
    private TrackSet tracks;
    private WorldPose pose;
    private WorldPose keyframePose;
    private ScaleSource scaleSource = ScaleSource.NONE;
    private boolean georeferenced;
    private long lastFrameMicros = Long.MIN_VALUE;
    private long lastOkMicros = Long.MIN_VALUE;
    private GpsFusion gps;

    MonocularOdometry(OdometryConfig config, CameraModel camera) {
        this.config = config;
        this.camera = camera;
        this.tracker = new KltTracker(config);
        this.selector = new ModelSelector(config);
        this.planarSolver = new PlanarPoseSolver(config);
        this.initialiser = new PlaneInitialiser(config);
        this.tracks = new TrackSet(config.maxFeatures());
        this.gps = new GpsFusion(config);
    }

    @Override
    public PoseEstimate process(long captureTimeMicros, GreyImage frame, Telemetry telemetry) {
        if (frame.width() != camera.width() || frame.height() != camera.height()) {
            throw new IllegalArgumentException("Frame of " + frame.width() + "x" + frame.height()
                    + " does not match the camera model's " + camera.width() + "x" + camera.height());
        }
        if (lastFrameMicros != Long.MIN_VALUE && captureTimeMicros < lastFrameMicros) {
            throw new IllegalArgumentException("Capture time " + captureTimeMicros + " us is before the previous frame's "
                    + lastFrameMicros + " us");
        }
        try (PointerScope scope = new PointerScope()) {
            Mat grey = processed(frame);
            if (phase != Phase.START && captureTimeMicros - lastFrameMicros > config.maxFrameGapMicros()) {
                LOG.info("Capture-time gap of {} us after {} us; restarting tracking", captureTimeMicros - lastFrameMicros,
                        lastFrameMicros);
                phase = phase == Phase.BOOTSTRAP ? Phase.START : Phase.LOST;
            }
            lastFrameMicros = captureTimeMicros;
            PoseEstimate estimate = switch (phase) {
                case START -> start(captureTimeMicros, grey, telemetry);
                case LOST -> restart(captureTimeMicros, grey, telemetry);
                case BOOTSTRAP, TRACKING -> track(captureTimeMicros, grey, telemetry);
            };
            previous = toGreyImage(grey);
            return estimate;
        }
    }

    private PoseEstimate start(long time, Mat grey, Telemetry telemetry) {
        double height = telemetry.hasHeight() ? telemetry.heightAboveGroundMetres() : 1;
        scaleSource = telemetry.hasHeight() ? ScaleSource.ALTITUDE : ScaleSource.NONE;
        gps = new GpsFusion(config);
        tracks.clear();
        if (telemetry.hasAttitude()) {
            double east = telemetry.hasPosition() ? telemetry.eastMetres() : 0;
            double north = telemetry.hasPosition() ? telemetry.northMetres() : 0;
            pose = new WorldPose(Rotations.fromQuaternion(telemetry.cameraToEnu()), new double[] {east, north, height});
            georeferenced = telemetry.hasPosition();
            if (!addFeatures(grey, pose, true)) {
                return lostEstimate(time, null, 0);
            }
            phase = Phase.TRACKING;
            keyframePose = pose;
            lastOkMicros = time;
            fuseGps(time, telemetry);
            LOG.info("Odometry started from the telemetry attitude at height {} ({} features)", height, tracks.size);
            return estimate(time, OdometryStatus.OK, MotionModel.NONE, tracks.size, tracks.size, null, 0, true, false);
        }
        georeferenced = false;
        pose = PlaneInitialiser.keyframePose(new double[] {0, 0, 1}, height);
        keyframePose = pose;
        if (!addFeatures(grey, pose, false)) {
            return lostEstimate(time, null, 0);
        }
        phase = Phase.BOOTSTRAP;
        LOG.info("Odometry waiting for {} px of parallax to find the ground plane ({} features)",
                config.initialisationParallax(), tracks.size);
        return estimate(time, OdometryStatus.REINITIALISING, MotionModel.NONE, 0, tracks.size, null, 0, true, false);
    }

    private PoseEstimate restart(long time, Mat grey, Telemetry telemetry) {
        WorldPose restarted = pose;
        if (telemetry.hasAttitude()) {
            restarted = new WorldPose(Rotations.fromQuaternion(telemetry.cameraToEnu()), restarted.centre());
        }
        if (scaleSource == ScaleSource.ALTITUDE && telemetry.hasHeight()) {
            restarted = restarted.withHeight(telemetry.heightAboveGroundMetres());
        }
        tracks.clear();
        if (!addFeatures(grey, restarted, true)) {
            return lostEstimate(time, null, 0);
        }
        pose = restarted;
        keyframePose = restarted;
        phase = Phase.TRACKING;
        long gap = time - lastOkMicros;
        LOG.info("Odometry re-initialised after a gap of {} us with {} features", gap, tracks.size);
        return estimate(time, OdometryStatus.REINITIALISING, MotionModel.NONE, 0, tracks.size, null, gap, true, false);
    }

    private PoseEstimate track(long time, Mat grey, Telemetry telemetry) {
        Mat previousMat = OpenCvMats.grey(previous);
        int before = tracks.size;
        float[] moved = new float[2 * before];
        boolean[] found = tracker.track(previousMat, grey, tracks.pixels, before, moved);
        double[] frameToFrame = frameToFrameHomography(tracks.pixels, moved, found, before);
        tracks.retain(found);
        compact(moved, found, before);
        System.arraycopy(moved, 0, tracks.pixels, 0, 2 * tracks.size);
        if (tracks.size < config.minInliers()) {
            return lose(time, frameToFrame, "only " + tracks.size + " of " + before + " features were tracked");
        }
        double[] current = normalizedPositions();
        double focal = camera.meanFocalLength() * scale();
        double parallax = medianParallax(current, focal);

        if (phase == Phase.BOOTSTRAP) {
            return bootstrap(time, grey, telemetry, current, parallax, focal, frameToFrame);
        }
        ModelSelector.Choice choice = selector.choose(tracks.keyframeNormalized, current, tracks.size, parallax, focal);
        MotionModel model = choice.model();
        WorldPose solved = null;
        int inliers = 0;
        if (model == MotionModel.ESSENTIAL) {
            EssentialPoseSolver.Solution solution = essentialSolver.solve(choice.essential(), choice.essentialInliers(),
                    tracks, current, keyframePose, config.minInliers());
            if (solution != null) {
                solved = solution.pose();
                inliers = solution.inlierCount();
            } else {
                model = MotionModel.HOMOGRAPHY;
            }
        }
        if (solved == null) {
            PlanarPoseSolver.Solution solution = solvePlanar(current, focal);
            if (solution == null || solution.inlierCount() < config.minInliers()) {
                return lose(time, frameToFrame, "the ground-plane pose has "
                        + (solution == null ? 0 : solution.inlierCount()) + " inliers");
            }
            solved = solution.pose();
            inliers = solution.inlierCount();
        }
        pose = fuseHeight(solved, telemetry);
        boolean gpsRejected = fuseGps(time, telemetry) == GpsFusion.Outcome.REJECTED;
        boolean keyframe = tracks.size < config.keyframeMinTracks() || parallax > config.keyframeParallax();
        if (keyframe) {
            makeKeyframe(grey, current);
        }
        lastOkMicros = time;
        return estimate(time, OdometryStatus.OK, model, inliers, tracks.size, frameToFrame, 0, keyframe, gpsRejected);
    }

    private PoseEstimate bootstrap(long time, Mat grey, Telemetry telemetry, double[] current, double parallax,
            double focal, double[] frameToFrame) {
        if (parallax < config.initialisationParallax()) {
            return estimate(time, OdometryStatus.REINITIALISING, MotionModel.NONE, 0, tracks.size, frameToFrame, 0,
                    false, false);
        }
        PlaneInitialiser.Solution solution = initialiser.initialise(tracks.keyframeNormalized, current, tracks.size, focal,
                keyframePose.centre()[2]);
        if (solution == null) {
            LOG.debug("Ground plane not found yet at {} px of parallax", parallax);
            return estimate(time, OdometryStatus.REINITIALISING, MotionModel.NONE, 0, tracks.size, frameToFrame, 0,
                    false, false);
        }
        keyframePose = solution.keyframe();
        boolean[] onGround = new boolean[tracks.size];
        for (int i = 0; i < tracks.size; i++) {
            double[] point = keyframePose.groundIntersection(tracks.keyframeNormalized[2 * i],
                    tracks.keyframeNormalized[2 * i + 1]);
            onGround[i] = point != null;
            if (point != null) {
                tracks.ground[2 * i] = point[0];
                tracks.ground[2 * i + 1] = point[1];
            }
        }
        tracks.retain(onGround);
        compact(current, onGround, onGround.length);
        pose = fuseHeight(solution.current(), telemetry);
        phase = Phase.TRACKING;
        lastOkMicros = time;
        LOG.info("Ground plane found at {} px of parallax with {} inliers", parallax, solution.inlierCount());
        makeKeyframe(grey, current);
        return estimate(time, OdometryStatus.OK, MotionModel.HOMOGRAPHY, solution.inlierCount(), tracks.size,
                frameToFrame, 0, true, false);
    }

    private PlanarPoseSolver.Solution solvePlanar(double[] current, double focal) {
        double[] ground = new double[2 * tracks.size];
        double[] image = new double[2 * tracks.size];
        int[] index = new int[tracks.size];
        int count = 0;
        for (int i = 0; i < tracks.size; i++) {
            if (tracks.hasGround(i)) {
                ground[2 * count] = tracks.ground[2 * i];
                ground[2 * count + 1] = tracks.ground[2 * i + 1];
                image[2 * count] = current[2 * i];
                image[2 * count + 1] = current[2 * i + 1];
                index[count++] = i;
            }
        }
        PlanarPoseSolver.Solution solution = planarSolver.solve(ground, image, count, focal);
        if (solution != null) {
            boolean[] keep = new boolean[tracks.size];
            for (int k = 0; k < count; k++) {
                keep[index[k]] = solution.inliers()[k];
            }
            tracks.retain(keep);
            compact(current, keep, keep.length);
        }
        return solution;
    }

    private PoseEstimate lose(long time, double[] frameToFrame, String reason) {
        LOG.info("Odometry lost tracking at {} us: {}", time, reason);
        phase = Phase.LOST;
        return lostEstimate(time, frameToFrame, tracks.size);
    }

    private PoseEstimate lostEstimate(long time, double[] frameToFrame, int tracked) {
        if (pose == null || phase == Phase.START) {
            pose = PlaneInitialiser.keyframePose(new double[] {0, 0, 1}, 1);
        }
        long gap = lastOkMicros == Long.MIN_VALUE ? 0 : time - lastOkMicros;
        return estimate(time, OdometryStatus.LOST, MotionModel.NONE, 0, tracked, frameToFrame, gap, false, false);
    }

    private WorldPose fuseHeight(WorldPose solved, Telemetry telemetry) {
        if (scaleSource != ScaleSource.ALTITUDE || !telemetry.hasHeight()) {
            return solved;
        }
        double gain = config.altitudeGain();
        double height = (1 - gain) * solved.centre()[2] + gain * telemetry.heightAboveGroundMetres();
        return solved.withHeight(height);
    }

    private GpsFusion.Outcome fuseGps(long time, Telemetry telemetry) {
        if (!georeferenced) {
            return GpsFusion.Outcome.MISSING;
        }
        GpsFusion.Outcome outcome = gps.update(time, pose.centre()[0], pose.centre()[1], telemetry);
        if (outcome == GpsFusion.Outcome.REJECTED) {
            LOG.info("GPS fix at {} us rejected as a jump ({} rejected so far)", time, gps.rejectedFixes);
        }
        return outcome;
    }

    /** Makes the current frame the keyframe: features restart from here, and new corners fill the frame. */
    private void makeKeyframe(Mat grey, double[] current) {
        System.arraycopy(current, 0, tracks.keyframeNormalized, 0, 2 * tracks.size);
        keyframePose = pose;
        addFeatures(grey, pose, true);
    }

    /** Adds corners up to the max feature count; returns whether at least the min inlier count of features exist. */
    private boolean addFeatures(Mat grey, WorldPose from, boolean castGround) {
        float[] corners = tracker.detect(grey, tracks.pixels, tracks.size, config.maxFeatures() - tracks.size);
        double[] normalized = new double[2];
        double inverseScale = 1 / scale();
        for (int i = 0; i < corners.length / 2; i++) {
            float x = corners[2 * i];
            float y = corners[2 * i + 1];
            camera.normalize((x + 0.5) * inverseScale, (y + 0.5) * inverseScale, normalized, 0);
            double gx = Double.NaN;
            double gy = Double.NaN;
            if (castGround) {
                double[] point = from.groundIntersection(normalized[0], normalized[1]);
                if (point == null) {
                    continue;
                }
                gx = point[0];
                gy = point[1];
            }
            tracks.add(x, y, normalized[0], normalized[1], gx, gy);
        }
        return tracks.size >= config.minInliers();
    }

    private double[] normalizedPositions() {
        double[] normalized = new double[2 * tracks.size];
        double inverseScale = 1 / scale();
        for (int i = 0; i < tracks.size; i++) {
            camera.normalize((tracks.pixels[2 * i] + 0.5) * inverseScale, (tracks.pixels[2 * i + 1] + 0.5) * inverseScale,
                    normalized, 2 * i);
        }
        return normalized;
    }

    private double medianParallax(double[] current, double focal) {
        double[] distances = new double[tracks.size];
        for (int i = 0; i < tracks.size; i++) {
            distances[i] = Math.hypot(current[2 * i] - tracks.keyframeNormalized[2 * i],
                    current[2 * i + 1] - tracks.keyframeNormalized[2 * i + 1]) * focal;
        }
        Arrays.sort(distances);
        return distances.length == 0 ? 0 : distances[distances.length / 2];
    }

    /**
     * Fits the homography from the previous frame's features to the current ones with RANSAC, in
     * decoded-frame pixels. Returns null when fewer than 8 features were tracked or RANSAC fails.
     */
    private double[] frameToFrameHomography(float[] before, float[] after, boolean[] found, int count) {
        int pairs = OpenCvMats.count(found);
        if (pairs < 8) {
            return null;
        }
        double[] from = new double[2 * pairs];
        double[] to = new double[2 * pairs];
        double inverseScale = 1 / scale();
        double shift = 0.5 * inverseScale - 0.5;
        int k = 0;
        for (int i = 0; i < count; i++) {
            if (found[i]) {
                from[2 * k] = before[2 * i] * inverseScale + shift;
                from[2 * k + 1] = before[2 * i + 1] * inverseScale + shift;
                to[2 * k] = after[2 * i] * inverseScale + shift;
                to[2 * k + 1] = after[2 * i + 1] * inverseScale + shift;
                k++;
            }
        }
        Mat fitted = findHomography(OpenCvMats.points2d(from, pairs), OpenCvMats.points2d(to, pairs), RANSAC,
                config.ransacThreshold() * inverseScale, new Mat(), 500, 0.995);
        return fitted.empty() ? null : OpenCvMats.readDoubles(fitted);
    }

    private PoseEstimate estimate(long time, OdometryStatus status, MotionModel model, int inliers, int tracked,
            double[] frameToFrame, long gap, boolean keyframe, boolean gpsRejected) {
        double[] c = pose.centre();
        Vector3 position = new Vector3(c[0] + (georeferenced ? gps.offsetEast : 0),
                c[1] + (georeferenced ? gps.offsetNorth : 0), c[2]);
        CameraPose cameraPose = new CameraPose(Rotations.orthonormalize(pose.rotation()), position);
        return new PoseEstimate(time, status, model, scaleSource, georeferenced, cameraPose, inliers, tracked,
                frameToFrame, gap, keyframe, gpsRejected);
    }

    private Mat processed(GreyImage frame) {
        Mat grey = OpenCvMats.grey(frame);
        if (frame.width() <= config.maxFrameWidth()) {
            return grey;
        }
        int width = config.maxFrameWidth();
        int height = (int) Math.max(1, Math.round((double) frame.height() * width / frame.width()));
        Mat small = new Mat();
        resize(grey, small, new Size(width, height), 0, 0, INTER_AREA);
        return small;
    }

    /** Returns the processed frame width over the decoded frame width. */
    private double scale() {
        return Math.min(1.0, (double) config.maxFrameWidth() / camera.width());
    }

    private static GreyImage toGreyImage(Mat grey) {
        byte[] pixels = new byte[grey.cols() * grey.rows()];
        grey.data().get(pixels);
        return new GreyImage(grey.cols(), grey.rows(), pixels);
    }

    private static void compact(float[] values, boolean[] keep, int count) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (keep[i]) {
                values[2 * kept] = values[2 * i];
                values[2 * kept + 1] = values[2 * i + 1];
                kept++;
            }
        }
    }

    private static void compact(double[] values, boolean[] keep, int count) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (keep[i]) {
                values[2 * kept] = values[2 * i];
                values[2 * kept + 1] = values[2 * i + 1];
                kept++;
            }
        }
    }

    @Override
    public OdometrySnapshot snapshot() {
        int n = tracks.size;
        WorldPose current = pose == null ? PlaneInitialiser.keyframePose(new double[] {0, 0, 1}, 1) : pose;
        WorldPose keyframe = keyframePose == null ? current : keyframePose;
        return new OdometrySnapshot(phase.name(), previous == null ? 0 : previous.width(),
                previous == null ? 0 : previous.height(), previous == null ? new byte[0] : previous.pixels().clone(), n,
                Arrays.copyOf(tracks.pixels, 2 * n), Arrays.copyOf(tracks.keyframeNormalized, 2 * n),
                Arrays.copyOf(tracks.ground, 2 * n), current.rotation().clone(), current.centre().clone(),
                keyframe.rotation().clone(), keyframe.centre().clone(), scaleSource, georeferenced, lastFrameMicros,
                lastOkMicros, gps.offsetEast, gps.offsetNorth, gps.lastAcceptedMicros, gps.rejectedFixes);
    }

    @Override
    public void restore(OdometrySnapshot snapshot) {
        phase = Phase.valueOf(snapshot.phase());
        previous = snapshot.frameWidth() == 0 ? null
                : new GreyImage(snapshot.frameWidth(), snapshot.frameHeight(), snapshot.framePixels().clone());
        if (previous == null && phase != Phase.START) {
            throw new IllegalArgumentException("Snapshot in phase " + phase + " has no previous frame");
        }
        tracks = TrackSet.of(snapshot.trackPixels(), snapshot.keyframeNormalized(), snapshot.ground(),
                snapshot.trackCount());
        pose = new WorldPose(snapshot.rotation().clone(), snapshot.centre().clone());
        keyframePose = new WorldPose(snapshot.keyframeRotation().clone(), snapshot.keyframeCentre().clone());
        scaleSource = snapshot.scaleSource();
        georeferenced = snapshot.georeferenced();
        lastFrameMicros = snapshot.lastFrameMicros();
        lastOkMicros = snapshot.lastOkMicros();
        gps = new GpsFusion(config);
        gps.offsetEast = snapshot.gpsOffsetEast();
        gps.offsetNorth = snapshot.gpsOffsetNorth();
        gps.lastAcceptedMicros = snapshot.gpsLastAcceptedMicros();
        gps.rejectedFixes = snapshot.gpsRejectedFixes();
    }
}
