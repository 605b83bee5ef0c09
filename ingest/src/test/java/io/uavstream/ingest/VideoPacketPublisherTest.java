package io.uavstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.schemas.CaptureTimeSource;
import io.uavstream.schemas.Topics;
import io.uavstream.schemas.VideoPacket;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.server.config.ServerLogConfigs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VideoPacketPublisherTest {

    private static final int THREE_MEGABYTES = 3 * 1024 * 1024;

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
    void publishedPacketIsConsumedBackIntact() {
        String topic = "video-roundtrip";
        broker.createTopic(topic, 1, TopicProvisioner.videoTopicConfig());
        VideoPacket sent = packet("drone-1", 0, new byte[] {0, 0, 0, 1, 0x65, 1, 2, 3});

        try (VideoPacketPublisher publisher = new VideoPacketPublisher(broker.bootstrapServers(), topic)) {
            publisher.publish(sent);
            publisher.flush();
            assertThat(publisher.acknowledgedSends()).isEqualTo(1);
        }

        List<VideoRecords.Keyed> records = VideoRecords.readUntil(broker.bootstrapServers(), topic, r -> r.size() >= 1);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo("drone-1");
        assertThat(records.get(0).packet()).isEqualTo(sent);
    }

    @Test
    void threeMegabyteAccessUnitPassesProvisionedTopic() {
        String topic = "video-large";
        try (TopicProvisioner provisioner = new TopicProvisioner(broker.bootstrapServers())) {
            assertThat(provisioner.ensureVideoTopic(topic)).isTrue();
        }
        byte[] accessUnit = new byte[THREE_MEGABYTES];
        new Random(7).nextBytes(accessUnit);

        try (VideoPacketPublisher publisher = new VideoPacketPublisher(broker.bootstrapServers(), topic)) {
            publisher.publish(packet("drone-4k", 0, accessUnit));
            publisher.flush();
        }

        List<VideoRecords.Keyed> records = VideoRecords.readUntil(broker.bootstrapServers(), topic, r -> r.size() >= 1);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).packet().getAccessUnit()).isEqualTo(ByteBuffer.wrap(accessUnit));
    }

    @Test
    void kafkaDefaultLimitRejectsThreeMegabytes() {
        String topic = "video-default-limit";
        broker.createTopic(topic, 1,
                Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(ServerLogConfigs.MAX_MESSAGE_BYTES_DEFAULT)));

        VideoPacketPublisher publisher = new VideoPacketPublisher(broker.bootstrapServers(), topic);
        publisher.publish(packet("drone-4k", 0, new byte[THREE_MEGABYTES]));

        assertThatThrownBy(publisher::flush)
                .isInstanceOf(IngestException.class)
                .hasMessageContaining(topic)
                .hasCauseInstanceOf(RecordTooLargeException.class);
        assertThat(publisher.failedSends()).isEqualTo(1);
        assertThatThrownBy(publisher::close).isInstanceOf(IngestException.class);
    }

    @Test
    void failedSendIsLoggedWithDroneAndSequence() {
        String topic = "video-logged-failure";
        broker.createTopic(topic, 1, Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1024"));

        try (LogCapture errors = LogCapture.of(VideoPacketPublisher.class, org.apache.logging.log4j.Level.ERROR)) {
            VideoPacketPublisher publisher = new VideoPacketPublisher(broker.bootstrapServers(), topic);
            publisher.publish(packet("drone-9", 41, new byte[4096]));
            assertThatThrownBy(publisher::close).isInstanceOf(IngestException.class);

            assertThat(errors.messages()).singleElement().asString()
                    .contains("drone-9")
                    .contains("sequence 41")
                    .contains(topic);
        }
    }

    @Test
    void provisionedTopicHasMaxMessageBytes() throws Exception {
        String topic = "video-provisioned";
        try (TopicProvisioner provisioner = new TopicProvisioner(broker.bootstrapServers())) {
            assertThat(provisioner.ensureVideoTopic(topic)).isTrue();
            assertThat(provisioner.ensureVideoTopic(topic)).isFalse();
        }

        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            String value = admin.describeConfigs(List.of(resource)).all().get().get(resource)
                    .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value();
            assertThat(value).isEqualTo(Integer.toString(Topics.MAX_MESSAGE_BYTES));
        }
    }

    @Test
    void producerConfigIsIdempotentWithoutCompression() {
        Map<String, Object> config = VideoPacketPublisher.producerConfig("127.0.0.1:9092", "test");

        assertThat(config).containsEntry("acks", "all");
        assertThat(config).containsEntry("enable.idempotence", true);
        assertThat(config).containsEntry("compression.type", "none");
        assertThat(config).containsEntry("max.request.size", Topics.MAX_MESSAGE_BYTES);
    }

    private static VideoPacket packet(String droneId, long sequence, byte[] accessUnit) {
        return VideoPacket.newBuilder()
                .setDroneId(droneId)
                .setSessionId("session-1")
                .setSequence(sequence)
                .setPtsMicros(sequence * 40_000)
                .setDtsMicros(sequence * 40_000)
                .setDurationMicros(40_000)
                .setCaptureTimeMicros(Instant.parse("2025-06-01T10:00:00Z").truncatedTo(ChronoUnit.MICROS))
                .setCaptureTimeSource(CaptureTimeSource.WALL_CLOCK_PLUS_PTS)
                .setKeyframe(true)
                .setCodec("h264")
                .setWidth(3840)
                .setHeight(2160)
                .setCodecConfig(ByteBuffer.wrap(new byte[] {1, 100, 0, 40}))
                .setAccessUnit(ByteBuffer.wrap(accessUnit))
                .setEndOfStream(false)
                .build();
    }
}
