package io.uavstream.cli.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uavstream.ingest.IngestOptions;
import io.uavstream.models.ModelReference;
import io.uavstream.operators.ModelSelection;
import io.uavstream.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code uavstream models use}: publishes a model record to the control topic, so that a running
 * job switches one drone, or the fleet, to another model at its next frame.
 */
@Command(
        name = "use",
        mixinStandardHelpOptions = true,
        description = {
            "Switches the model of one drone (--drone) or of every drone without a model of its own (--fleet) in"
                    + " running uavstream jobs, by publishing a model record to the control topic.",
            "MODEL is the ID of a model bundled in the job jar, or the path of a model descriptor (.json) or"
                    + " ONNX file that exists on every TaskManager; a relative path is sent as an absolute path from"
                    + " this folder. --clear removes the selection, so that the fleet's model or the job's --model"
                    + " applies again. Replays ignore model records."
        })
public final class ModelsUseCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ModelsUseCommand.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Scope scope;

    /** The drone or the fleet that the record selects a model for. */
    static final class Scope {
        @Option(names = "--drone", required = true, paramLabel = "ID", description = "Drone whose model to set.")
        private String droneId;

        @Option(names = "--fleet", required = true,
                description = "Set the model of every drone that has no model record of its own.")
        private boolean fleet;
    }

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
    private String bootstrapServers;

    @Option(names = "--control-topic", paramLabel = "TOPIC", defaultValue = Topics.ANALYTICS_CONTROL,
            description = "Control topic that the jobs read. Default: ${DEFAULT-VALUE}.")
    private String controlTopic;

    @Option(names = "--clear", description = "Remove the selection instead of setting one.")
    private boolean clear;

    @Parameters(arity = "0..1", paramLabel = "MODEL", description = "Bundled model ID or model file path.")
    private String model;

    @Override
    public Integer call() throws JsonProcessingException {
        if (clear && model != null) {
            throw new ParameterException(spec.commandLine(), "Pass either MODEL or --clear, not both");
        }
        String droneId = scope.fleet ? null : checkedDroneId(scope.droneId);
        byte[] value = clear ? null : recordValue(checkedModel());
        String key = ModelSelection.controlKey(droneId);
        RecordMetadata metadata = publish(key, value);
        String target = droneId == null ? "the fleet" : "drone " + droneId;
        String selection = clear ? "Cleared the model selection of " + target : "Selected model " + new String(
                value, StandardCharsets.UTF_8) + " for " + target;
        LOG.info("{}: record {} at offset {} of {}-{}", selection, key, metadata.offset(), metadata.topic(),
                metadata.partition());
        spec.commandLine().getOut().println(selection + " (record key " + key + ", offset " + metadata.offset()
                + " of " + metadata.topic() + "-" + metadata.partition() + ")");
        spec.commandLine().getOut().flush();
        return 0;
    }

    private String checkedDroneId(String droneId) {
        if (!IngestOptions.DRONE_ID_PATTERN.matcher(droneId).matches()) {
            throw new ParameterException(spec.commandLine(), "Invalid drone ID '" + droneId + "': expected 1 to 64"
                    + " letters, digits, '.', '_' and '-'");
        }
        return droneId;
    }

    /** Returns the model reference, with a relative path made absolute against this folder. */
    private ModelReference checkedModel() {
        if (model == null) {
            throw new ParameterException(spec.commandLine(), "MODEL is missing: pass a bundled model ID or a model file"
                    + " path, or --clear");
        }
        ModelReference reference = ModelReference.parse(model);
        if (reference.isBundled()) {
            return reference;
        }
        Path file = Path.of(model).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            LOG.warn("Model file {} is not on this machine; the record is sent anyway, but every TaskManager must have"
                    + " it, or the job rejects the record", file);
        }
        return ModelReference.file(file);
    }

    private static byte[] recordValue(ModelReference reference) throws JsonProcessingException {
        return JSON.writeValueAsBytes(Map.of("model", reference.toString()));
    }

    private RecordMetadata publish(String key, byte[] value) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(controlTopic, key.getBytes(StandardCharsets.UTF_8), value)).get();
        } catch (ExecutionException e) {
            throw new KafkaException("Failed to publish the model record " + key + " to " + controlTopic + " at "
                    + bootstrapServers + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while publishing the model record " + key + " to " + controlTopic, e);
        }
    }
}
