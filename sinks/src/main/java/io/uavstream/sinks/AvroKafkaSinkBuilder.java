package io.uavstream.sinks;

import io.uavstream.schemas.AnalyticsEvent;
import io.uavstream.schemas.DeadLetter;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.TrackEvent;
import io.uavstream.schemas.Topics;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Builds a Flink {@link KafkaSink} that writes uavstream records as Avro values keyed by drone ID.
 *
 * <pre>{@code
 * KafkaSink<FrameDetections> sink = AvroKafkaSinkBuilder.forDetections()
 *         .setBootstrapServers("broker:9092")
 *         .setTransactionalIdPrefix("uavstream-prod-detections")
 *         .build();
 * }</pre>
 *
 * <p>The default delivery guarantee is {@link DeliveryGuarantee#EXACTLY_ONCE}: records are written
 * in Kafka transactions that commit when a Flink checkpoint completes, so the job must enable
 * checkpointing and consumers must read with {@code isolation.level=read_committed}. Every
 * setter validates its argument at once and {@link #build()} checks that required settings are
 * present.
 *
 * @param <T> the Avro record type
 */
public final class AvroKafkaSinkBuilder<T> {

    /**
     * Default Kafka transaction timeout: 10 minutes, below the broker's default
     * {@code transaction.max.timeout.ms} of 15 minutes and well above a checkpoint interval.
     */
    public static final Duration DEFAULT_TRANSACTION_TIMEOUT = Duration.ofMinutes(10);

    /**
     * Largest accepted transaction timeout: 15 minutes, the default {@code
     * transaction.max.timeout.ms} of Kafka brokers. A producer asking for more fails at its first
     * transaction.
     */
    // NOTE: brokers configured with a larger transaction.max.timeout.ms cannot use it from here.
    public static final Duration MAX_TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

    /** Producer settings that have their own setter or that this builder fixes. */
    private static final Set<String> OWNED_PRODUCER_SETTINGS = Set.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG,
            ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);

    private final Function<String, KafkaRecordSerializationSchema<T>> serializerFactory;
    private final Properties producerProperties = new Properties();
    private String bootstrapServers;
    private String topic;
    private DeliveryGuarantee deliveryGuarantee = DeliveryGuarantee.EXACTLY_ONCE;
    private String transactionalIdPrefix;
    private Duration transactionTimeout = DEFAULT_TRANSACTION_TIMEOUT;

    private AvroKafkaSinkBuilder(
            String defaultTopic, Function<String, KafkaRecordSerializationSchema<T>> serializerFactory) {
        this.topic = defaultTopic;
        this.serializerFactory = serializerFactory;
        producerProperties.setProperty(
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(Topics.MAX_MESSAGE_BYTES));
    }

    /** Starts a sink for detector output, writing to {@link Topics#DETECTIONS} by default. */
    public static AvroKafkaSinkBuilder<FrameDetections> forDetections() {
        return new AvroKafkaSinkBuilder<>(Topics.DETECTIONS, FrameDetectionsRecordSerializer::new);
    }

    /** Starts a sink for track events, writing to {@link Topics#TRACK_EVENTS} by default. */
    public static AvroKafkaSinkBuilder<TrackEvent> forTrackEvents() {
        return new AvroKafkaSinkBuilder<>(Topics.TRACK_EVENTS, TrackEventRecordSerializer::new);
    }

    /** Starts a sink for analytics events, writing to {@link Topics#ANALYTICS_EVENTS} by default. */
    public static AvroKafkaSinkBuilder<AnalyticsEvent> forAnalyticsEvents() {
        return new AvroKafkaSinkBuilder<>(Topics.ANALYTICS_EVENTS, AnalyticsEventRecordSerializer::new);
    }

    /**
     * Starts a sink for dead letters, writing to {@link Topics#DEAD_LETTERS} by default. A dead
     * letter that would exceed {@link Topics#MAX_MESSAGE_BYTES} is written without the original
     * record's key and value.
     */
    public static AvroKafkaSinkBuilder<DeadLetter> forDeadLetters() {
        return new AvroKafkaSinkBuilder<>(Topics.DEAD_LETTERS, DeadLetterRecordSerializer::new);
    }

    /** Sets the Kafka bootstrap servers, a comma-separated {@code host:port} list. Required. */
    public AvroKafkaSinkBuilder<T> setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = requireNonBlank(bootstrapServers, "bootstrapServers");
        return this;
    }

    /** Sets the target topic. The default depends on the record type. */
    public AvroKafkaSinkBuilder<T> setTopic(String topic) {
        this.topic = requireNonBlank(topic, "topic");
        return this;
    }

    /** Sets the delivery guarantee, by default {@link DeliveryGuarantee#EXACTLY_ONCE}. */
    public AvroKafkaSinkBuilder<T> setDeliveryGuarantee(DeliveryGuarantee deliveryGuarantee) {
        this.deliveryGuarantee = Objects.requireNonNull(deliveryGuarantee, "deliveryGuarantee");
        return this;
    }

    /**
     * Sets the prefix of the Kafka transactional IDs. Required for exactly-once. It must be unique
     * per sink across all jobs that share a Kafka cluster and stay the same across restarts of one
     * job, so that a restarted job aborts the transactions its previous run left open.
     */
    public AvroKafkaSinkBuilder<T> setTransactionalIdPrefix(String transactionalIdPrefix) {
        this.transactionalIdPrefix = requireNonBlank(transactionalIdPrefix, "transactionalIdPrefix");
        return this;
    }

    /**
     * Sets the Kafka transaction timeout (producer {@code transaction.timeout.ms}). It must exceed
     * the checkpoint interval plus the time to recover from a failure, and must not exceed the
     * broker's {@code transaction.max.timeout.ms}. This builder accepts at most
     * {@link #MAX_TRANSACTION_TIMEOUT}.
     */
    public AvroKafkaSinkBuilder<T> setTransactionTimeout(Duration transactionTimeout) {
        Objects.requireNonNull(transactionTimeout, "transactionTimeout");
        if (transactionTimeout.toMillis() < 1) {
            throw new IllegalArgumentException(
                    "transactionTimeout must be at least 1 ms, got " + transactionTimeout);
        }
        if (transactionTimeout.compareTo(MAX_TRANSACTION_TIMEOUT) > 0) {
            throw new IllegalArgumentException("transactionTimeout " + transactionTimeout
                    + " exceeds " + MAX_TRANSACTION_TIMEOUT
                    + ", the default transaction.max.timeout.ms of Kafka brokers");
        }
        this.transactionTimeout = transactionTimeout;
        return this;
    }

    /**
     * Sets any other Kafka producer setting, for example security or compression settings.
     *
     * @throws IllegalArgumentException for settings that have their own setter or that the sink
     *     fixes: bootstrap servers, transactional ID, transaction timeout and serializers
     */
    public AvroKafkaSinkBuilder<T> setProperty(String key, String value) {
        requireNonBlank(key, "key");
        Objects.requireNonNull(value, "value");
        if (OWNED_PRODUCER_SETTINGS.contains(key)) {
            throw new IllegalArgumentException("Producer setting " + key
                    + " is set by the sink builder; use its dedicated setter instead");
        }
        producerProperties.setProperty(key, value);
        return this;
    }

    /**
     * Builds the sink.
     *
     * @throws IllegalStateException if bootstrap servers are missing, or the transactional ID
     *     prefix is missing with exactly-once delivery
     */
    public KafkaSink<T> build() {
        if (bootstrapServers == null) {
            throw new IllegalStateException("bootstrapServers is missing: call setBootstrapServers");
        }
        if (deliveryGuarantee == DeliveryGuarantee.EXACTLY_ONCE && transactionalIdPrefix == null) {
            throw new IllegalStateException(
                    "transactionalIdPrefix is missing: call setTransactionalIdPrefix,"
                    + " which delivery guarantee EXACTLY_ONCE requires");
        }
        Properties properties = new Properties();
        properties.putAll(producerProperties);
        properties.setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                Long.toString(transactionTimeout.toMillis()));

        var builder = KafkaSink.<T>builder()
                .setBootstrapServers(bootstrapServers)
                .setKafkaProducerConfig(properties)
                .setDeliveryGuarantee(deliveryGuarantee)
                .setRecordSerializer(serializerFactory.apply(topic));
        if (transactionalIdPrefix != null) {
            builder.setTransactionalIdPrefix(transactionalIdPrefix);
        }
        return builder.build();
    }

    private static String requireNonBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
