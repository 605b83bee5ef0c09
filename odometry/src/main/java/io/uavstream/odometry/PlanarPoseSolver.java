package io.uavstream.odometry;

import static org.bytedeco.opencv.global.opencv_calib3d.RANSAC;
import static org.bytedeco.opencv.global.opencv_calib3d.Rodrigues;
import static org.bytedeco.opencv.global.opencv_calib3d.SOLVEPNP_ITERATIVE;
import static org.bytedeco.opencv.global.opencv_calib3d.findHomography;
import static org.bytedeco.opencv.global.opencv_calib3d.solvePnP;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Camera pose from features whose ground points are known: the homography from the ground plane
 * z = 0 to normalized image coordinates is {@code H ~ [r1 r2 t]}, with r1, r2 the first two columns
 * of the world-to-camera rotation and t the world origin in camera coordinates, so its
 * decomposition gives the pose with the scale of the ground points, that is, the camera height
 * they were made with. RANSAC rejects moving objects and raised surfaces; Levenberg-Marquardt
 * (OpenCV's iterative PnP) then refines the pose on the inliers.
 */
final class PlanarPoseSolver {

    private static final int RANSAC_ITERATIONS = 500;
    private static final double RANSAC_CONFIDENCE = 0.999;

    /** A pose and, per input point, whether it is an inlier. */
    record Solution(WorldPose pose, boolean[] inliers, int inlierCount) {
    }

    private final OdometryConfig config;

    PlanarPoseSolver(OdometryConfig config) {
        this.config = config;
    }

    /** Returns the pose, or null when RANSAC finds no valid plane-induced homography; call inside a {@code PointerScope}. */
    Solution solve(double[] ground, double[] normalized, int count, double focal) {
        if (count < 4) {
            return null;
        }
        Mat groundMat = OpenCvMats.points2d(ground, count);
        Mat imageMat = OpenCvMats.points2d(normalized, count);
        Mat mask = new Mat();
        Mat fitted = findHomography(groundMat, imageMat, RANSAC, config.ransacThreshold() / focal, mask,
                RANSAC_ITERATIONS, RANSAC_CONFIDENCE);
        if (fitted.empty()) {
            return null;
        }
        boolean[] inliers = OpenCvMats.readMask(mask, count);
        int inlierCount = OpenCvMats.count(inliers);
        double[] worldToCamera = new double[9];
        double[] translation = new double[3];
        if (!decompose(OpenCvMats.readDoubles(fitted), ground, inliers, worldToCamera, translation)) {
            return null;
        }
        refine(ground, normalized, inliers, inlierCount, worldToCamera, translation);
        double[] cameraToWorld = Rotations.transpose(worldToCamera);
        double[] centre = Rotations.scale(Rotations.apply(cameraToWorld, translation[0], translation[1], translation[2]), -1);
        if (!(centre[2] > 0)) {
            return null;
        }
        return new Solution(new WorldPose(cameraToWorld, centre), inliers, inlierCount);
    }

    /** Splits H = lambda [r1 r2 t], choosing the sign of lambda that puts the inliers in front of the camera. */
    static boolean decompose(double[] h, double[] ground, boolean[] inliers, double[] rotation, double[] translation) {
        double n1 = Math.sqrt(h[0] * h[0] + h[3] * h[3] + h[6] * h[6]);
        double n2 = Math.sqrt(h[1] * h[1] + h[4] * h[4] + h[7] * h[7]);
        if (!(n1 > 0) || !(n2 > 0)) {
            return false;
        }
        double lambda = 2 / (n1 + n2);
        int sample = firstSet(inliers);
        if (sample < 0) {
            return false;
        }
        double depth = h[6] * ground[2 * sample] + h[7] * ground[2 * sample + 1] + h[8];
        if (depth < 0) {
            lambda = -lambda;
        }
        double[] approximate = {
            lambda * h[0], lambda * h[1], 0,
            lambda * h[3], lambda * h[4], 0,
            lambda * h[6], lambda * h[7], 0
        };
        double[] r = Rotations.orthonormalize(approximate);
        System.arraycopy(r, 0, rotation, 0, 9);
        translation[0] = lambda * h[2];
        translation[1] = lambda * h[5];
        translation[2] = lambda * h[8];
        return true;
    }

    private static void refine(double[] ground, double[] normalized, boolean[] inliers, int inlierCount,
            double[] rotation, double[] translation) {
        if (inlierCount < 6) {
            return;
        }
        double[] objectXy = new double[2 * inlierCount];
        double[] imageXy = new double[2 * inlierCount];
        int k = 0;
        for (int i = 0; i < inliers.length; i++) {
            if (inliers[i]) {
                objectXy[2 * k] = ground[2 * i];
                objectXy[2 * k + 1] = ground[2 * i + 1];
                imageXy[2 * k] = normalized[2 * i];
                imageXy[2 * k + 1] = normalized[2 * i + 1];
                k++;
            }
        }
        Mat rvec = new Mat();
        Rodrigues(OpenCvMats.doubles(3, 3, rotation), rvec);
        Mat tvec = OpenCvMats.doubles(3, 1, translation);
        boolean solved = solvePnP(OpenCvMats.groundPoints3d(objectXy, inlierCount), OpenCvMats.points2d(imageXy, inlierCount),
                OpenCvMats.identity3(), new Mat(), rvec, tvec, true, SOLVEPNP_ITERATIVE);
        if (!solved) {
            return;
        }
        Mat refined = new Mat();
        Rodrigues(rvec, refined);
        System.arraycopy(OpenCvMats.readDoubles(refined), 0, rotation, 0, 9);
        System.arraycopy(OpenCvMats.readDoubles(tvec), 0, translation, 0, 3);
    }

    private static int firstSet(boolean[] mask) {
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                return i;
            }
        }
        return -1;
    }
}
