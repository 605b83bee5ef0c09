package io.uavstream.odometry;

/** Keypoint detector and descriptor for {@link ImagePairRegistration}, all from OpenCV's features2d module. */
public enum FeatureDetector {
    /** ORB: oriented FAST corners with rotated BRIEF binary descriptors, matched by Hamming distance. */
    ORB,
    /** AKAZE: nonlinear scale-space features with binary M-LDB descriptors, matched by Hamming distance. */
    AKAZE,
    /** SIFT: difference-of-Gaussian keypoints with 128-float gradient descriptors, matched by L2 distance. */
    SIFT,
    /**
     * Affine SIFT (ASIFT, OpenCV's AffineFeature): SIFT on the image and on affinely warped copies
     * that simulate other camera tilts and rotations, so that views far apart in angle still match.
     * Matched by L2 distance, and several times slower than SIFT.
     */
    AFFINE_SIFT
}
