package io.uavstream.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerTest {

    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(30);

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void bootstrapServersIsLoopbackAddress() {
        assertThat(broker.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void producedRecordIsConsumedBack() {
        broker.createTopic("plain", 1, Map.of());

        try (KafkaProducer<String, String> producer = producer(broker, Map.of())) {
            producer.send(new ProducerRecord<>("plain", "drone-1", "hello")).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        List<ConsumerRecord<String, String>> records = consume(broker, "plain", 1, "read_uncommitted");
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo("drone-1");
        assertThat(records.get(0).value()).isEqualTo("hello");
    }

    @Test
    void readCommittedSeesOnlyCommittedTransactions() {
        broker.createTopic("transactional", 1, Map.of());
        Map<String, Object> transactional = Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + UUID.randomUUID());

        try (KafkaProducer<String, String> producer = producer(broker, transactional)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactional", "drone-1", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactional", "drone-1", "committed-1"));
            producer.send(new ProducerRecord<>("transactional", "drone-1", "committed-2"));
            producer.commitTransaction();
        }

        List<ConsumerRecord<String, String>> records = consume(broker, "transactional", 2, "read_committed");
        assertThat(records).extracting(ConsumerRecord::value).containsExactly("committed-1", "committed-2");
    }

    @Test
    void twoBrokersRunInOneJvm() throws Exception {
        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start()) {
            assertThat(second.bootstrapServers()).isNotEqualTo(broker.bootstrapServers());

            second.createTopic("second-only", 1, Map.of());
            try (KafkaProducer<String, String> producer = producer(second, Map.of())) {
                producer.send(new ProducerRecord<>("second-only", "drone-2", "on second")).get();
            }
            List<ConsumerRecord<String, String>> records = consume(second, "second-only", 1, "read_uncommitted");
            assertThat(records).extracting(ConsumerRecord::value).containsExactly("on second");
        }
    }

    @Test
    void closeDeletesLogDirectory() {
        EmbeddedKafkaBroker temporary = EmbeddedKafkaBroker.start(Map.of("auto.create.topics.enable", "false"));
        Path logDir = temporary.logDirectory();
        assertThat(logDir).isDirectory();

        temporary.close();
        temporary.close();

        assertThat(Files.exists(logDir)).isFalse();
    }

    @Test
    void createTopicFailsWhenTopicExists() {
        broker.createTopic("duplicate", 1, Map.of());

        assertThatThrownBy(() -> broker.createTopic("duplicate", 1, Map.of()))
                .isInstanceOf(KafkaException.class)
                .hasMessageContaining("duplicate");
    }

    @Test
    void startRejectsReservedOverride() {
        assertThatThrownBy(() -> EmbeddedKafkaBroker.start(Map.of("listeners", "PLAINTEXT://0.0.0.0:9092")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listeners");
    }

    @Test
    void startFailsOnInvalidOverride() {
        assertThatThrownBy(() -> EmbeddedKafkaBroker.start(Map.of("message.max.bytes", "not-a-number")))
                .isInstanceOf(KafkaException.class)
                .hasMessageContaining("message.max.bytes");
    }

    @Test
    void failedStartupCleansUpHalfStartedServer() {
        // The controller fails after the Raft layer has started, where Kafka itself would halt the JVM.
        assertThatThrownBy(() -> EmbeddedKafkaBroker.start(Map.of("authorizer.class.name", "io.uavstream.MissingAuthorizer")))
                .isInstanceOf(KafkaException.class)
                .hasMessageContaining("halt");

        try (EmbeddedKafkaBroker next = EmbeddedKafkaBroker.start()) {
            assertThat(next.bootstrapServers()).isNotEqualTo(broker.bootstrapServers());
        }
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafkaBroker target, Map<String, Object> extra) {
        Map<String, Object> config = new java.util.HashMap<>(extra);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static List<ConsumerRecord<String, String>> consume(
            EmbeddedKafkaBroker source, String topic, int expected, String isolationLevel) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, source.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + POLL_TIMEOUT.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // One more poll shows that nothing beyond the expected records is visible.
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
