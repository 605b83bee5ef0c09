package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.ingest.DemuxedPacket;
import io.uavstream.ingest.SyntheticVideo;
import io.uavstream.ingest.VideoPacketPublisher;
import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.models.testing.TinyModels;
import io.uavstream.schemas.DeadLetter;
import io.uavstream.schemas.FrameDetections;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The analysis fed by a real Kafka source through {@link VideoRecordDeserializer}. */
class KafkaSourceAnalysisTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final String TOPIC = "uavstream.video.test";
    private static final int FRAMES = 20;

    @TempDir
    static Path dir;

    private static EmbeddedKafkaBroker broker;
    private static Path model;

    @BeforeAll
    static void publish() throws Exception {
        broker = EmbeddedKafkaBroker.start();
        broker.createTopic(TOPIC, 1, Map.of());
        model = TinyModels.yolox(dir.resolve("model"));
        List<DemuxedPacket> clip = TestPackets.demux(SyntheticVideo.builder().frames(FRAMES).size(160, 120).gop(10)
                .write(dir.resolve("clip.ts")));

        sendRaw("drone-k", "not a video packet".getBytes(StandardCharsets.UTF_8));
        try (VideoPacketPublisher publisher = new VideoPacketPublisher(broker.bootstrapServers(), TOPIC)) {
            TestPackets.packets(TestPackets.session("drone-k", "s1", clip, 0)).forEach(publisher::publish);
            publisher.flush();
        }
        sendRaw("drone-z", io.uavstream.schemas.AvroCodec.of(io.uavstream.schemas.VideoPacket.class)
                .encode(TestPackets.packet("drone-k", 0)));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void kafkaRecordsAreAnalysedAndRejected() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        KafkaSource<PacketOrDeadLetter> source = KafkaSource.<PacketOrDeadLetter>builder()
                .setBootstrapServers(broker.bootstrapServers())
                .setTopics(TOPIC)
                .setGroupId("operators-test")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest())
                .setDeserializer(new VideoRecordDeserializer())
                .build();
        DataStream<PacketOrDeadLetter> records = env.fromSource(source,
                DroneAnalysis.watermarks(Duration.ofSeconds(1), Duration.ofSeconds(5)), "Kafka " + TOPIC);
        AnalysisStreams streams = DroneAnalysis.apply(records,
                AnalysisConfig.builder().modelPath(model.toString()).build());
        DataStream.Collector<FrameDetections> detections = new DataStream.Collector<>();
        streams.detections().collectAsync(detections);
        DataStream.Collector<DeadLetter> deadLetters = new DataStream.Collector<>();
        streams.deadLetters().collectAsync(deadLetters);

        JobClient client = env.executeAsync("kafka source analysis test");
        List<FrameDetections> detected = drain(detections.getOutput());
        List<DeadLetter> rejected = drain(deadLetters.getOutput());
        client.getJobExecutionResult().get();

        assertThat(detected).hasSize(FRAMES);
        assertThat(detected).allSatisfy(frame -> assertThat(frame.getPublishedAtMicros()).isNotNull());
        assertThat(rejected).extracting(DeadLetter::getSourceOffset).containsExactlyInAnyOrder(0L, FRAMES + 2L);
        assertThat(rejected).extracting(DeadLetter::getErrorType)
                .containsExactlyInAnyOrder(DeadLetterErrors.MALFORMED_RECORD, DeadLetterErrors.KEY_MISMATCH);
        assertThat(rejected).extracting(DeadLetter::getSourceTopic).containsOnly(TOPIC);
    }

    private static void sendRaw(String key, byte[] value) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key.getBytes(StandardCharsets.UTF_8), value)).get();
        }
    }

    private static <T> List<T> drain(CloseableIterator<T> iterator) throws Exception {
        try (iterator) {
            List<T> items = new ArrayList<>();
            iterator.forEachRemaining(items::add);
            return items;
        }
    }
}
