package io.uavstream.cluster.rest;

import java.time.Instant;

/**
 * One job as {@code GET /jobs/overview} lists it.
 *
 * @param id the 32-digit hexadecimal job ID
 * @param name the job name
 * @param state Flink's job status: RUNNING, FINISHED, CANCELED, FAILED, ...
 * @param startTime when the job was submitted
 */
public record JobSummary(String id, String name, String state, Instant startTime) {}
