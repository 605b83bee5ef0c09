package io.uavstream.operators;

import io.uavstream.schemas.FrameDetections;
import io.uavstream.tracking.geometry.Homography;
import java.util.Objects;
import java.util.Optional;

/**
 * The detections of one analysed frame on their way from {@link DetectFunction} to
 * {@link TrackFunction}, with the camera motion since the drone's previous analysed frame, which
 * only the decoded frames could give.
 */
final class AnalysedFrame {

    private final FrameDetections detections;
    private final Homography cameraMotion;

    /**
     * @param cameraMotion homography from the pixels of the drone's previous analysed frame to this
     *     frame's, or null when unknown
     */
    AnalysedFrame(FrameDetections detections, Homography cameraMotion) {
        this.detections = Objects.requireNonNull(detections, "detections");
        this.cameraMotion = cameraMotion;
    }

    FrameDetections detections() {
        return detections;
    }

    /** Returns the homography from the previous analysed frame's pixels to this frame's, if known. */
    Optional<Homography> cameraMotion() {
        return Optional.ofNullable(cameraMotion);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AnalysedFrame that
                && detections.equals(that.detections)
                && Objects.equals(cameraMotion, that.cameraMotion);
    }

    @Override
    public int hashCode() {
        return 31 * detections.hashCode() + Objects.hashCode(cameraMotion);
    }

    @Override
    public String toString() {
        return "AnalysedFrame{drone=" + detections.getDroneId() + ", sequence=" + detections.getFrameSequence()
                + ", cameraMotion=" + cameraMotion + "}";
    }
}
