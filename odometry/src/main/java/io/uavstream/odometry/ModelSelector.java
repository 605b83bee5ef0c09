package io.uavstream.odometry;

import static org.bytedeco.opencv.global.opencv_calib3d.RANSAC;
import static org.bytedeco.opencv.global.opencv_calib3d.findEssentialMat;
import static org.bytedeco.opencv.global.opencv_calib3d.findHomography;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Fits a homography and an essential matrix between the keyframe and the current frame with
 * RANSAC and chooses one by a robust score: each model scores, per point and direction, the
 * truncated chi-square margin {@code max(0, T - e^2 / sigma^2)} of its transfer error e, with
 * T = 5.99 (two degrees of freedom) for the homography and 3.84 (one degree) for the epipolar
 * distance, both counted against 5.99 so that the models compare fairly. The homography wins when
 * its share of the summed scores exceeds {@link OdometryConfig#homographyScoreRatio()}. With
 * little parallax the essential matrix is not tried, because its translation is unobservable.
 * Coordinates are normalized; errors are converted to pixels with the mean focal length.
 */
final class ModelSelector {

    private static final double CHI2_TWO_DOF = 5.991;
    private static final double CHI2_ONE_DOF = 3.841;
    private static final int RANSAC_ITERATIONS = 1000;
    private static final double RANSAC_CONFIDENCE = 0.999;

    /** The chosen model; the essential matrix and its inliers are set only when it was chosen. */
    record Choice(MotionModel model, double homographyShare, double[] essential, boolean[] essentialInliers) {
    }

    private final OdometryConfig config;

    ModelSelector(OdometryConfig config) {
        this.config = config;
    }

    /** Chooses the model for {@code count} point pairs; call inside a {@code PointerScope}. */
    Choice choose(double[] keyframe, double[] current, int count, double medianParallax, double focal) {
        if (medianParallax < config.essentialMinParallax() || count < 8) {
            return new Choice(MotionModel.HOMOGRAPHY, 1, null, null);
        }
        double threshold = config.ransacThreshold() / focal;
        Mat from = OpenCvMats.points2d(keyframe, count);
        Mat to = OpenCvMats.points2d(current, count);
        Mat homographyMat = findHomography(from, to, RANSAC, threshold, new Mat(), RANSAC_ITERATIONS, RANSAC_CONFIDENCE);
        Mat essentialMask = new Mat();
        Mat essentialMat = findEssentialMat(from, to, OpenCvMats.identity3(), RANSAC, RANSAC_CONFIDENCE, threshold,
                RANSAC_ITERATIONS, essentialMask);
        if (essentialMat.empty() || essentialMat.rows() != 3) {
            return new Choice(MotionModel.HOMOGRAPHY, 1, null, null);
        }
        if (homographyMat.empty()) {
            return new Choice(MotionModel.ESSENTIAL, 0, OpenCvMats.readDoubles(essentialMat),
                    OpenCvMats.readMask(essentialMask, count));
        }
        double[] h = OpenCvMats.readDoubles(homographyMat);
        double[] e = OpenCvMats.readDoubles(essentialMat);
        double sigma = config.ransacThreshold() / 1.5;
        double homographyScore = homographyScore(h, keyframe, current, count, focal, sigma);
        double essentialScore = essentialScore(e, keyframe, current, count, focal, sigma);
        double share = homographyScore / Math.max(1e-12, homographyScore + essentialScore);
        if (share > config.homographyScoreRatio()) {
            return new Choice(MotionModel.HOMOGRAPHY, share, null, null);
        }
        return new Choice(MotionModel.ESSENTIAL, share, e, OpenCvMats.readMask(essentialMask, count));
    }

    static double homographyScore(double[] h, double[] from, double[] to, int count, double focal, double sigma) {
        double[] inverse = invert(h);
        double scale = focal * focal / (sigma * sigma);
        double score = 0;
        for (int i = 0; i < count; i++) {
            double x1 = from[2 * i];
            double y1 = from[2 * i + 1];
            double x2 = to[2 * i];
            double y2 = to[2 * i + 1];
            score += margin(transferError(h, x1, y1, x2, y2) * scale, CHI2_TWO_DOF);
            score += margin(transferError(inverse, x2, y2, x1, y1) * scale, CHI2_TWO_DOF);
        }
        return score;
    }

    static double essentialScore(double[] e, double[] from, double[] to, int count, double focal, double sigma) {
        double scale = focal * focal / (sigma * sigma);
        double score = 0;
        for (int i = 0; i < count; i++) {
            double x1 = from[2 * i];
            double y1 = from[2 * i + 1];
            double x2 = to[2 * i];
            double y2 = to[2 * i + 1];
            double a2 = e[0] * x1 + e[1] * y1 + e[2];
            double b2 = e[3] * x1 + e[4] * y1 + e[5];
            double c2 = e[6] * x1 + e[7] * y1 + e[8];
            double residual = a2 * x2 + b2 * y2 + c2;
            double a1 = e[0] * x2 + e[3] * y2 + e[6];
            double b1 = e[1] * x2 + e[4] * y2 + e[7];
            double toLine2 = residual * residual / Math.max(1e-18, a2 * a2 + b2 * b2);
            double toLine1 = residual * residual / Math.max(1e-18, a1 * a1 + b1 * b1);
            score += toLine2 * scale < CHI2_ONE_DOF ? CHI2_TWO_DOF - toLine2 * scale : 0;
            score += toLine1 * scale < CHI2_ONE_DOF ? CHI2_TWO_DOF - toLine1 * scale : 0;
        }
        return score;
    }

    private static double margin(double squaredError, double threshold) {
        return squaredError < threshold ? threshold - squaredError : 0;
    }

    private static double transferError(double[] h, double x1, double y1, double x2, double y2) {
        double w = h[6] * x1 + h[7] * y1 + h[8];
        if (Math.abs(w) < 1e-12) {
            return Double.POSITIVE_INFINITY;
        }
        double dx = (h[0] * x1 + h[1] * y1 + h[2]) / w - x2;
        double dy = (h[3] * x1 + h[4] * y1 + h[5]) / w - y2;
        return dx * dx + dy * dy;
    }

    static double[] invert(double[] m) {
        double a = m[4] * m[8] - m[5] * m[7];
        double b = m[5] * m[6] - m[3] * m[8];
        double c = m[3] * m[7] - m[4] * m[6];
        double determinant = m[0] * a + m[1] * b + m[2] * c;
        double f = 1 / determinant;
        return new double[] {
            a * f, (m[2] * m[7] - m[1] * m[8]) * f, (m[1] * m[5] - m[2] * m[4]) * f,
            b * f, (m[0] * m[8] - m[2] * m[6]) * f, (m[2] * m[3] - m[0] * m[5]) * f,
            c * f, (m[1] * m[6] - m[0] * m[7]) * f, (m[0] * m[4] - m[1] * m[3]) * f
        };
    }
}
