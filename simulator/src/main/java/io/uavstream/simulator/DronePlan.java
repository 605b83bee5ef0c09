package io.uavstream.simulator;

/**
 * The settings drawn for one drone of a run.
 *
 * @param index position in the fleet, from 0
 * @param droneId the drone's ID, the Kafka key and the name of its output directory
 * @param pattern flight pattern
 * @param altitudeMetres flight height above the ground plane
 * @param tiltDegrees commanded camera angle from nadir
 * @param seed seed of everything drawn for this drone (path, wind, camera response)
 */
public record DronePlan(int index, String droneId, FlightPattern pattern, double altitudeMetres, double tiltDegrees, long seed) {}
