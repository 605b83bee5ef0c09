package io.uavstream.odometry;

import static org.bytedeco.opencv.global.opencv_calib3d.RANSAC;
import static org.bytedeco.opencv.global.opencv_calib3d.decomposeHomographyMat;
import static org.bytedeco.opencv.global.opencv_calib3d.filterHomographyDecompByVisibleRefpoints;
import static org.bytedeco.opencv.global.opencv_calib3d.findHomography;

import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * Finds the ground plane when no camera attitude is known: the homography between the first
 * keyframe and a frame with enough parallax is decomposed into rotation, translation over plane
 * distance and plane normal (OpenCV's analytic decomposition, up to four solutions). Solutions
 * that put the inliers behind a camera are dropped, and of the rest the one whose normal is
 * closest to the optical axis is kept, which assumes the camera looks down more than sideways.
 * The keyframe camera then sits at the plane distance above the ground.
 */
final class PlaneInitialiser {

    private static final int RANSAC_ITERATIONS = 1000;
    private static final double RANSAC_CONFIDENCE = 0.999;

    /** Keyframe and current pose in the new world frame, and the homography's inlier count. */
    record Solution(WorldPose keyframe, WorldPose current, int inlierCount) {
    }

    private final OdometryConfig config;

    PlaneInitialiser(OdometryConfig config) {
        this.config = config;
    }

    /**
     * Returns the poses with the keyframe at {@code height} above the ground, or null when the
     * homography or its decomposition fails; call inside a {@code PointerScope}.
     */
    Solution initialise(double[] keyframe, double[] current, int count, double focal, double height) {
        Mat from = OpenCvMats.points2d(keyframe, count);
        Mat to = OpenCvMats.points2d(current, count);
        Mat mask = new Mat();
        Mat fitted = findHomography(from, to, RANSAC, config.ransacThreshold() / focal, mask, RANSAC_ITERATIONS,
                RANSAC_CONFIDENCE);
        if (fitted.empty()) {
            return null;
        }
        int inliers = OpenCvMats.count(OpenCvMats.readMask(mask, count));
        if (inliers < config.minInliers()) {
            return null;
        }

        MatVector rotations = new MatVector();
        MatVector translations = new MatVector();
        MatVector normals = new MatVector();
        int solutions = decomposeHomographyMat(fitted, OpenCvMats.identity3(), rotations, translations, normals);
        if (solutions == 0) {
            return null;
        }

        Mat possible = new Mat();
        filterHomographyDecompByVisibleRefpoints(rotations, normals, OpenCvMats.points2f(keyframe, count),
                OpenCvMats.points2f(current, count), possible, mask);
        int best = -1;
        double bestAlignment = -2;
        int candidates = possible.empty() ? 0 : (int) possible.total();
        try (IntIndexer indexer = candidates == 0 ? null : possible.createIndexer()) {
            for (int i = 0; i < candidates; i++) {
                int index = indexer.get(i);
                double[] normal = OpenCvMats.readDoubles(normals.get(index));
                if (normal[2] > bestAlignment) {
                    bestAlignment = normal[2];
                    best = index;
                }
            }
        }
        if (best < 0) {
            return null;
        }

        double[] normal = OpenCvMats.readDoubles(normals.get(best));
        double[] rotation = OpenCvMats.readDoubles(rotations.get(best));
        double[] direction = OpenCvMats.readDoubles(translations.get(best));
        WorldPose keyframePose = keyframePose(normal, height);
        double[] cameraToWorld = Rotations.multiply(keyframePose.rotation(), Rotations.transpose(rotation));
        double[] offset = Rotations.apply(cameraToWorld, direction[0], direction[1], direction[2]);
        double[] centre = {-height * offset[0], -height * offset[1], height - height * offset[2]};
        return new Solution(keyframePose, new WorldPose(cameraToWorld, centre), inliers);
    }

    /**
     * Returns the pose of a camera at {@code height} above the world origin whose ground-plane
     * normal, in camera coordinates and pointing from the camera to the plane, is {@code normal}.
     * World x is the image x axis projected onto the ground.
     */
    static WorldPose keyframePose(double[] normal, double height) {
        double[] up = Rotations.scale(normal, -1 / Rotations.norm(normal));
        double[] east = {1 - up[0] * up[0], -up[0] * up[1], -up[0] * up[2]};
        east = Rotations.scale(east, 1 / Rotations.norm(east));
        double[] north = Rotations.cross(up, east);
        double[] cameraToWorld = {
            east[0], east[1], east[2],
            north[0], north[1], north[2],
            up[0], up[1], up[2]
        };
        return new WorldPose(cameraToWorld, new double[] {0, 0, height});
    }
}
