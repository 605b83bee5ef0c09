package io.uavstream.cli.embedded;

import io.uavstream.ingest.TopicProvisioner;
import io.uavstream.job.JobOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Creates the job's topics before it starts: video, detections, dead letters, track events when
 * tracking is on, and the analytics control and events topics when analytics are on. Every uavstream topic needs the raised record limit of the video topic:
 * detections are small, but a dead letter carries the original access unit.
 */
final class TopicSetup {

    private TopicSetup() {}

    static void createTopics(String bootstrapServers, JobOptions options) {
        try (TopicProvisioner provisioner = new TopicProvisioner(bootstrapServers)) {
            provisioner.ensureVideoTopic(options.videoTopic());
            provisioner.ensureVideoTopic(options.detectionsTopic());
            provisioner.ensureVideoTopic(options.deadLetterTopic());
            if (options.tracking()) {
                provisioner.ensureVideoTopic(options.trackEventsTopic());
            }
            if (options.readsControlTopic()) {
                provisioner.ensureVideoTopic(options.controlTopic());
            }
            if (options.analyticsEnabled()) {
                provisioner.ensureVideoTopic(options.analyticsEventsTopic());
            }
        }
    }

    /**
     * Commits the current end offsets of the video topic for the job's consumer group, so that a
     * job started with committed offsets reads exactly the records published from now on, however
     * long its source takes to start.
     */
    static void commitEndOffsets(String bootstrapServers, JobOptions options) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            String topic = options.videoTopic();
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic))
                    .allTopicNames().get().get(topic).partitions().stream()
                    .collect(Collectors.toMap(info -> new TopicPartition(topic, info.partition()), info -> OffsetSpec.latest()));
            Map<TopicPartition, OffsetAndMetadata> ends = admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> new OffsetAndMetadata(entry.getValue().offset())));
            admin.alterConsumerGroupOffsets(options.groupId(), ends).all().get();
        } catch (ExecutionException e) {
            throw new KafkaException("Failed to commit the end offsets of " + options.videoTopic()
                    + " for consumer group " + options.groupId() + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while committing start offsets", e);
        }
    }
}
