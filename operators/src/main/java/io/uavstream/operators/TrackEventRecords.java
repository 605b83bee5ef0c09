package io.uavstream.operators;

import io.uavstream.schemas.TrackBox;
import io.uavstream.schemas.TrackEvent;
import io.uavstream.schemas.TrackEventType;
import io.uavstream.schemas.TrackSummary;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Converts a {@link TrackHistory} into {@link TrackEvent} records. */
final class TrackEventRecords {

    private TrackEventRecords() {}

    /**
     * Returns the event of {@code type} for the track's latest matched detection; an ENDED event
     * also carries the summary of the whole track.
     *
     * @param modelId the model of the drone's latest tracked frame, or null when unknown
     */
    static TrackEvent toTrackEvent(String droneId, String sessionId, TrackEventType type, TrackHistory track,
            String modelId) {
        return TrackEvent.newBuilder()
                .setDroneId(droneId)
                .setSessionId(sessionId)
                .setEventType(type)
                .setTrackId(track.trackId)
                .setClassId(track.classId)
                .setClassName(track.className)
                .setFrameSequence(track.lastSequence)
                .setCaptureTimeMicros(Instant.EPOCH.plus(track.lastMatchedMicros, ChronoUnit.MICROS))
                .setScore(track.lastScore)
                .setBox(new TrackBox(track.x1, track.y1, track.x2, track.y2))
                .setSummary(type == TrackEventType.ENDED ? summary(track) : null)
                .setModelId(modelId)
                .build();
    }

    private static TrackSummary summary(TrackHistory track) {
        return TrackSummary.newBuilder()
                .setDurationSeconds((track.lastMatchedMicros - track.firstSeenMicros) / 1e6)
                .setFrames(track.frames)
                .setMeanScore((float) (track.scoreSum / track.frames))
                .setPathLengthPixels(track.pathLengthPixels)
                .setFirstCenterX(track.firstCenterX)
                .setFirstCenterY(track.firstCenterY)
                .setLastCenterX(track.lastCenterX())
                .setLastCenterY(track.lastCenterY())
                .build();
    }
}
