package io.uavstream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ControlTopicTest {

    private static EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void missingTopicIsCreatedCompacted() throws Exception {
        JobOptions options = options("zones-created");

        boolean created = ControlTopic.ensureExists(options);

        assertThat(created).isTrue();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "zones-created");
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            assertThat(admin.describeTopics(List.of("zones-created")).allTopicNames().get().get("zones-created")
                    .partitions()).hasSize(1);
        }
    }

    @Test
    void existingTopicIsKept() {
        JobOptions options = options("zones-existing");
        ControlTopic.ensureExists(options);

        boolean created = ControlTopic.ensureExists(options);

        assertThat(created).isFalse();
    }

    private static JobOptions options(String controlTopic) {
        return JobOptions.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .modelPath(Path.of("/models/m.json"))
                .controlTopic(controlTopic)
                .build();
    }
}
