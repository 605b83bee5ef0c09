package io.uavstream.ingest;

import io.uavstream.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the video topic when it does not exist, with {@code max.message.bytes} set to {@link
 * Topics#MAX_MESSAGE_BYTES}.
 *
 * <p>A keyframe of 4K video can exceed Kafka's default limit of about 1 MB. uavstream raises the
 * limits of the topic, the producer ({@code max.request.size}) and the consumers instead of
 * fragmenting access units over several records, so that every record stays one whole access unit.
 *
 * <p>An existing topic is left as it is. When its {@code max.message.bytes} is lower than {@link
 * Topics#MAX_MESSAGE_BYTES}, the provisioner logs a warning, because the broker will then reject
 * large keyframes.
 */
public final class TopicProvisioner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;
    private final String bootstrapServers;

    /** Creates a provisioner with its own Kafka admin client. */
    public TopicProvisioner(String bootstrapServers) {
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /**
     * Returns the topic settings for video packets: {@code max.message.bytes} of {@link
     * Topics#MAX_MESSAGE_BYTES}.
     */
    public static Map<String, String> videoTopicConfig() {
        return Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(Topics.MAX_MESSAGE_BYTES));
    }

    /**
     * Creates {@code topic} with {@link #videoTopicConfig()} and the broker's default partition
     * count and replication factor, unless it exists.
     *
     * @return true if this call created the topic
     * @throws IngestException if the broker cannot be reached or rejects the request
     */
    public boolean ensureVideoTopic(String topic) {
        return ensureVideoTopic(topic, Optional.empty());
    }

    /**
     * Creates {@code topic} with {@link #videoTopicConfig()}, {@code partitions} partitions (the
     * broker default when empty) and the broker's default replication factor, unless it exists.
     *
     * @return true if this call created the topic
     * @throws IngestException if the broker cannot be reached or rejects the request
     */
    public boolean ensureVideoTopic(String topic, Optional<Integer> partitions) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(partitions, "partitions");
        try {
            if (topicExists(topic)) {
                warnIfLimitTooLow(topic);
                return false;
            }
            NewTopic newTopic = new NewTopic(topic, partitions, Optional.empty()).configs(videoTopicConfig());
            admin.createTopics(List.of(newTopic)).all().get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Created topic {} on {} with max.message.bytes={}", topic, bootstrapServers, Topics.MAX_MESSAGE_BYTES);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                LOG.info("Video topic {} was created concurrently by another client", topic);
                warnIfLimitTooLow(topic);
                return false;
            }
            throw failure(topic, e.getCause());
        } catch (TimeoutException e) {
            throw new IngestException("No Kafka broker responded at " + bootstrapServers + " within "
                    + REQUEST_TIMEOUT.toSeconds() + " s while creating topic " + topic
                    + "; check --bootstrap and that the broker is running", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(topic, e);
        }
    }

    @Override
    public void close() {
        admin.close(REQUEST_TIMEOUT);
    }

    private boolean topicExists(String topic) throws ExecutionException, InterruptedException, TimeoutException {
        return admin.listTopics().names().get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).contains(topic);
    }

    private void warnIfLimitTooLow(String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try {
            Config config = admin.describeConfigs(List.of(resource)).all()
                    .get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(resource);
            ConfigEntry entry = config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            if (entry != null && Long.parseLong(entry.value()) < Topics.MAX_MESSAGE_BYTES) {
                LOG.warn("Video topic {} has max.message.bytes={}, below {}: the broker will reject larger access units."
                        + " Raise it with kafka-configs.sh --alter --entity-type topics --entity-name {}"
                        + " --add-config max.message.bytes={}",
                        topic, entry.value(), Topics.MAX_MESSAGE_BYTES, topic, Topics.MAX_MESSAGE_BYTES);
            }
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Failed to read max.message.bytes of topic {} on {}: {}", topic, bootstrapServers, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(topic, e);
        }
    }

    private IngestException failure(String topic, Throwable cause) {
        return new IngestException("Failed to create topic " + topic + " on " + bootstrapServers + ": " + cause, cause);
    }
}
