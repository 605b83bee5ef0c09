package io.uavstream.schemas;

/** Default Kafka topic names and the topic settings that every uavstream topic needs. */
public final class Topics {

    /** Encoded access units ({@link VideoPacket}), keyed by drone ID. */
    public static final String VIDEO = "uavstream.video";

    /** Detector output ({@link FrameDetections}), keyed by drone ID. */
    public static final String DETECTIONS = "uavstream.detections";

    /** Track life-cycle events ({@link TrackEvent}), keyed by drone ID. */
    public static final String TRACK_EVENTS = "uavstream.track-events";

    /** Zone, line and class-count events ({@link AnalyticsEvent}), keyed by drone ID. */
    public static final String ANALYTICS_EVENTS = "uavstream.analytics-events";

    /**
     * Zone and line definitions for the job's analytics, as JSON documents keyed by drone ID; a
     * record with a null or empty value removes the drone's definitions. Compaction keeps the
     * latest document of each drone.
     */
    public static final String ANALYTICS_CONTROL = "uavstream.analytics-control";

    /** Records the job could not process ({@link DeadLetter}), keyed by drone ID where known. */
    public static final String DEAD_LETTERS = "uavstream.dead-letters";

    /**
     * Largest record value, in bytes, that producers, topics and consumers accept: 16 MiB.
     * Kafka's default of about 1 MB is too small for keyframes of 4K video, so every topic is
     * created with {@code max.message.bytes} at this value and every producer sets
     * {@code max.request.size} to it.
     */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private Topics() {}
}
