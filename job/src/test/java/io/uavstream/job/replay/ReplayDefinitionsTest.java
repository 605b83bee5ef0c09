package io.uavstream.job.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zones and lines of a replay from a file and from a snapshot of a control topic on a real broker. */
class ReplayDefinitionsTest {

    private static final String ONE_ZONE = """
            {"zones": [{"id": "gate", "polygon": [[0, 0], [100, 0], [100, 50], [0, 50]]}]}""";
    private static final String TWO_ZONES_ONE_LINE = """
            {"zones": [{"id": "gate", "polygon": [[0, 0], [100, 0], [100, 50], [0, 50]]},
                       {"id": "yard", "polygon": [[200, 0], [300, 0], [300, 50]]}],
             "lines": [{"id": "road", "from": [0, 300], "to": [640, 300]}]}""";

    @TempDir
    static Path directory;

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
    void snapshotKeepsLatestPerDrone() {
        publish("latest", new String[][] {{"drone-1", ONE_ZONE}, {"drone-2", ONE_ZONE}, {"drone-1", TWO_ZONES_ONE_LINE}});

        ReplayDefinitions definitions = ControlTopicSnapshot.read(kafka.bootstrapServers(), "latest", Set.of());

        assertThat(definitions.drones()).containsOnlyKeys("drone-1", "drone-2");
        assertThat(definitions.drones().get("drone-1").definitions().zones()).hasSize(2);
        assertThat(definitions.drones().get("drone-1").definitions().lines()).hasSize(1);
        assertThat(definitions.drones().get("drone-1").origin()).isEqualTo("offset 2 of latest-0");
        assertThat(definitions.source()).isEqualTo("control topic latest, partition 0 offsets 0 to 3");
    }

    @Test
    void emptyValueRemovesDrone() {
        publish("removal", new String[][] {{"drone-1", ONE_ZONE}, {"drone-2", ONE_ZONE}, {"drone-1", ""}});

        ReplayDefinitions definitions = ControlTopicSnapshot.read(kafka.bootstrapServers(), "removal", Set.of());

        assertThat(definitions.drones()).containsOnlyKeys("drone-2");
    }

    @Test
    void invalidRecordKeepsPreviousDefinitions() {
        publish("invalid", new String[][] {{"drone-1", ONE_ZONE}, {"drone-1", "{\"zones\": [{\"id\": "},
                {"drone-1", "{\"lnes\": []}"}});

        ReplayDefinitions definitions = ControlTopicSnapshot.read(kafka.bootstrapServers(), "invalid", Set.of());

        assertThat(definitions.drones().get("drone-1").origin()).isEqualTo("offset 0 of invalid-0");
    }

    @Test
    void foreignDroneEntryIsSkipped() {
        String foreign = "{\"zones\": [{\"id\": \"gate\", \"drone\": \"drone-9\", \"polygon\": [[0, 0], [9, 0], [9, 9]]}]}";
        publish("foreign", new String[][] {{"drone-1", ONE_ZONE}, {"drone-1", foreign}});

        ReplayDefinitions definitions = ControlTopicSnapshot.read(kafka.bootstrapServers(), "foreign", Set.of());

        assertThat(definitions.drones()).containsOnlyKeys("drone-1");
        assertThat(definitions.drones().get("drone-1").origin()).isEqualTo("offset 0 of foreign-0");
    }

    @Test
    void modelRecordIsIgnored() {
        publish("model", new String[][] {{"drone-1", ONE_ZONE}, {"model:drone-1", "{\"model\": \"uavdet-416\"}"},
                {"model:*", ""}});

        ReplayDefinitions definitions = ControlTopicSnapshot.read(kafka.bootstrapServers(), "model", Set.of());

        assertThat(definitions.drones()).containsOnlyKeys("drone-1");
        assertThat(definitions.drones().get("drone-1").origin()).isEqualTo("offset 0 of model-0");
    }

    @Test
    void snapshotKeepsReplayedDronesOnly() {
        publish("selected", new String[][] {{"drone-1", ONE_ZONE}, {"drone-2", ONE_ZONE}});

        ReplayDefinitions definitions = ControlTopicSnapshot.read(kafka.bootstrapServers(), "selected", Set.of("drone-2"));

        assertThat(definitions.drones()).containsOnlyKeys("drone-2");
    }

    @Test
    void missingTopicGivesNoDefinitions() {
        ReplayDefinitions definitions = ControlTopicSnapshot.read(kafka.bootstrapServers(), "no-such-topic", Set.of());

        assertThat(definitions.analytics()).isTrue();
        assertThat(definitions.drones()).isEmpty();
        assertThat(definitions.source()).contains("does not exist");
    }

    @Test
    void fileEntriesBelongToSingleDrone() throws Exception {
        Path file = Files.writeString(directory.resolve("one-drone.json"), TWO_ZONES_ONE_LINE);

        ReplayDefinitions definitions = ReplayDefinitions.fromFile(file, Set.of("drone-7"));

        assertThat(definitions.describeDrones()).containsExactly("drone-7: 2 zones, 1 line from " + file);
    }

    @Test
    void fileEntryWithoutDroneIsRejected() throws Exception {
        Path file = Files.writeString(directory.resolve("no-drone.json"), ONE_ZONE);

        assertThatThrownBy(() -> ReplayDefinitions.fromFile(file, Set.of("drone-1", "drone-2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--zones: invalid zones and lines in " + file)
                .hasMessageContaining("needs exactly one --drones");
    }

    @Test
    void noAnalyticsGivesNoDefinitions() {
        ReplayOptions options = ReplayOptions.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .range(new ReplayRange(0, 1, Set.of()))
                .modelPath(Path.of("/m.json"))
                .analytics(false)
                .build();

        ReplayDefinitions definitions = ReplayDefinitions.load(options);

        assertThat(definitions.analytics()).isFalse();
        assertThat(definitions.definitionsByDrone()).isEqualTo(Map.of());
    }

    /** Publishes {@code records}, each a drone ID and a value (empty for a removal), to a new one-partition topic. */
    private static void publish(String topic, String[][] records) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties)) {
            for (String[] record : records) {
                producer.send(new ProducerRecord<>(topic, 0, record[0].getBytes(StandardCharsets.UTF_8),
                        record[1].getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }
}
