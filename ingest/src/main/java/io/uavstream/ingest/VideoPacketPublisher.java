package io.uavstream.ingest;

import io.uavstream.schemas.AvroCodec;
import io.uavstream.schemas.Topics;
import io.uavstream.schemas.VideoPacket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes {@link VideoPacket}s to a Kafka topic: the key is the drone ID (UTF-8), the value the
 * packet's Avro binary ({@link AvroCodec}).
 *
 * <p>The producer is idempotent with {@code acks=all}, so a retried send neither duplicates nor
 * reorders the packets of a drone. Its {@code max.request.size} is {@link Topics#MAX_MESSAGE_BYTES},
 * and compression is off because the access units are already compressed video.
 *
 * <p>Sends are asynchronous. A failed send is logged with the drone ID and sequence number and
 * counted; the first failure is then raised by the next {@link #publish}, {@link #flush()} or
 * {@link #close()}. Not thread-safe: one publisher per ingest thread.
 */
public final class VideoPacketPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VideoPacketPublisher.class);

    /**
     * Producer buffer, in bytes: room for four access units of the maximum size, so that a burst of
     * 4K keyframes does not block {@link #publish}.
     */
    public static final long BUFFER_MEMORY_BYTES = 4L * Topics.MAX_MESSAGE_BYTES;

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final AvroCodec<VideoPacket> codec = AvroCodec.of(VideoPacket.class);
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private final AtomicLong failedSends = new AtomicLong();
    private final AtomicLong acknowledgedSends = new AtomicLong();
    private boolean closed;

    /** Creates a publisher with {@link #producerConfig(String, String)} for {@code clientId} {@code uavstream-ingest}. */
    public VideoPacketPublisher(String bootstrapServers, String topic) {
        this(producerConfig(bootstrapServers, "uavstream-ingest"), topic);
    }

    /**
     * Creates a publisher with the given producer settings, for example {@link #producerConfig}
     * with additions; the serializers are set here.
     */
    public VideoPacketPublisher(Map<String, Object> producerConfig, String topic) {
        Objects.requireNonNull(producerConfig, "producerConfig");
        this.topic = requireNonBlank(topic, "topic");
        this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Returns the producer settings for video packets: idempotent with {@code acks=all}, {@code
     * max.request.size} of {@link Topics#MAX_MESSAGE_BYTES}, a {@link #BUFFER_MEMORY_BYTES} buffer and
     * no compression.
     */
    public static Map<String, Object> producerConfig(String bootstrapServers, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, requireNonBlank(bootstrapServers, "bootstrapServers"));
        config.put(ProducerConfig.CLIENT_ID_CONFIG, requireNonBlank(clientId, "clientId"));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, BUFFER_MEMORY_BYTES);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        return config;
    }

    /**
     * Encodes and sends one packet without waiting for the acknowledgement.
     *
     * @throws IngestException if an earlier send failed, or the producer rejects this record at once
     *     (for example because it is larger than {@code max.request.size})
     */
    public void publish(VideoPacket packet) {
        Objects.requireNonNull(packet, "packet");
        ensureOpen();
        raiseFirstFailure();
        String droneId = packet.getDroneId().toString();
        long sequence = packet.getSequence();
        byte[] value = codec.encode(packet);
        try {
            producer.send(new ProducerRecord<>(topic, droneId, value), (metadata, exception) -> {
                if (exception == null) {
                    acknowledgedSends.incrementAndGet();
                } else {
                    recordFailure(droneId, sequence, value.length, exception);
                }
            });
        } catch (KafkaException e) {
            recordFailure(droneId, sequence, value.length, e);
            raiseFirstFailure();
        }
    }

    /**
     * Waits until every sent packet is acknowledged or failed.
     *
     * @throws IngestException if any send failed
     */
    public void flush() {
        ensureOpen();
        producer.flush();
        raiseFirstFailure();
    }

    /** Returns the number of packets the broker has acknowledged. */
    public long acknowledgedSends() {
        return acknowledgedSends.get();
    }

    /** Returns the number of packets whose send failed. */
    public long failedSends() {
        return failedSends.get();
    }

    /**
     * Flushes, then closes the producer. Idempotent.
     *
     * @throws IngestException if any send failed; the producer is closed all the same
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            producer.flush();
        } finally {
            producer.close(CLOSE_TIMEOUT);
        }
        raiseFirstFailure();
    }

    private void recordFailure(String droneId, long sequence, int valueBytes, Exception exception) {
        failedSends.incrementAndGet();
        firstFailure.compareAndSet(null, exception);
        LOG.error("Failed to send video packet of drone {} sequence {} ({} bytes) to topic {}: {}",
                droneId, sequence, valueBytes, topic, exception.toString());
    }

    private void raiseFirstFailure() {
        Exception failure = firstFailure.get();
        if (failure != null) {
            throw new IngestException("Failed to send " + failedSends.get() + " video packet(s) to topic " + topic
                    + "; the first error: " + failure, failure);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("Video packet publisher for topic " + topic + " is closed");
        }
    }

    private static String requireNonBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
