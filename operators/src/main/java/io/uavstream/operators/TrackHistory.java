package io.uavstream.operators;

import io.uavstream.schemas.DetectedBox;

/**
 * Record of one track that {@link TrackFunction} keeps to write its events: the latest matched
 * detection, and running totals for the summary of its ENDED event. Times are capture times in
 * microseconds, positions are pixels of the decoded frame. Mutable; part of
 * {@link DroneTrackHistory}.
 */
final class TrackHistory {

    /** Value of {@link #lastEventMicros} before the track's STARTED event. */
    static final long NO_EVENT = Long.MIN_VALUE;

    final long trackId;
    int classId;
    String className;
    /** Whether the STARTED event was emitted, so that an ENDED event must follow. */
    boolean started;
    long firstSeenMicros;
    long lastMatchedMicros;
    /** Capture time of the latest STARTED or UPDATED event, or {@link #NO_EVENT}. */
    long lastEventMicros = NO_EVENT;
    /** Sequence of the access unit that completed the frame of the latest matched detection. */
    long lastSequence;
    /** Number of matched detections. */
    int frames;
    double scoreSum;
    float lastScore;
    double pathLengthPixels;
    float firstCenterX;
    float firstCenterY;
    float x1;
    float y1;
    float x2;
    float y2;

    TrackHistory(long trackId) {
        this.trackId = trackId;
    }

    /** Starts the history of a track with its first detection. */
    static TrackHistory start(long trackId, DetectedBox box, long captureTimeMicros, long sequence) {
        TrackHistory history = new TrackHistory(trackId);
        history.firstSeenMicros = captureTimeMicros;
        history.firstCenterX = centre(box.getX1(), box.getX2());
        history.firstCenterY = centre(box.getY1(), box.getY2());
        history.matched(box, captureTimeMicros, sequence);
        return history;
    }

    /** Adds a detection matched to the track in a later frame, or the first one. */
    void matched(DetectedBox box, long captureTimeMicros, long sequence) {
        if (frames > 0) {
            pathLengthPixels += Math.hypot(centre(box.getX1(), box.getX2()) - lastCenterX(),
                    centre(box.getY1(), box.getY2()) - lastCenterY());
        }
        frames++;
        scoreSum += box.getScore();
        lastScore = box.getScore();
        classId = box.getClassId();
        className = box.getClassName();
        lastMatchedMicros = captureTimeMicros;
        lastSequence = sequence;
        x1 = box.getX1();
        y1 = box.getY1();
        x2 = box.getX2();
        y2 = box.getY2();
    }

    float lastCenterX() {
        return centre(x1, x2);
    }

    float lastCenterY() {
        return centre(y1, y2);
    }

    TrackHistory copy() {
        TrackHistory copy = new TrackHistory(trackId);
        copy.classId = classId;
        copy.className = className;
        copy.started = started;
        copy.firstSeenMicros = firstSeenMicros;
        copy.lastMatchedMicros = lastMatchedMicros;
        copy.lastEventMicros = lastEventMicros;
        copy.lastSequence = lastSequence;
        copy.frames = frames;
        copy.scoreSum = scoreSum;
        copy.lastScore = lastScore;
        copy.pathLengthPixels = pathLengthPixels;
        copy.firstCenterX = firstCenterX;
        copy.firstCenterY = firstCenterY;
        copy.x1 = x1;
        copy.y1 = y1;
        copy.x2 = x2;
        copy.y2 = y2;
        return copy;
    }

    private static float centre(float low, float high) {
        return (low + high) / 2;
    }
}
