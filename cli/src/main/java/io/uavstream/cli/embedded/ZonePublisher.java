package io.uavstream.cli.embedded;

import io.uavstream.analytics.definition.DefinitionSet;
import io.uavstream.analytics.definition.DefinitionWriter;
import io.uavstream.analytics.definition.LineDefinition;
import io.uavstream.analytics.definition.ZoneDefinition;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes zones and lines to the analytics control topic: one record per drone, keyed by its
 * ID, with that drone's definitions as a control message. The records get the current time as
 * their Kafka timestamp, so they apply to frames captured from now on.
 */
final class ZonePublisher {

    private static final Logger LOG = LoggerFactory.getLogger(ZonePublisher.class);

    private ZonePublisher() {}

    /**
     * Publishes {@code definitions} and waits until the broker has acknowledged every record.
     *
     * @return the drone IDs that got a record
     */
    static SortedSet<String> publish(String bootstrapServers, String topic, DefinitionSet definitions) {
        SortedSet<String> droneIds = droneIds(definitions);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(bootstrapServers))) {
            for (String droneId : droneIds) {
                String document = DefinitionWriter.toControlJson(definitions.forDrone(droneId));
                producer.send(new ProducerRecord<>(topic, droneId.getBytes(StandardCharsets.UTF_8),
                        document.getBytes(StandardCharsets.UTF_8))).get();
            }
        } catch (ExecutionException e) {
            throw new KafkaException("Failed to publish zones and lines to " + topic + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while publishing zones and lines to " + topic, e);
        }
        LOG.info("Published {} zones and {} lines of drones {} to {}", definitions.zones().size(),
                definitions.lines().size(), droneIds, topic);
        return droneIds;
    }

    private static SortedSet<String> droneIds(DefinitionSet definitions) {
        SortedSet<String> droneIds = new TreeSet<>();
        definitions.zones().stream().map(ZoneDefinition::droneId).forEach(droneIds::add);
        definitions.lines().stream().map(LineDefinition::droneId).forEach(droneIds::add);
        return droneIds;
    }

    private static Properties producerProperties(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return properties;
    }
}
