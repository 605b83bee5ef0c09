package io.uavstream.cli.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.kafka.embedded.CommittedRecords;
import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code uavstream models use} against a real broker. */
class ModelsUseCommandTest {

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
    void droneSelectionIsPublished() {
        String topic = createTopic("use-drone");

        int exitCode = execute("use", "--bootstrap", broker.bootstrapServers(), "--control-topic", topic,
                "--drone", "drone-1", "uavdet-416");

        ConsumerRecord<byte[], byte[]> record = single(topic);
        assertThat(exitCode).isZero();
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("model:drone-1");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"model\":\"uavdet-416\"}");
    }

    @Test
    void fleetPathIsSentAbsolute() {
        String topic = createTopic("use-fleet");

        int exitCode = execute("use", "--bootstrap", broker.bootstrapServers(), "--control-topic", topic,
                "--fleet", "models/a.json");

        ConsumerRecord<byte[], byte[]> record = single(topic);
        String absolute = Path.of("models/a.json").toAbsolutePath().normalize().toString();
        assertThat(exitCode).isZero();
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("model:*");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"model\":\"" + absolute + "\"}");
    }

    @Test
    void clearSendsTombstone() {
        String topic = createTopic("use-clear");

        int exitCode = execute("use", "--bootstrap", broker.bootstrapServers(), "--control-topic", topic,
                "--drone", "drone-1", "--clear");

        assertThat(exitCode).isZero();
        assertThat(single(topic).value()).isNull();
    }

    @Test
    void unknownBundledModelIsRejected() {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new ModelsCommand()).setErr(new PrintWriter(err));

        int exitCode = command.execute("use", "--bootstrap", broker.bootstrapServers(), "--drone", "drone-1",
                "uavdet-999");

        assertThat(exitCode).isNotZero();
        assertThat(err.toString()).contains("Unknown bundled model 'uavdet-999'");
    }

    @Test
    void droneAndFleetAreExclusive() {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new ModelsCommand()).setErr(new PrintWriter(err));

        int exitCode = command.execute("use", "--bootstrap", broker.bootstrapServers(), "--drone", "drone-1",
                "--fleet", "uavdet-416");

        assertThat(exitCode).isNotZero();
        assertThat(err.toString()).contains("mutually exclusive");
    }

    private static String createTopic(String name) {
        broker.createTopic(name, 1, Map.of());
        return name;
    }

    private static int execute(String... args) {
        return new CommandLine(new ModelsCommand()).setOut(new PrintWriter(new StringWriter())).execute(args);
    }

    private static ConsumerRecord<byte[], byte[]> single(String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = CommittedRecords.readAll(broker.bootstrapServers(), topic);
        assertThat(records).hasSize(1);
        return records.get(0);
    }
}
