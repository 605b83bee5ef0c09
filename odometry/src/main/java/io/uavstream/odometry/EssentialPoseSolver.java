package io.uavstream.odometry;

import static org.bytedeco.opencv.global.opencv_calib3d.recoverPose;
import static org.bytedeco.opencv.global.opencv_calib3d.triangulatePoints;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

import java.util.Arrays;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Camera pose from an essential matrix between the keyframe and the current frame, for scenes
 * that are not one plane. The essential matrix gives the rotation and the direction of the
 * translation. The length comes from the keyframe's known depths. The inliers are triangulated
 * with a unit baseline, and the baseline is scaled so that their median depth matches the median
 * depth of their ground points seen from the keyframe.
 */
final class EssentialPoseSolver {

    /** A pose and the number of inliers that passed the cheirality check. */
    record Solution(WorldPose pose, int inlierCount) {
    }

    /** Returns the current pose, or null when too few inliers have a usable depth; call inside a {@code PointerScope}. */
    Solution solve(double[] essential, boolean[] essentialInliers, TrackSet tracks, double[] current, WorldPose keyframe,
            int minInliers) {
        int count = tracks.size;
        Mat mask = new Mat(count, 1, CV_8UC1);
        try (UByteIndexer indexer = mask.createIndexer()) {
            for (int i = 0; i < count; i++) {
                indexer.put(i, 0, essentialInliers[i] && tracks.hasGround(i) ? 255 : 0);
            }
        }
        Mat from = OpenCvMats.points2d(tracks.keyframeNormalized, count);
        Mat to = OpenCvMats.points2d(current, count);
        Mat rotationMat = new Mat();
        Mat translationMat = new Mat();
        int good = recoverPose(OpenCvMats.doubles(3, 3, essential), from, to, OpenCvMats.identity3(), rotationMat,
                translationMat, mask);
        if (good < minInliers) {
            return null;
        }
        double[] relativeRotation = OpenCvMats.readDoubles(rotationMat);
        double[] direction = OpenCvMats.readDoubles(translationMat);
        boolean[] inliers = OpenCvMats.readMask(mask, count);
        double scale = baselineScale(tracks, current, inliers, relativeRotation, direction, keyframe);
        if (!(scale > 0) || !Double.isFinite(scale)) {
            return null;
        }
        double[] cameraToWorld = Rotations.multiply(keyframe.rotation(), Rotations.transpose(relativeRotation));
        double[] offset = Rotations.apply(cameraToWorld, direction[0], direction[1], direction[2]);
        double[] k = keyframe.centre();
        double[] centre = {k[0] - scale * offset[0], k[1] - scale * offset[1], k[2] - scale * offset[2]};
        return new Solution(new WorldPose(cameraToWorld, centre), good);
    }

    private static double baselineScale(TrackSet tracks, double[] current, boolean[] inliers, double[] rotation,
            double[] direction, WorldPose keyframe) {
        int count = OpenCvMats.count(inliers);
        double[] from = new double[2 * count];
        double[] to = new double[2 * count];
        double[] expected = new double[count];
        int k = 0;
        for (int i = 0; i < tracks.size; i++) {
            if (inliers[i]) {
                from[2 * k] = tracks.keyframeNormalized[2 * i];
                from[2 * k + 1] = tracks.keyframeNormalized[2 * i + 1];
                to[2 * k] = current[2 * i];
                to[2 * k + 1] = current[2 * i + 1];
                expected[k] = keyframe.depthOf(tracks.ground[2 * i], tracks.ground[2 * i + 1]);
                k++;
            }
        }
        Mat first = OpenCvMats.doubles(3, 4, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0);
        Mat second = OpenCvMats.doubles(3, 4,
                rotation[0], rotation[1], rotation[2], direction[0],
                rotation[3], rotation[4], rotation[5], direction[1],
                rotation[6], rotation[7], rotation[8], direction[2]);
        Mat homogeneous = new Mat();
        triangulatePoints(first, second, twoRows(from, count), twoRows(to, count), homogeneous);
        double[] ratios = new double[count];
        int usable = 0;
        try (DoubleIndexer indexer = homogeneous.createIndexer()) {
            for (int i = 0; i < count; i++) {
                double w = indexer.get(3, i);
                double depth = indexer.get(2, i) / w;
                if (depth > 0 && expected[i] > 0 && Double.isFinite(depth)) {
                    ratios[usable++] = expected[i] / depth;
                }
            }
        }
        if (usable == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(ratios, usable);
        Arrays.sort(sorted);
        return sorted[usable / 2];
    }

    /** Returns a 2 x N double matrix of x, y coordinates, the layout triangulatePoints expects. */
    private static Mat twoRows(double[] xy, int count) {
        double[] values = new double[2 * count];
        for (int i = 0; i < count; i++) {
            values[i] = xy[2 * i];
            values[count + i] = xy[2 * i + 1];
        }
        return OpenCvMats.doubles(2, count, values);
    }
}
