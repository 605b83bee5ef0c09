package io.uavstream.ingest;

import java.util.OptionalDouble;

/**
 * Progress of an ingest run, summed over its sessions.
 *
 * @param packets access units published so far, not counting end-of-stream markers
 * @param bytes access-unit bytes published so far
 * @param mediaPositionSeconds media time of the latest access unit in the current session, from
 *     the session's first PTS
 * @param totalDurationSeconds media duration of the current source when known (files), empty for
 *     live sources
 */
public record IngestProgress(long packets, long bytes, double mediaPositionSeconds, OptionalDouble totalDurationSeconds) {}
