package io.uavstream.odometry;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.goodFeaturesToTrack;
import static org.bytedeco.opencv.global.opencv_video.calcOpticalFlowPyrLK;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.TermCriteria;

/**
 * Shi-Tomasi corners tracked by pyramidal Lucas-Kanade optical flow (KLT), with an optional
 * forward-backward check that drops a feature whose backward track misses its start. Positions
 * are OpenCV pixel coordinates of the processed frame (pixel centres on integers). Call inside a
 * {@code PointerScope}.
 */
final class KltTracker {

    private static final int FLOW_MAX_ITERATIONS = 30;
    private static final double FLOW_EPSILON = 0.01;
    private static final double FLOW_MIN_EIGENVALUE = 1e-4;

    private final OdometryConfig config;

    KltTracker(OdometryConfig config) {
        this.config = config;
    }

    /**
     * Detects up to {@code maxNew} corners at least the min feature distance away from the
     * {@code existingCount} existing features.
     *
     * @return new corners as x, y pairs
     */
    float[] detect(Mat grey, float[] existing, int existingCount, int maxNew) {
        return detect(grey, existing, existingCount, maxNew, new Mat(grey.rows(), grey.cols(), CV_8UC1, new Scalar(255)));
    }

    /** Like {@link #detect(Mat, float[], int, int)}, only where {@code mask} (8-bit, one channel) is non-zero; modifies the mask. */
    float[] detect(Mat grey, float[] existing, int existingCount, int maxNew, Mat mask) {
        if (maxNew <= 0) {
            return new float[0];
        }
        int radius = (int) Math.ceil(config.minFeatureDistance());
        for (int i = 0; i < existingCount; i++) {
            circle(mask, new Point(Math.round(existing[2 * i]), Math.round(existing[2 * i + 1])), radius,
                    new Scalar(0), FILLED, 8, 0);
        }
        Mat corners = new Mat();
        goodFeaturesToTrack(grey, corners, maxNew, config.featureQuality(), config.minFeatureDistance(), mask, 3, false, 0.04);
        return OpenCvMats.readPoints2f(corners, corners.rows());
    }

    /**
     * Tracks {@code count} features from {@code previous} into {@code current}.
     *
     * @param tracked receives the positions in the current frame as x, y pairs
     * @return per feature, whether it was found inside the current frame and passed the check
     */
    boolean[] track(Mat previous, Mat current, float[] positions, int count, float[] tracked) {
        boolean[] found = new boolean[count];
        if (count == 0) {
            return found;
        }
        Mat before = OpenCvMats.points2f(positions, count);
        Mat after = new Mat();
        Mat status = new Mat();
        Mat errors = new Mat();
        Size window = new Size(config.flowWindowSize(), config.flowWindowSize());
        TermCriteria stop = new TermCriteria(TermCriteria.COUNT + TermCriteria.EPS, FLOW_MAX_ITERATIONS, FLOW_EPSILON);
        calcOpticalFlowPyrLK(previous, current, before, after, status, errors, window, config.pyramidLevels(), stop, 0,
                FLOW_MIN_EIGENVALUE);
        float[] forward = OpenCvMats.readPoints2f(after, count);
        boolean[] forwardFound = readStatus(status, count);

        boolean[] backwardFound = null;
        float[] backward = null;
        if (config.forwardBackwardThreshold() > 0) {
            Mat back = new Mat();
            Mat backStatus = new Mat();
            calcOpticalFlowPyrLK(current, previous, after, back, backStatus, errors, window, config.pyramidLevels(), stop,
                    0, FLOW_MIN_EIGENVALUE);
            backward = OpenCvMats.readPoints2f(back, count);
            backwardFound = readStatus(backStatus, count);
        }

        double maxDistance = config.forwardBackwardThreshold();
        int width = current.cols();
        int height = current.rows();
        for (int i = 0; i < count; i++) {
            float x = forward[2 * i];
            float y = forward[2 * i + 1];
            boolean ok = forwardFound[i] && x >= 0 && y >= 0 && x <= width - 1 && y <= height - 1;
            if (ok && backward != null) {
                double dx = backward[2 * i] - positions[2 * i];
                double dy = backward[2 * i + 1] - positions[2 * i + 1];
                ok = backwardFound[i] && dx * dx + dy * dy <= maxDistance * maxDistance;
            }
            found[i] = ok;
            tracked[2 * i] = x;
            tracked[2 * i + 1] = y;
        }
        return found;
    }

    private static boolean[] readStatus(Mat status, int count) {
        boolean[] found = new boolean[count];
        try (UByteIndexer indexer = status.createIndexer()) {
            for (int i = 0; i < count; i++) {
                found[i] = indexer.get(i, 0) == 1;
            }
        }
        return found;
    }
}
