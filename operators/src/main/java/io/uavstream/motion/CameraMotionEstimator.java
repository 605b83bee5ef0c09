package io.uavstream.motion;

import static org.bytedeco.opencv.global.opencv_calib3d.RANSAC;
import static org.bytedeco.opencv.global.opencv_calib3d.findHomography;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.goodFeaturesToTrack;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_video.calcOpticalFlowPyrLK;

import io.uavstream.models.BgrImage;
import io.uavstream.tracking.geometry.Homography;
import io.uavstream.tracking.geometry.Point;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.TermCriteria;

/**
 * Estimates the global frame-to-frame motion of a camera as a homography, with OpenCV through
 * JavaCV: Shi-Tomasi corners in the previous frame, tracked into the current frame by pyramidal
 * Lucas-Kanade optical flow (KLT), and a homography fitted to the tracked pairs with RANSAC, all on
 * a downscaled grey copy of the frames. The result maps pixels of the previous decoded frame to
 * those of the current one. Moving objects are outliers, so the estimate follows the background as
 * long as it fills most of the frame.
 *
 * <p>The estimator keeps no state between calls: callers keep each camera's last
 * {@link FrameFeatures}. It is thread-safe. Every call allocates its OpenCV matrices inside one
 * {@link PointerScope}, which frees them before the call returns. For the same input the result is
 * the same, because OpenCV's RANSAC draws its samples from a fixed seed.
 */
public final class CameraMotionEstimator {

    /** Iterations and accuracy at which the optical flow stops refining a point. */
    private static final int FLOW_MAX_ITERATIONS = 30;
    private static final double FLOW_EPSILON = 0.01;

    /** Smallest eigenvalue, per window pixel, of a corner that the optical flow still tracks. */
    private static final double FLOW_MIN_EIGENVALUE = 1e-4;

    private static final int RANSAC_MAX_ITERATIONS = 2000;
    private static final double RANSAC_CONFIDENCE = 0.995;

    /** Range of the frame's area after the homography, relative to before, for a plausible estimate. */
    private static final double MIN_AREA_RATIO = 0.5;
    private static final double MAX_AREA_RATIO = 2.0;

    private final MotionEstimatorConfig config;

    public CameraMotionEstimator(MotionEstimatorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Returns the downscaled grey copy of {@code image} and the corners found in it. */
    public FrameFeatures features(BgrImage image) {
        Objects.requireNonNull(image, "image");
        try (PointerScope scope = new PointerScope()) {
            Mat grey = greyDownscaled(image);
            return new FrameFeatures(greyFrame(grey, image), detectCorners(grey));
        }
    }

    /**
     * Estimates the motion from the frame of {@code previous} to the frame of {@code current}.
     * A failed estimate names its reason. The frames may differ in size, too few corners may be
     * tracked or agree as RANSAC inliers, or the homography may shrink or grow the frame by more
     * than a factor of 2 or fold it beyond its horizon line.
     */
    public MotionEstimate estimate(FrameFeatures previous, FrameFeatures current) {
        GreyFrame from = previous.frame();
        GreyFrame to = current.frame();
        if (!from.sameGeometry(to)) {
            return MotionEstimate.failed("the frame size changed from " + from.sourceWidth() + "x"
                    + from.sourceHeight() + " to " + to.sourceWidth() + "x" + to.sourceHeight(), 0, 0);
        }
        if (previous.cornerCount() < config.minInliers()) {
            return MotionEstimate.failed("the previous frame has " + previous.cornerCount()
                    + " corners, fewer than the " + config.minInliers() + " inliers required", 0, 0);
        }
        try (PointerScope scope = new PointerScope()) {
            float[][] pairs = trackCorners(previous, to);
            return fitHomography(pairs[0], pairs[1], from, new ArrayList<>());
        }
    }

    /**
     * Estimates the motion from the frame of {@code previous} to {@code image}, and returns it with
     * the features of {@code image} for the next step. The corners that the optical flow tracked
     * into {@code image} and that RANSAC kept as inliers become the corners of {@code image} while
     * at least half of {@link MotionEstimatorConfig#maxCorners()} remain, as in KLT trackers.
     * Otherwise, and after a failed estimate, corners are detected anew. Reusing them saves the
     * corner detection on most frames.
     */
    public MotionStep step(FrameFeatures previous, BgrImage image) {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(image, "image");
        try (PointerScope scope = new PointerScope()) {
            Mat grey = greyDownscaled(image);
            GreyFrame to = greyFrame(grey, image);
            MotionEstimate estimate;
            float[] inliers = new float[0];
            if (!previous.frame().sameGeometry(to) || previous.cornerCount() < config.minInliers()) {
                estimate = estimate(previous, new FrameFeatures(to, new float[0]));
            } else {
                float[][] pairs = trackCorners(previous, to);
                List<Integer> inlierIndices = new ArrayList<>();
                estimate = fitHomography(pairs[0], pairs[1], previous.frame(), inlierIndices);
                inliers = estimate.succeeded() ? select(pairs[1], inlierIndices) : inliers;
            }
            boolean reuse = inliers.length / 2 >= Math.max(config.minInliers(), config.maxCorners() / 2);
            FrameFeatures features = new FrameFeatures(to, reuse ? inliers : detectCorners(grey));
            return new MotionStep(estimate, features, reuse);
        }
    }

    private static float[] select(float[] points, List<Integer> indices) {
        float[] selected = new float[2 * indices.size()];
        for (int i = 0; i < indices.size(); i++) {
            selected[2 * i] = points[2 * indices.get(i)];
            selected[2 * i + 1] = points[2 * indices.get(i) + 1];
        }
        return selected;
    }

    private static GreyFrame greyFrame(Mat grey, BgrImage image) {
        byte[] pixels = new byte[grey.cols() * grey.rows()];
        grey.data().get(pixels);
        return new GreyFrame(grey.cols(), grey.rows(), pixels, image.width(), image.height());
    }

    private Mat greyDownscaled(BgrImage image) {
        Mat bgr = new Mat(image.height(), image.width(), CV_8UC3, new BytePointer(image.pixels()));
        Mat grey = new Mat();
        cvtColor(bgr, grey, COLOR_BGR2GRAY);
        if (image.width() <= config.maxFrameWidth()) {
            return grey;
        }
        int width = config.maxFrameWidth();
        int height = (int) Math.max(1, Math.round((double) image.height() * width / image.width()));
        Mat small = new Mat();
        resize(grey, small, new Size(width, height), 0, 0, INTER_AREA);
        return small;
    }

    private float[] detectCorners(Mat grey) {
        Mat corners = new Mat();
        goodFeaturesToTrack(grey, corners, config.maxCorners(), config.cornerQuality(), config.minCornerDistance());
        return readPoints(corners, corners.rows());
    }

    /**
     * Tracks the previous frame's corners into the current grey frame and returns the pairs that
     * were found again inside the frame: previous positions, then current positions, as x, y pairs.
     */
    private float[][] trackCorners(FrameFeatures previous, GreyFrame to) {
        int count = previous.cornerCount();
        Mat previousPoints = new Mat(count, 1, CV_32FC2, new FloatPointer(previous.corners()));
        Mat currentPoints = new Mat();
        Mat status = new Mat();
        Mat errors = new Mat();
        int window = config.flowWindowSize();
        TermCriteria stop = new TermCriteria(TermCriteria.COUNT + TermCriteria.EPS, FLOW_MAX_ITERATIONS, FLOW_EPSILON);
        calcOpticalFlowPyrLK(greyMat(previous.frame()), greyMat(to), previousPoints, currentPoints, status, errors,
                new Size(window, window), config.pyramidLevels(), stop, 0, FLOW_MIN_EIGENVALUE);

        float[] before = previous.corners();
        float[] after = readPoints(currentPoints, count);
        float[] trackedBefore = new float[before.length];
        float[] trackedAfter = new float[before.length];
        int tracked = 0;
        try (UByteIndexer found = status.createIndexer()) {
            for (int i = 0; i < count; i++) {
                float x = after[2 * i];
                float y = after[2 * i + 1];
                if (found.get(i, 0) == 1 && x >= 0 && y >= 0 && x <= to.width() - 1 && y <= to.height() - 1) {
                    trackedBefore[2 * tracked] = before[2 * i];
                    trackedBefore[2 * tracked + 1] = before[2 * i + 1];
                    trackedAfter[2 * tracked] = x;
                    trackedAfter[2 * tracked + 1] = y;
                    tracked++;
                }
            }
        }
        return new float[][] {
            Arrays.copyOf(trackedBefore, 2 * tracked), Arrays.copyOf(trackedAfter, 2 * tracked)
        };
    }

    /** Fits the homography with RANSAC and adds the indices of its inlier pairs to {@code inlierIndices}. */
    private MotionEstimate fitHomography(float[] before, float[] after, GreyFrame frame, List<Integer> inlierIndices) {
        int tracked = before.length / 2;
        if (tracked < config.minInliers()) {
            return MotionEstimate.failed("only " + tracked + " corners were tracked, fewer than the "
                    + config.minInliers() + " inliers required", tracked, 0);
        }
        Mat source = new Mat(tracked, 1, CV_32FC2, new FloatPointer(before));
        Mat target = new Mat(tracked, 1, CV_32FC2, new FloatPointer(after));
        Mat inlierMask = new Mat();
        Mat fitted = findHomography(source, target, RANSAC, config.ransacThreshold(), inlierMask,
                RANSAC_MAX_ITERATIONS, RANSAC_CONFIDENCE);
        if (fitted.empty()) {
            return MotionEstimate.failed("RANSAC found no homography for " + tracked + " tracked corners", tracked, 0);
        }
        int inliers = countNonZero(inlierMask);
        try (UByteIndexer mask = inlierMask.createIndexer()) {
            for (int i = 0; i < tracked; i++) {
                if (mask.get(i, 0) != 0) {
                    inlierIndices.add(i);
                }
            }
        }
        if (inliers < config.minInliers() || (double) inliers / tracked < config.minInlierRatio()) {
            return MotionEstimate.failed(inliers + " of " + tracked + " tracked corners are RANSAC inliers, below the"
                    + " minimum of " + config.minInliers() + " and " + config.minInlierRatio(), tracked, inliers);
        }
        Homography homography;
        try {
            homography = toSourcePixels(readMatrix(fitted), frame);
        } catch (IllegalArgumentException e) {
            return MotionEstimate.failed("RANSAC returned a degenerate homography: " + e.getMessage(), tracked, inliers);
        }
        String implausible = implausibility(homography, frame);
        return implausible == null
                ? MotionEstimate.of(homography, tracked, inliers)
                : MotionEstimate.failed(implausible, tracked, inliers);
    }

    /**
     * Converts a homography between grey-frame pixels to one between decoded-frame pixels. With
     * pixel centres at integer coordinates, downscaling maps x to {@code sx * x + (sx - 1) / 2},
     * which is the matrix T below, so the decoded-frame homography is T^-1 H T.
     */
    static Homography toSourcePixels(double[] grey, GreyFrame frame) {
        double sx = frame.scaleX();
        double sy = frame.scaleY();
        Homography toGrey = Homography.of(sx, 0, (sx - 1) / 2, 0, sy, (sy - 1) / 2, 0, 0, 1);
        Homography fromGrey = Homography.of(1 / sx, 0, -(sx - 1) / (2 * sx), 0, 1 / sy, -(sy - 1) / (2 * sy), 0, 0, 1);
        return fromGrey.after(Homography.of(grey).after(toGrey));
    }

    /** Returns why the homography cannot be a camera's frame-to-frame motion, or null if it can. */
    private static String implausibility(Homography homography, GreyFrame frame) {
        double width = frame.sourceWidth();
        double height = frame.sourceHeight();
        double[][] corners = {{0, 0}, {width, 0}, {width, height}, {0, height}};
        double[] xs = new double[4];
        double[] ys = new double[4];
        for (int i = 0; i < 4; i++) {
            if (!homography.canMap(corners[i][0], corners[i][1])) {
                return "the homography maps a frame corner beyond its horizon line: " + homography;
            }
            Point mapped = homography.map(corners[i][0], corners[i][1]);
            xs[i] = mapped.x();
            ys[i] = mapped.y();
        }
        double area = 0;
        for (int i = 0; i < 4; i++) {
            int next = (i + 1) % 4;
            area += xs[i] * ys[next] - xs[next] * ys[i];
        }
        double ratio = area / 2 / (width * height);
        if (ratio < MIN_AREA_RATIO || ratio > MAX_AREA_RATIO) {
            return "the homography changes the frame's area by a factor of " + ratio + ", outside ["
                    + MIN_AREA_RATIO + ", " + MAX_AREA_RATIO + "]: " + homography;
        }
        return null;
    }

    private static Mat greyMat(GreyFrame frame) {
        return new Mat(frame.height(), frame.width(), CV_8UC1, new BytePointer(frame.pixels()));
    }

    /** Reads {@code count} points of a two-channel float matrix with one column as x, y pairs. */
    private static float[] readPoints(Mat points, int count) {
        float[] coordinates = new float[2 * count];
        if (count == 0) {
            return coordinates;
        }
        try (FloatIndexer indexer = points.createIndexer()) {
            for (int i = 0; i < count; i++) {
                coordinates[2 * i] = indexer.get(i, 0, 0);
                coordinates[2 * i + 1] = indexer.get(i, 0, 1);
            }
        }
        return coordinates;
    }

    private static double[] readMatrix(Mat matrix) {
        double[] entries = new double[9];
        try (DoubleIndexer indexer = matrix.createIndexer()) {
            for (int row = 0; row < 3; row++) {
                for (int column = 0; column < 3; column++) {
                    entries[row * 3 + column] = indexer.get(row, column);
                }
            }
        }
        return entries;
    }
}
