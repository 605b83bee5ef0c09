package io.uavstream.cli.embedded;

import io.uavstream.schemas.AvroCodec;
import io.uavstream.schemas.DetectedBox;
import io.uavstream.schemas.FrameDetections;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Statistics of the committed detections of the drones of one run, read back from the detections
 * topic: boxes per class, analysed frame rate and end-to-end latency.
 *
 * @param frames analysed frames with a detections record
 * @param boxesPerClass detected boxes per class name, sorted by name
 * @param tracks confirmed tracks seen on the boxes: distinct pairs of drone ID and track ID
 * @param framesPerModel analysed frames per model ID, sorted by ID; more than one entry after a
 *     model switch through the control topic
 * @param analysedFps frames divided by the time from the first frame's publication to the last
 *     frame's analysis, in frames per second; 0 with fewer than two frames
 * @param latencyP50Millis median of (analysed at - published at) in milliseconds
 * @param latencyP99Millis 99th percentile of the same, in milliseconds
 */
record DetectionStats(long frames, Map<String, Long> boxesPerClass, long tracks, Map<String, Long> framesPerModel,
        double analysedFps, double latencyP50Millis, double latencyP99Millis) {

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);

    /** Reads the committed detections of {@code droneIds} published at or after {@code since}. */
    static DetectionStats read(String bootstrapServers, String topic, Set<String> droneIds, Instant since) {
        AvroCodec<FrameDetections> codec = AvroCodec.of(FrameDetections.class);
        List<FrameDetections> frames = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(bootstrapServers))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!reachedEnd(consumer, end)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_TIMEOUT)) {
                    FrameDetections detections = codec.decode(record.value());
                    if (droneIds.contains(detections.getDroneId()) && !publishedBefore(detections, since)) {
                        frames.add(detections);
                    }
                }
            }
        }
        return of(frames);
    }

    static DetectionStats of(List<FrameDetections> frames) {
        Map<String, Long> boxesPerClass = frames.stream()
                .flatMap(frame -> frame.getBoxes().stream())
                .collect(Collectors.groupingBy(DetectedBox::getClassName, TreeMap::new, Collectors.counting()));
        long[] latencies = frames.stream()
                .filter(frame -> frame.getPublishedAtMicros() != null && frame.getAnalysedAtMicros() != null)
                .mapToLong(frame -> frame.getAnalysedAtMicros() - frame.getPublishedAtMicros())
                .sorted()
                .toArray();
        long tracks = frames.stream()
                .flatMap(frame -> frame.getBoxes().stream()
                        .filter(box -> box.getTrackId() != null)
                        .map(box -> frame.getDroneId() + "/" + box.getTrackId()))
                .distinct()
                .count();
        Map<String, Long> framesPerModel = frames.stream()
                .collect(Collectors.groupingBy(frame -> frame.getModelId().toString(), TreeMap::new,
                        Collectors.counting()));
        return new DetectionStats(frames.size(), boxesPerClass, tracks, framesPerModel, analysedFps(frames),
                percentile(latencies, 0.50) / 1000.0, percentile(latencies, 0.99) / 1000.0);
    }

    private static boolean publishedBefore(FrameDetections detections, Instant since) {
        Long published = detections.getPublishedAtMicros();
        return published != null && published < since.toEpochMilli() * 1000;
    }

    private static double analysedFps(List<FrameDetections> frames) {
        long firstPublished = frames.stream().map(FrameDetections::getPublishedAtMicros)
                .filter(value -> value != null).mapToLong(Long::longValue).min().orElse(0);
        long lastAnalysed = frames.stream().map(FrameDetections::getAnalysedAtMicros)
                .filter(value -> value != null).mapToLong(Long::longValue).max().orElse(0);
        double seconds = (lastAnalysed - firstPublished) / 1e6;
        return frames.size() < 2 || seconds <= 0 ? 0 : frames.size() / seconds;
    }

    /** Returns the nearest-rank percentile of sorted values, 0 when there are none. */
    static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        Set<TopicPartition> partitions = end.keySet();
        return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
    }

    private static Map<String, Object> consumerConfig(String bootstrapServers) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "uavstream-run-summary-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    }

    @Override
    public String toString() {
        return "DetectionStats" + Arrays.asList(frames, boxesPerClass, tracks, analysedFps, latencyP50Millis, latencyP99Millis);
    }
}
