package io.uavstream.operators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uavstream.models.InvalidModelException;
import io.uavstream.models.ModelReference;
import io.uavstream.models.ObjectDetector;
import io.uavstream.schemas.DeadLetter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detector of each drone for {@link DetectFunction}: the job's model, or the model that a
 * {@link ModelSelection} chose for the drone or the fleet. It keeps one open detector per model
 * reference in a {@link DetectorCache} of at most {@link AnalysisConfig#maxOpenModels()}, and
 * switches a drone at the first frame after its selection changes.
 *
 * <p>A selected model that fails to open here, for example a file missing on this TaskManager, is
 * logged with the drone ID and the control record's offset, counted in
 * {@value #MODEL_SWITCHES_FAILED} and {@value AnalysisCounters#DEAD_LETTERS}, and sent as one dead
 * letter per drone and selection. The drone keeps the model it used before.
 *
 * <p>Keyed state, so that a restore neither switches back nor repeats a dead letter: the model the
 * drone last used, and the selection that failed for it.
 */
final class DroneModels implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DroneModels.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Counter of drones that switched to another model. */
    static final String MODEL_SWITCHES = "modelSwitches";

    /** Counter of selected models that failed to open for a drone, each also a dead letter. */
    static final String MODEL_SWITCHES_FAILED = "modelSwitchesFailed";

    private final ModelReference jobModel;
    private final DetectorCache detectors;
    private final ValueState<String> modelInUse;
    private final ValueState<String> failedSelection;
    private final AnalysisCounter switches;
    private final AnalysisCounter switchesFailed;
    private final AnalysisCounter deadLetters;

    /**
     * Registers the keyed state and counters in {@code context}, and opens the job's model, so that
     * a broken {@code --model} fails the job when it starts.
     */
    DroneModels(RuntimeContext context, AnalysisConfig config) {
        modelInUse = context.getState(new ValueStateDescriptor<>("model-in-use", Types.STRING));
        failedSelection = context.getState(new ValueStateDescriptor<>("failed-model-selection", Types.STRING));
        switches = AnalysisCounter.register(context, MODEL_SWITCHES);
        switchesFailed = AnalysisCounter.register(context, MODEL_SWITCHES_FAILED);
        deadLetters = AnalysisCounter.register(context, AnalysisCounters.DEAD_LETTERS);
        jobModel = ModelReference.parse(config.modelPath());
        detectors = new DetectorCache(config.maxOpenModels(), config.intraOpThreads());
        detectors.get(jobModel);
    }

    /** Returns the detector of the job's model. */
    ObjectDetector jobDetector() {
        return detectors.get(jobModel);
    }

    /**
     * Returns the detector for the current drone's next frame: the selected model's when it opens,
     * else the one the drone used before.
     *
     * @param selection the drone's selection, or null for the job's model
     * @param deadLetterOutput where a selection that fails to open goes
     */
    ObjectDetector detectorFor(String droneId, ModelSelection selection, Consumer<DeadLetter> deadLetterOutput)
            throws IOException {
        ModelReference requested = selection == null ? jobModel : ModelReference.parse(selection.getModel());
        String current = modelInUse.value();
        ModelReference inUse = current == null ? jobModel : ModelReference.parse(current);
        if (requested.equals(inUse) || selection != null && selection.source().equals(failedSelection.value())) {
            return detectors.get(inUse);
        }
        ObjectDetector detector;
        try {
            detector = detectors.get(requested);
        } catch (InvalidModelException | UncheckedIOException e) {
            if (selection == null) {
                throw e;
            }
            reject(droneId, selection, inUse, e.getMessage(), deadLetterOutput);
            return detectors.get(inUse);
        }
        LOG.info("Drone {} switched from model {} to {}{}", droneId, inUse, requested, selection == null
                ? ", the job's model"
                : ", selected at offset " + selection.getOffset() + " of " + selection.getTopic() + "-"
                        + selection.getPartition());
        switches.inc();
        modelInUse.update(requested.toString());
        failedSelection.clear();
        return detector;
    }

    /** Closes every open detector. */
    @Override
    public void close() {
        detectors.close();
    }

    private void reject(String droneId, ModelSelection selection, ModelReference inUse, String reason,
            Consumer<DeadLetter> deadLetterOutput) throws IOException {
        switchesFailed.inc();
        deadLetters.inc();
        failedSelection.update(selection.source());
        LOG.warn("Drone {}: model {} selected at offset {} of {}-{} failed to open, so the drone keeps model {}: {}",
                droneId, selection.getModel(), selection.getOffset(), selection.getTopic(), selection.getPartition(),
                inUse, reason);
        String key = ModelSelection.controlKey(ModelSelection.FLEET.equals(selection.getScope()) ? null : selection.getScope());
        deadLetterOutput.accept(DeadLetter.newBuilder()
                .setSourceTopic(selection.getTopic() == null ? "" : selection.getTopic())
                .setSourcePartition(selection.getPartition())
                .setSourceOffset(selection.getOffset())
                .setDroneId(droneId)
                .setReason("Model " + selection.getModel() + " failed to open for drone " + droneId + ": " + reason)
                .setErrorType(DeadLetterErrors.INVALID_MODEL)
                .setRecordKey(ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8)))
                .setRecordValue(ByteBuffer.wrap(modelRecordValue(selection.getModel())))
                .setFailedAtMicros(Instant.now())
                .build());
    }

    /** Returns a model record value that selects {@code model}; the original value is not kept after parsing. */
    private static byte[] modelRecordValue(String model) throws JsonProcessingException {
        return JSON.writeValueAsBytes(Map.of(ModelControlParser.MODEL_KEY, model));
    }
}
