package io.uavstream.odometry;

/**
 * A homography between two images found by descriptor matching.
 *
 * @param homography row-major 3x3 homography from pixels of the first image to pixels of the
 *     second (OpenCV pixel centres on integers), or null when none was found
 * @param firstKeypoints keypoints detected in the first image
 * @param secondKeypoints keypoints detected in the second image
 * @param matches matches that passed the ratio test
 * @param inliers matches within the RANSAC threshold of the homography
 * @param inlierMask per match, whether it is an inlier
 * @param firstPoints matched keypoint positions in the first image, x, y pairs
 * @param secondPoints matched keypoint positions in the second image, x, y pairs
 */
public record RegistrationResult(double[] homography, int firstKeypoints, int secondKeypoints, int matches, int inliers,
        boolean[] inlierMask, float[] firstPoints, float[] secondPoints) {

    /** Returns the share of the matches that are inliers, 0 without matches. */
    public double inlierRatio() {
        return matches == 0 ? 0 : (double) inliers / matches;
    }

    public boolean found() {
        return homography != null;
    }
}
