package io.uavstream.cli.replay;

import io.uavstream.schemas.AvroCodec;
import io.uavstream.schemas.VideoPacket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The size of a video topic on a broker's disk ({@code Admin.describeLogDirs}, one replica) and the
 * capture-time span of its packets.
 *
 * @param logBytes bytes of the topic's log segments on the first broker, all partitions
 * @param records records in the topic
 */
record TopicSize(long logBytes, long records, Instant firstCapture, Instant lastCapture) {

    static TopicSize measure(String bootstrapServers, String topic) throws ExecutionException, InterruptedException {
        long logBytes = 0;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            int brokerId = admin.describeCluster().nodes().get().iterator().next().id();
            Map<String, LogDirDescription> directories =
                    admin.describeLogDirs(List.of(brokerId)).allDescriptions().get().get(brokerId);
            for (LogDirDescription directory : directories.values()) {
                for (Map.Entry<TopicPartition, ReplicaInfo> replica : directory.replicaInfos().entrySet()) {
                    if (replica.getKey().topic().equals(topic)) {
                        logBytes += replica.getValue().size();
                    }
                }
            }
        }
        return scan(bootstrapServers, topic, logBytes);
    }

    private static TopicSize scan(String bootstrapServers, String topic, long logBytes) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        AvroCodec<VideoPacket> codec = AvroCodec.of(VideoPacket.class);
        Instant first = Instant.MAX;
        Instant last = Instant.MIN;
        long records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    Instant capture = codec.decode(record.value()).getCaptureTimeMicros();
                    first = capture.isBefore(first) ? capture : first;
                    last = capture.isAfter(last) ? capture : last;
                    records++;
                }
            }
        }
        return new TopicSize(logBytes, records, first, last);
    }
}
