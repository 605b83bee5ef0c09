package io.uavstream.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.kafka.embedded.CommittedRecords;
import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.schemas.AvroCodec;
import io.uavstream.schemas.DeadLetter;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.TrackEvent;
import io.uavstream.schemas.TrackEventType;
import io.uavstream.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AvroKafkaSinkMiniClusterTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(1)
                    .build());

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
    void detectionsSinkWritesEveryRecordOnce() throws Exception {
        String topic = "detections-once";
        kafka.createTopic(topic, 1, Map.of());
        List<FrameDetections> written = detectionsOfTwoDrones(20);

        runDetectionsJob(topic, written);
        List<ConsumerRecord<byte[], byte[]>> records = CommittedRecords.readAll(kafka.bootstrapServers(), topic);

        AvroCodec<FrameDetections> codec = AvroCodec.of(FrameDetections.class);
        List<FrameDetections> read = records.stream().map(r -> codec.decode(r.value())).toList();
        assertThat(read).containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void detectionsSinkKeysByDroneId() throws Exception {
        String topic = "detections-keys";
        kafka.createTopic(topic, 1, Map.of());

        runDetectionsJob(topic, detectionsOfTwoDrones(10));
        List<ConsumerRecord<byte[], byte[]>> records = CommittedRecords.readAll(kafka.bootstrapServers(), topic);

        AvroCodec<FrameDetections> codec = AvroCodec.of(FrameDetections.class);
        for (ConsumerRecord<byte[], byte[]> record : records) {
            assertThat(new String(record.key(), StandardCharsets.UTF_8))
                    .isEqualTo(codec.decode(record.value()).getDroneId());
        }
    }

    @Test
    void detectionsSinkWritesInTransactions() throws Exception {
        String topic = "detections-transactions";
        kafka.createTopic(topic, 1, Map.of());

        runDetectionsJob(topic, detectionsOfTwoDrones(10));

        // Each committed transaction adds a commit marker, which takes an offset of its own.
        assertThat(CommittedRecords.endOffset(kafka.bootstrapServers(), topic)).isGreaterThan(10);
    }

    @Test
    void trackEventSinkWritesEveryRecordOnce() throws Exception {
        String topic = "track-events-once";
        kafka.createTopic(topic, 1, Map.of());
        List<TrackEvent> written = List.of(
                TestRecords.trackEvent("drone-a", 1, TrackEventType.STARTED, 1),
                TestRecords.trackEvent("drone-b", 1, TrackEventType.STARTED, 2),
                TestRecords.trackEvent("drone-a", 1, TrackEventType.ENDED, 26));

        StreamExecutionEnvironment env = checkpointingEnvironment();
        env.fromData(written, new GenericTypeInfo<>(TrackEvent.class))
                .sinkTo(AvroKafkaSinkBuilder.forTrackEvents()
                        .setBootstrapServers(kafka.bootstrapServers())
                        .setTopic(topic)
                        .setTransactionalIdPrefix("sink-it-" + topic)
                        .build());
        env.execute("track events to Kafka");
        List<ConsumerRecord<byte[], byte[]>> records = CommittedRecords.readAll(kafka.bootstrapServers(), topic);

        AvroCodec<TrackEvent> codec = AvroCodec.of(TrackEvent.class);
        assertThat(records.stream().map(r -> codec.decode(r.value())).toList()).containsExactlyElementsOf(written);
        assertThat(records).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsExactly("drone-a", "drone-b", "drone-a");
    }

    @Test
    void deadLetterSinkWritesEveryRecordOnce() throws Exception {
        String topic = "dead-letters-once";
        kafka.createTopic(topic, 1, Map.of("max.message.bytes", Integer.toString(Topics.MAX_MESSAGE_BYTES)));
        List<DeadLetter> written = List.of(
                TestRecords.deadLetter("drone-b", 1, new byte[] {1, 2, 3}),
                TestRecords.deadLetter(null, 2, new byte[] {4}),
                TestRecords.deadLetter("drone-b", 3, new byte[Topics.MAX_MESSAGE_BYTES]));

        StreamExecutionEnvironment env = checkpointingEnvironment();
        env.fromData(written, new GenericTypeInfo<>(DeadLetter.class))
                .sinkTo(AvroKafkaSinkBuilder.forDeadLetters()
                        .setBootstrapServers(kafka.bootstrapServers())
                        .setTopic(topic)
                        .setTransactionalIdPrefix("sink-it-" + topic)
                        .build());
        env.execute("dead letters to Kafka");
        List<ConsumerRecord<byte[], byte[]>> records = CommittedRecords.readAll(kafka.bootstrapServers(), topic);

        AvroCodec<DeadLetter> codec = AvroCodec.of(DeadLetter.class);
        Map<Long, DeadLetter> byOffset = records.stream()
                .map(r -> codec.decode(r.value()))
                .collect(Collectors.toMap(DeadLetter::getSourceOffset, d -> d));
        assertThat(byOffset).containsOnlyKeys(1L, 2L, 3L);
        assertThat(byOffset.get(1L).getRecordValue().remaining()).isEqualTo(3);
        assertThat(byOffset.get(3L).getRecordValue()).isNull();
        assertThat(byOffset.get(3L).getReason()).contains("omitted");
    }

    private static void runDetectionsJob(String topic, List<FrameDetections> detections) throws Exception {
        StreamExecutionEnvironment env = checkpointingEnvironment();
        env.fromData(detections, new GenericTypeInfo<>(FrameDetections.class))
                .sinkTo(AvroKafkaSinkBuilder.forDetections()
                        .setBootstrapServers(kafka.bootstrapServers())
                        .setTopic(topic)
                        .setTransactionalIdPrefix("sink-it-" + topic)
                        .build());
        env.execute("detections to Kafka");
    }

    private static StreamExecutionEnvironment checkpointingEnvironment() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(500);
        return env;
    }

    static List<FrameDetections> detectionsOfTwoDrones(int count) {
        List<FrameDetections> detections = new ArrayList<>();
        LongStream.range(0, count).forEach(i ->
                detections.add(TestRecords.detections(i % 2 == 0 ? "drone-a" : "drone-b", i)));
        return detections;
    }
}
