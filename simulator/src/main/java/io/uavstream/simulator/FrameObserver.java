package io.uavstream.simulator;

import io.uavstream.simulator.camera.Camera;
import io.uavstream.simulator.flight.DroneState;
import io.uavstream.simulator.output.MotRecord;
import io.uavstream.simulator.render.RenderedFrame;
import java.util.List;

/** Sees every rendered frame of a drone before it is encoded; for tests and diagnostics. */
@FunctionalInterface
interface FrameObserver {

    FrameObserver NONE = (plan, frameNumber, state, camera, frame, truth) -> {};

    /** Called on the drone's worker thread; {@code frame} is only valid during the call. */
    void onFrame(DronePlan plan, int frameNumber, DroneState state, Camera camera, RenderedFrame frame, List<MotRecord> truth);
}
