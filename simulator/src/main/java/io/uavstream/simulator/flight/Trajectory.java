package io.uavstream.simulator.flight;

/** A planned flight path: the nominal state as a smooth function of time in seconds. */
public interface Trajectory {

    NominalState at(double seconds);
}
