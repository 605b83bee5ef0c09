package io.uavstream.tracking.bytetrack;

import io.uavstream.tracking.MultiObjectTracker;
import io.uavstream.tracking.TrackerAlgorithm;
import io.uavstream.tracking.TrackerConfig;
import io.uavstream.tracking.TrackerState;
import io.uavstream.tracking.Trackers;
import io.uavstream.tracking.testing.MultiObjectTrackerContractTest;

class ByteTrackerContractTest extends MultiObjectTrackerContractTest {

    @Override
    protected MultiObjectTracker createTracker(TrackerConfig config) {
        return Trackers.create(config);
    }

    @Override
    protected MultiObjectTracker restoreTracker(TrackerConfig config, TrackerState state) {
        return Trackers.restore(config, state);
    }

    @Override
    protected TrackerConfig.Builder config() {
        return TrackerConfig.builder().algorithm(TrackerAlgorithm.BYTE_TRACK);
    }
}
