package io.uavstream.tracking.testing;

import io.uavstream.tracking.TrackerDetection;

/**
 * Detection with the ground-truth object it came from.
 *
 * @param objectId the object's ID, or {@link #CLUTTER} for a false positive
 */
public record LabeledDetection(int objectId, TrackerDetection detection) {

    public static final int CLUTTER = -1;
}
