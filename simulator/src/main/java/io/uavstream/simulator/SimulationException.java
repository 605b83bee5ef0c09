package io.uavstream.simulator;

/** A simulation run failed: a drone could not be rendered, encoded or written, or publishing failed. */
public class SimulationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SimulationException(String message, Throwable cause) {
        super(message, cause);
    }
}
