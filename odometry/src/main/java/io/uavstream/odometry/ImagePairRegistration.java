package io.uavstream.odometry;

import static org.bytedeco.opencv.global.opencv_calib3d.RANSAC;
import static org.bytedeco.opencv.global.opencv_calib3d.findHomography;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.NORM_HAMMING;
import static org.bytedeco.opencv.global.opencv_core.NORM_L2;
import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.erode;
import static org.bytedeco.opencv.global.opencv_imgproc.warpPerspective;

import java.util.Arrays;
import java.util.Objects;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.DMatchVector;
import org.bytedeco.opencv.opencv_core.DMatchVectorVector;
import org.bytedeco.opencv.opencv_core.KeyPointVector;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_features2d.AKAZE;
import org.bytedeco.opencv.opencv_features2d.AffineFeature;
import org.bytedeco.opencv.opencv_features2d.BFMatcher;
import org.bytedeco.opencv.opencv_features2d.Feature2D;
import org.bytedeco.opencv.opencv_features2d.ORB;
import org.bytedeco.opencv.opencv_features2d.SIFT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the homography between two images that differ too much for optical flow, such as a large
 * displacement, rotation or change of scale. Keypoints with descriptors are matched brute force
 * with Lowe's ratio test, which keeps a match only when it is clearly closer than the second
 * best, and a homography is fitted to the matches with RANSAC. Thread-safe; every call allocates and frees
 * its OpenCV objects in one {@link PointerScope}.
 */
public final class ImagePairRegistration {

    private static final Logger LOG = LoggerFactory.getLogger(ImagePairRegistration.class);

    /** Coarse inliers needed before the fine pass is tried; fewer are likely a chance agreement. */
    private static final int MIN_COARSE_INLIERS = 12;
    private static final int RANSAC_ITERATIONS = 5000;
    /** Corners and KLT window side in pixels of the fine pass. */
    private static final int FINE_CORNERS = 1000;
    private static final int FINE_WINDOW = 21;
    private static final int FINE_PASSES = 3;
    /** Largest area change between the images, either way, at which the fine pass still tracks corners. */
    private static final double MAX_AREA_CHANGE = 2.5;
    private static final double RANSAC_CONFIDENCE = 0.999;

    private final FeatureDetector detector;
    private final int maxFeatures;
    private final double ratio;
    private final double ransacThreshold;

    /**
     * @param detector keypoint detector and descriptor
     * @param maxFeatures max keypoints per image (ORB and SIFT; AKAZE keeps all it finds); at least 10
     * @param ratio max distance of the best match over the second best, in (0, 1); 0.75 is usual
     * @param ransacThreshold max reprojection error of an inlier in pixels; positive
     */
    public ImagePairRegistration(FeatureDetector detector, int maxFeatures, double ratio, double ransacThreshold) {
        this.detector = Objects.requireNonNull(detector, "detector");
        if (maxFeatures < 10) {
            throw new IllegalArgumentException("maxFeatures must be at least 10, got " + maxFeatures);
        }
        if (!(ratio > 0 && ratio < 1)) {
            throw new IllegalArgumentException("ratio must be in (0, 1), got " + ratio);
        }
        if (!(ransacThreshold > 0)) {
            throw new IllegalArgumentException("ransacThreshold must be positive, got " + ransacThreshold);
        }
        this.maxFeatures = maxFeatures;
        this.ratio = ratio;
        this.ransacThreshold = ransacThreshold;
    }

    /**
     * Returns affine SIFT with 1000 features per simulated view, ratio 0.8 and a 4-pixel RANSAC
     * threshold, which allows for the parallax of buildings in oblique views.
     */
    public static ImagePairRegistration defaults() {
        return new ImagePairRegistration(FeatureDetector.AFFINE_SIFT, 1000, 0.8, 4.0);
    }

    /**
     * Finds the homography from {@code first} to {@code second} in two passes. The coarse pass
     * matches the configured detector's descriptors between the two images. When it finds a
     * homography, the fine pass warps {@code first} with it onto {@code second}, where the two now
     * differ only by the coarse error, and matches corners by optical flow (see {@link #refine});
     * each fine pass starts from the previous one's homography. The result is the fine pass with
     * the highest inlier ratio, or the coarse pass when no fine pass finds a homography.
     */
    public RegistrationResult register(GreyImage first, GreyImage second) {
        try (PointerScope scope = new PointerScope()) {
            Mat firstMat = OpenCvMats.grey(first);
            Mat secondMat = OpenCvMats.grey(second);
            RegistrationResult coarse = match(create(detector), firstMat, secondMat);
            if (!coarse.found() || coarse.inliers() < MIN_COARSE_INLIERS) {
                LOG.info("Coarse {} pass found {} inliers among {} matches; no fine pass", detector, coarse.inliers(),
                        coarse.matches());
                return coarse;
            }
            RegistrationResult best = coarse;
            RegistrationResult latest = coarse;
            for (int pass = 1; pass <= FINE_PASSES; pass++) {
                latest = refine(firstMat, secondMat, latest.homography());
                LOG.info("Fine KLT pass {}: {} of {} matches are inliers (coarse {} pass: {} of {})", pass,
                        latest.inliers(), latest.matches(), detector, coarse.inliers(), coarse.matches());
                if (!latest.found() || latest.inliers() < MIN_COARSE_INLIERS) {
                    break;
                }
                if (best == coarse || latest.inlierRatio() > best.inlierRatio()) {
                    best = latest;
                }
            }
            return best;
        }
    }

    /**
     * Warps {@code first} onto {@code second} with the coarse homography, tracks corners of
     * {@code second} inside the warped area into the warped image by pyramidal KLT with a
     * forward-backward check, maps the tracked positions back into {@code first}, and fits the
     * homography to these pairs with RANSAC.
     */
    private RegistrationResult refine(Mat first, Mat second, double[] coarse) {
        Mat homography = OpenCvMats.doubles(3, 3, coarse);
        Mat warped = new Mat();
        warpPerspective(first, warped, homography, second.size());

        Mat coverage = new Mat();
        warpPerspective(new Mat(first.size(), CV_8UC1, new Scalar(255)), coverage, homography, second.size(),
                INTER_NEAREST, BORDER_CONSTANT, new Scalar(0));
        erode(coverage, coverage, new Mat(), new Point(-1, -1), FINE_WINDOW, BORDER_CONSTANT, new Scalar(0));
        excludeStretched(coverage, ModelSelector.invert(coarse));

        OdometryConfig flow = OdometryConfig.builder().maxFeatures(FINE_CORNERS).keyframeMinTracks(FINE_CORNERS)
                .minFeatureDistance(7).flowWindowSize(FINE_WINDOW).pyramidLevels(3).forwardBackwardThreshold(1.0).build();
        KltTracker tracker = new KltTracker(flow);
        float[] corners = tracker.detect(second, new float[0], 0, FINE_CORNERS, coverage);
        int count = corners.length / 2;
        float[] tracked = new float[corners.length];
        boolean[] found = tracker.track(second, warped, corners, count, tracked);

        double[] toFirst = ModelSelector.invert(coarse);
        int matches = OpenCvMats.count(found);
        float[] firstPoints = new float[2 * matches];
        float[] secondPoints = new float[2 * matches];
        int k = 0;
        for (int i = 0; i < count; i++) {
            if (found[i]) {
                float[] back = map(toFirst, new float[] {tracked[2 * i], tracked[2 * i + 1]});
                firstPoints[2 * k] = back[0];
                firstPoints[2 * k + 1] = back[1];
                secondPoints[2 * k] = corners[2 * i];
                secondPoints[2 * k + 1] = corners[2 * i + 1];
                k++;
            }
        }

        if (matches < 4) {
            return new RegistrationResult(null, 0, count, matches, 0, new boolean[matches], firstPoints, secondPoints);
        }
        Mat mask = new Mat();
        Mat fitted = findHomography(OpenCvMats.points2f(firstPoints, matches), OpenCvMats.points2f(secondPoints, matches),
                RANSAC, ransacThreshold, mask, RANSAC_ITERATIONS, RANSAC_CONFIDENCE);
        boolean[] inliers = OpenCvMats.readMask(mask, matches);
        double[] fine = fitted.empty() ? null : OpenCvMats.readDoubles(fitted);
        return new RegistrationResult(fine, 0, count, matches, fine == null ? 0 : OpenCvMats.count(inliers), inliers,
                firstPoints, secondPoints);
    }

    /**
     * Clears the mask where the homography stretches {@code first} by more than
     * {@link #MAX_AREA_CHANGE} in area, because the warped texture there is too blurred to track.
     * For the inverse homography G (second to first), the Jacobian determinant at pixel (x, y) is
     * det(G) / w^3 with w = g31 x + g32 y + g33.
     */
    private static void excludeStretched(Mat mask, double[] g) {
        double determinant = g[0] * (g[4] * g[8] - g[5] * g[7]) - g[1] * (g[3] * g[8] - g[5] * g[6])
                + g[2] * (g[3] * g[7] - g[4] * g[6]);
        try (UByteIndexer indexer = mask.createIndexer()) {
            for (int y = 0; y < mask.rows(); y++) {
                for (int x = 0; x < mask.cols(); x++) {
                    double w = g[6] * x + g[7] * y + g[8];
                    double areaChange = Math.abs(determinant / (w * w * w));
                    if (areaChange > MAX_AREA_CHANGE || areaChange < 1 / MAX_AREA_CHANGE) {
                        indexer.put(y, x, 0);
                    }
                }
            }
        }
    }

    private RegistrationResult match(Feature2D features, Mat first, Mat second) {
        KeyPointVector firstKeypoints = new KeyPointVector();
        KeyPointVector secondKeypoints = new KeyPointVector();
        Mat firstDescriptors = new Mat();
        Mat secondDescriptors = new Mat();
        features.detectAndCompute(first, new Mat(), firstKeypoints, firstDescriptors);
        features.detectAndCompute(second, new Mat(), secondKeypoints, secondDescriptors);
        int firstCount = (int) firstKeypoints.size();
        int secondCount = (int) secondKeypoints.size();
        if (firstCount < 2 || secondCount < 2) {
            return new RegistrationResult(null, firstCount, secondCount, 0, 0, new boolean[0], new float[0], new float[0]);
        }
        BFMatcher matcher = new BFMatcher(firstDescriptors.depth() == CV_8U ? NORM_HAMMING : NORM_L2, false);
        DMatchVectorVector candidates = new DMatchVectorVector();
        matcher.knnMatch(firstDescriptors, secondDescriptors, candidates, 2);
        float[][] pairs = ratioTest(candidates, firstKeypoints, secondKeypoints);
        int matches = pairs[0].length / 2;
        if (matches < 4) {
            return new RegistrationResult(null, firstCount, secondCount, matches, 0, new boolean[matches], pairs[0],
                    pairs[1]);
        }
        Mat mask = new Mat();
        Mat fitted = findHomography(OpenCvMats.points2f(pairs[0], matches), OpenCvMats.points2f(pairs[1], matches),
                RANSAC, ransacThreshold, mask, RANSAC_ITERATIONS, RANSAC_CONFIDENCE);
        boolean[] inliers = OpenCvMats.readMask(mask, matches);
        double[] homography = fitted.empty() ? null : OpenCvMats.readDoubles(fitted);
        return new RegistrationResult(homography, firstCount, secondCount, matches,
                homography == null ? 0 : OpenCvMats.count(inliers), inliers, pairs[0], pairs[1]);
    }

    private static float[] map(double[] h, float[] points) {
        float[] mapped = new float[points.length];
        for (int i = 0; i < points.length / 2; i++) {
            double x = points[2 * i];
            double y = points[2 * i + 1];
            double w = h[6] * x + h[7] * y + h[8];
            mapped[2 * i] = (float) ((h[0] * x + h[1] * y + h[2]) / w);
            mapped[2 * i + 1] = (float) ((h[3] * x + h[4] * y + h[5]) / w);
        }
        return mapped;
    }

    private Feature2D create(FeatureDetector kind) {
        return switch (kind) {
            case ORB -> ORB.create(maxFeatures, 1.2f, 8, 31, 0, 2, ORB.HARRIS_SCORE, 31, 20);
            case AKAZE -> AKAZE.create();
            case SIFT -> SIFT.create(maxFeatures, 3, 0.04, 10, 1.6, false);
            case AFFINE_SIFT -> AffineFeature.create(SIFT.create(maxFeatures, 3, 0.04, 10, 1.6, false));
        };
    }

    /** Keeps the matches whose best distance is below {@code ratio} times the second best. */
    private float[][] ratioTest(DMatchVectorVector candidates, KeyPointVector first, KeyPointVector second) {
        int count = (int) candidates.size();
        float[] from = new float[2 * count];
        float[] to = new float[2 * count];
        int kept = 0;
        for (int i = 0; i < count; i++) {
            DMatchVector pair = candidates.get(i);
            if (pair.size() < 2 || pair.get(0).distance() >= ratio * pair.get(1).distance()) {
                continue;
            }
            Point2f a = first.get(pair.get(0).queryIdx()).pt();
            Point2f b = second.get(pair.get(0).trainIdx()).pt();
            from[2 * kept] = a.x();
            from[2 * kept + 1] = a.y();
            to[2 * kept] = b.x();
            to[2 * kept + 1] = b.y();
            kept++;
        }
        return new float[][] {Arrays.copyOf(from, 2 * kept), Arrays.copyOf(to, 2 * kept)};
    }
}
