package io.uavstream.sinks;

import io.uavstream.schemas.AnalyticsEvent;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.TrackEvent;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Puts each drone's records in its own sub-directory, named after the drone ID.
 *
 * <p>Drone IDs are free-form strings, so the directory name keeps ASCII letters, digits,
 * {@code -} and {@code .} (except a leading {@code .}, which would hide the directory) and writes
 * every other UTF-8 byte as {@code _} followed by two upper-case hex digits: {@code "drone/7"}
 * becomes {@code drone_2F7}. The empty ID becomes {@code _}. Distinct IDs get distinct names.
 *
 * @param <T> the record type
 */
public final class DroneIdBucketAssigner<T> implements BucketAssigner<T, String> {
    private static final long serialVersionUID = 1L;
    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

    private final SerializableFunction<T, String> droneIdOf;

    private DroneIdBucketAssigner(SerializableFunction<T, String> droneIdOf) {
        this.droneIdOf = Objects.requireNonNull(droneIdOf, "droneIdOf");
    }

    /** Returns the assigner of {@link FrameDetections}. */
    public static DroneIdBucketAssigner<FrameDetections> forDetections() {
        return new DroneIdBucketAssigner<>(FrameDetections::getDroneId);
    }

    /** Returns the assigner of {@link TrackEvent}s. */
    public static DroneIdBucketAssigner<TrackEvent> forTrackEvents() {
        return new DroneIdBucketAssigner<>(TrackEvent::getDroneId);
    }

    /** Returns the assigner of {@link AnalyticsEvent}s. */
    public static DroneIdBucketAssigner<AnalyticsEvent> forAnalyticsEvents() {
        return new DroneIdBucketAssigner<>(AnalyticsEvent::getDroneId);
    }

    @Override
    public String getBucketId(T record, Context context) {
        return directoryName(droneIdOf.apply(record));
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }

    /** Returns the directory name of {@code droneId}. */
    public static String directoryName(String droneId) {
        if (droneId.isEmpty()) {
            return "_";
        }
        byte[] utf8 = droneId.getBytes(StandardCharsets.UTF_8);
        StringBuilder name = new StringBuilder(utf8.length);
        for (int i = 0; i < utf8.length; i++) {
            int b = utf8[i] & 0xFF;
            if (isKept(b, i == 0)) {
                name.append((char) b);
            } else {
                name.append('_').append(HEX_DIGITS[b >>> 4]).append(HEX_DIGITS[b & 0xF]);
            }
        }
        return name.toString();
    }

    private static boolean isKept(int b, boolean first) {
        return (b >= 'a' && b <= 'z')
                || (b >= 'A' && b <= 'Z')
                || (b >= '0' && b <= '9')
                || b == '-'
                || (b == '.' && !first);
    }
}
