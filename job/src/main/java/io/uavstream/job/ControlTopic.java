package io.uavstream.job;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the analytics control topic when it is missing, because the job's Kafka source fails on
 * a topic that does not exist and nothing else writes to this one before the first zones. The
 * topic gets one partition and {@code cleanup.policy=compact}, so that Kafka keeps each drone's
 * latest definitions.
 */
final class ControlTopic {

    private static final Logger LOG = LoggerFactory.getLogger(ControlTopic.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ControlTopic() {}

    /**
     * Creates {@link JobOptions#controlTopic()} with the broker's default replication factor if it
     * does not exist.
     *
     * @return true when this call created the topic
     * @throws IllegalStateException when Kafka could not be asked or refused to create the topic,
     *     naming the topic so that it can be created by hand
     */
    static boolean ensureExists(JobOptions options) {
        String topic = options.controlTopic();
        NewTopic newTopic = new NewTopic(topic, Optional.of(1), Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers()))) {
            admin.createTopics(List.of(newTopic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Created the analytics control topic {} (1 partition, compacted)", topic);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new IllegalStateException("Failed to create the analytics control topic " + topic
                    + "; create it by hand or pass --analytics false: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out after " + TIMEOUT.toSeconds() + " s creating the analytics"
                    + " control topic " + topic + " at " + options.bootstrapServers(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the analytics control topic " + topic, e);
        }
    }
}
