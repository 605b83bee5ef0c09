package io.uavstream.cluster.rest;

/**
 * The cluster summary of {@code GET /overview}.
 *
 * @param flinkVersion the cluster's Flink version
 * @param taskManagers registered TaskManagers
 * @param slotsTotal task slots of all TaskManagers
 * @param slotsAvailable task slots not in use
 * @param jobsRunning jobs in state RUNNING
 */
public record ClusterOverview(String flinkVersion, int taskManagers, int slotsTotal, int slotsAvailable, int jobsRunning) {}
