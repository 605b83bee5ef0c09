package io.uavstream.sinks;

import io.uavstream.schemas.DeadLetter;
import io.uavstream.schemas.DetectedBox;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.TrackBox;
import io.uavstream.schemas.TrackEvent;
import io.uavstream.schemas.TrackEventType;
import io.uavstream.schemas.TrackSummary;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

/** Builds sample records for sink tests. */
final class TestRecords {

    static final Instant CAPTURE_START = Instant.parse("2026-05-01T12:00:00Z");

    private TestRecords() {}

    /** Returns detections of frame {@code sequence} of {@code droneId}, 100 ms apart, with one box. */
    static FrameDetections detections(String droneId, long sequence) {
        DetectedBox person = DetectedBox.newBuilder()
                .setClassId(0)
                .setClassName("person")
                .setScore(0.875f)
                .setX1(10f).setY1(20f).setX2(110f).setY2(220f)
                .setX1Norm(10f / 640).setY1Norm(20f / 480).setX2Norm(110f / 640).setY2Norm(220f / 480)
                .build();
        return FrameDetections.newBuilder()
                .setDroneId(droneId)
                .setSessionId("session-1")
                .setFrameSequence(sequence)
                .setPtsMicros(sequence * 100_000L)
                .setCaptureTimeMicros(CAPTURE_START.plusMillis(sequence * 100L))
                .setModelId("tiny-test-model")
                .setFrameWidth(640)
                .setFrameHeight(480)
                .setBoxes(List.of(person))
                .setPublishedAtMicros(null)
                .setAnalysedAtMicros(null)
                .build();
    }

    /** Returns a track event of track {@code trackId} at frame {@code sequence}; ENDED events carry a summary. */
    static TrackEvent trackEvent(String droneId, long trackId, TrackEventType type, long sequence) {
        TrackSummary summary = type != TrackEventType.ENDED ? null : TrackSummary.newBuilder()
                .setDurationSeconds(2.5)
                .setFrames(26)
                .setMeanScore(0.8125f)
                .setPathLengthPixels(130.5)
                .setFirstCenterX(60f).setFirstCenterY(120f)
                .setLastCenterX(160f).setLastCenterY(90f)
                .build();
        return TrackEvent.newBuilder()
                .setDroneId(droneId)
                .setSessionId("session-1")
                .setEventType(type)
                .setTrackId(trackId)
                .setClassId(2)
                .setClassName("car")
                .setFrameSequence(sequence)
                .setCaptureTimeMicros(CAPTURE_START.plusMillis(sequence * 100L))
                .setScore(0.75f)
                .setBox(new TrackBox(140f, 75f, 180f, 105f))
                .setSummary(summary)
                .build();
    }

    /** Returns a dead letter for the record at {@code offset} carrying {@code value}. */
    static DeadLetter deadLetter(String droneId, long offset, byte[] value) {
        return DeadLetter.newBuilder()
                .setSourceTopic("uavstream.video")
                .setSourcePartition(0)
                .setSourceOffset(offset)
                .setDroneId(droneId)
                .setReason("Invalid VideoPacket record")
                .setErrorType("MALFORMED_RECORD")
                .setRecordKey(droneId == null ? null : ByteBuffer.wrap(droneId.getBytes()))
                .setRecordValue(ByteBuffer.wrap(value))
                .setFailedAtMicros(CAPTURE_START)
                .build();
    }
}
