package io.uavstream.operators;

import io.uavstream.analytics.definition.DefinitionParser;
import io.uavstream.analytics.definition.DefinitionSet;
import io.uavstream.analytics.definition.InvalidDefinitionException;
import io.uavstream.analytics.definition.LineDefinition;
import io.uavstream.analytics.definition.ZoneDefinition;
import io.uavstream.models.InvalidModelException;
import io.uavstream.models.ModelDescriptor;
import io.uavstream.models.ModelReference;
import io.uavstream.models.ObjectDetector;
import io.uavstream.schemas.DeadLetter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the records of the analytics control topic before they are broadcast. A valid record
 * becomes a {@link DefinitionUpdate} that applies from its Kafka timestamp on; a record with a
 * null or empty value removes the drone's zones and lines from then on. An invalid record is
 * logged with its drone ID and offset, counted in {@value AnalysisCounters#CONTROL_RECORDS_REJECTED},
 * and sent to the {@link DroneAnalysis#DEAD_LETTERS} side output; the job goes on with the drone's
 * previous definitions.
 *
 * <p>A record is invalid when its key (the drone ID) is missing or blank, its value is not UTF-8,
 * {@link DefinitionParser#parse} rejects it, or it defines zones or lines of another drone.
 *
 * <p>A valid record whose zones or lines filter on classes that the job's model does not detect
 * is still applied, because it may be meant for another model. Each such zone or line is logged
 * once, with the drone ID, offset and unknown classes, and counted in
 * {@value #DEFINITIONS_WITH_UNKNOWN_CLASSES}.
 *
 * <p>A record whose key starts with {@value ModelSelection#KEY_PREFIX} is a model record instead:
 * it selects the model of the drone after the prefix, or of the fleet for {@code *}
 * ({@link ModelSelection}). Its value is checked by {@link ModelControlParser}, and the model is
 * opened once here, so that a missing or broken model is rejected before any drone switches to it.
 * An accepted model record goes to the {@link #MODEL_SELECTIONS} side output, a rejected one to
 * the dead letters with {@code errorType} {@value DeadLetterErrors#INVALID_MODEL}. A job that pins
 * its model, such as a replay, ignores model records.
 */
final class ControlParseFunction extends ProcessFunction<ControlRecord, DefinitionUpdate> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ControlParseFunction.class);

    /** Counter of accepted zones and lines whose class filter names classes that the model does not detect. */
    static final String DEFINITIONS_WITH_UNKNOWN_CLASSES = "definitionsWithUnknownClasses";

    /** Counter of accepted model records, each selecting or clearing the model of a drone or of the fleet. */
    static final String MODEL_SELECTIONS_ACCEPTED = "modelSelections";

    /** Side output of the accepted model records. */
    static final OutputTag<ModelSelection> MODEL_SELECTIONS =
            new OutputTag<>("model-selections", Types.POJO(ModelSelection.class));

    /** Drone IDs that a model record's key may name, as ingest accepts them. */
    private static final Pattern DRONE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Model descriptor (.json) or ONNX file whose class names the definitions are checked against; null for none. */
    private final String modelPath;

    /** Whether model records select models; false in jobs that pin their model. */
    private final boolean modelControl;

    private transient List<String> modelClasses;
    private transient AnalysisCounter unknownClassDefinitions;
    private transient AnalysisCounter updatesAccepted;
    private transient AnalysisCounter recordsRejected;
    private transient AnalysisCounter deadLetters;
    private transient AnalysisCounter modelSelections;

    /** Creates a function that does not check class names, for jobs whose model is not known here. */
    ControlParseFunction() {
        this(null);
    }

    /** Creates a function that checks class filters against the model at {@code modelPath}, as the TaskManagers see it. */
    ControlParseFunction(String modelPath) {
        this(modelPath, true);
    }

    /**
     * Creates a function that checks class filters against the job's model and, when
     * {@code modelControl} is false, ignores model records.
     *
     * @param modelPath the job's model reference (a bundled model ID or a path), or null for no class check
     */
    ControlParseFunction(String modelPath, boolean modelControl) {
        this.modelPath = modelPath;
        this.modelControl = modelControl;
    }

    @Override
    public void open(OpenContext openContext) {
        modelClasses = modelPath == null ? null : modelClasses(modelPath);
        unknownClassDefinitions = AnalysisCounter.register(getRuntimeContext(), DEFINITIONS_WITH_UNKNOWN_CLASSES);
        updatesAccepted = AnalysisCounter.register(getRuntimeContext(), AnalysisCounters.DEFINITION_UPDATES);
        recordsRejected = AnalysisCounter.register(getRuntimeContext(), AnalysisCounters.CONTROL_RECORDS_REJECTED);
        deadLetters = AnalysisCounter.register(getRuntimeContext(), AnalysisCounters.DEAD_LETTERS);
        modelSelections = AnalysisCounter.register(getRuntimeContext(), MODEL_SELECTIONS_ACCEPTED);
    }

    @Override
    public void processElement(ControlRecord record, Context ctx, Collector<DefinitionUpdate> out) {
        String droneId = record.getDroneId();
        if (droneId == null || droneId.isBlank()) {
            reject(ctx, record, "Record key is missing or blank; it must be the drone ID of the definitions");
            return;
        }
        if (droneId.startsWith(ModelSelection.KEY_PREFIX)) {
            processModelRecord(record, ctx);
            return;
        }

        long effectiveMicros = Math.multiplyExact(record.getTimestampMillis(), 1000L);
        if (record.isRemoval()) {
            LOG.info("Drone {}: control record at offset {} of {}-{} removes its zones and lines from {}", droneId,
                    record.getOffset(), record.getTopic(), record.getPartition(), Instant.ofEpochMilli(record.getTimestampMillis()));
            updatesAccepted.inc();
            out.collect(new DefinitionUpdate(droneId, effectiveMicros, null));
            return;
        }

        String document;
        try {
            document = utf8(record.getValue());
        } catch (CharacterCodingException e) {
            reject(ctx, record, "Record value is not valid UTF-8 text");
            return;
        }
        DefinitionSet definitions;
        try {
            definitions = DefinitionParser.parse(document, droneId);
        } catch (InvalidDefinitionException e) {
            reject(ctx, record, ModelControlParser.hasModelKey(document)
                    ? "Record keyed by drone '" + droneId + "' sets a model, but model records take the key '"
                            + ModelSelection.controlKey(droneId) + "' (or '" + ModelSelection.FLEET_KEY
                            + "' for the fleet), so that compaction keeps the drone's zone record beside them"
                    : e.getMessage());
            return;
        }

        String foreign = foreignEntry(definitions, droneId);
        if (foreign != null) {
            reject(ctx, record, foreign + " belongs to another drone; a record keyed by drone '" + droneId
                    + "' may only define that drone's zones and lines");
            return;
        }

        LOG.info("Drone {}: control record at offset {} of {}-{} sets {} zones and {} lines from {}", droneId,
                record.getOffset(), record.getTopic(), record.getPartition(), definitions.zones().size(),
                definitions.lines().size(), Instant.ofEpochMilli(record.getTimestampMillis()));
        warnOfUnknownClasses(record, definitions);
        updatesAccepted.inc();
        out.collect(new DefinitionUpdate(droneId, effectiveMicros, document));
    }

    private void warnOfUnknownClasses(ControlRecord record, DefinitionSet definitions) {
        if (modelClasses == null) {
            return;
        }
        for (ZoneDefinition zone : definitions.zones()) {
            warnOfUnknownClasses(record, "zone", zone.id(), zone.classes());
        }
        for (LineDefinition line : definitions.lines()) {
            warnOfUnknownClasses(record, "line", line.id(), line.classes());
        }
    }

    private void warnOfUnknownClasses(ControlRecord record, String kind, String id, Set<String> classes) {
        Set<String> unknown = new TreeSet<>(classes);
        unknown.removeAll(modelClasses);
        if (unknown.isEmpty()) {
            return;
        }
        unknownClassDefinitions.inc();
        LOG.warn("Drone {}: {} '{}' of the control record at offset {} of {}-{} filters on classes {} that the model"
                        + " does not detect, so they never match; the model's classes are {}", record.getDroneId(), kind,
                id, record.getOffset(), record.getTopic(), record.getPartition(), unknown, modelClasses);
    }

    /**
     * Checks a model record, whose key names a drone or the fleet after {@value ModelSelection#KEY_PREFIX},
     * and emits its selection to {@link #MODEL_SELECTIONS}. An empty value clears the selection.
     */
    private void processModelRecord(ControlRecord record, Context ctx) {
        String scope = record.getDroneId().substring(ModelSelection.KEY_PREFIX.length());
        if (!modelControl) {
            LOG.info("Ignored the model record for {} at offset {} of {}-{}, because this job pins its model", scope,
                    record.getOffset(), record.getTopic(), record.getPartition());
            return;
        }
        if (!ModelSelection.FLEET.equals(scope) && !DRONE_ID.matcher(scope).matches()) {
            rejectModel(ctx, record, "Key '" + record.getDroneId() + "' names no drone: after '"
                    + ModelSelection.KEY_PREFIX + "' comes a drone ID of 1 to 64 letters, digits, '.', '_' and '-',"
                    + " or '" + ModelSelection.FLEET + "' for the whole fleet");
            return;
        }
        String model = null;
        if (!record.isRemoval()) {
            try {
                ModelReference reference = ModelControlParser.parse(utf8(record.getValue()));
                requireOpens(reference);
                model = reference.toString();
            } catch (CharacterCodingException e) {
                rejectModel(ctx, record, "Record value is not valid UTF-8 text");
                return;
            } catch (InvalidModelException | UncheckedIOException e) {
                rejectModel(ctx, record, e.getMessage());
                return;
            }
        }
        LOG.info("Model record at offset {} of {}-{} {} for {}", record.getOffset(), record.getTopic(),
                record.getPartition(), model == null ? "clears the model selection" : "selects model " + model,
                ModelSelection.FLEET.equals(scope) ? "the fleet" : "drone " + scope);
        modelSelections.inc();
        ctx.output(MODEL_SELECTIONS, new ModelSelection(scope, model, record.getTopic(), record.getPartition(),
                record.getOffset(), record.getTimestampMillis()));
    }

    /** Opens and closes the model's detector once, so that a broken model is rejected before any drone uses it. */
    private static void requireOpens(ModelReference reference) {
        try (ObjectDetector detector = reference.open(1)) {
            LOG.info("Model {} opens: detector '{}' with {} classes", reference, detector.descriptor().id(),
                    detector.descriptor().classNames().size());
        }
    }

    /**
     * Reads the class names of the job's model. A descriptor file is read directly; for an ONNX file
     * or a bundled model the detector is opened once, because that locates the descriptor.
     * A model that cannot be read turns the check off with a warning, since detection fails on it anyway.
     */
    private static List<String> modelClasses(String modelPath) {
        try {
            ModelReference reference = ModelReference.parse(modelPath);
            if (!reference.isBundled() && modelPath.endsWith(".json")) {
                return ModelDescriptor.read(Path.of(modelPath)).classNames();
            }
            try (ObjectDetector detector = reference.open(1)) {
                return detector.descriptor().classNames();
            }
        } catch (RuntimeException e) {
            LOG.warn("Failed to read the class names of model {}, so control records are not checked against them: {}",
                    modelPath, e.toString());
            return null;
        }
    }

    /** Returns a description of the first zone or line of another drone, or null when all are the drone's own. */
    private static String foreignEntry(DefinitionSet definitions, String droneId) {
        for (ZoneDefinition zone : definitions.zones()) {
            if (!zone.droneId().equals(droneId)) {
                return "Zone '" + zone.id() + "' of drone '" + zone.droneId() + "'";
            }
        }
        for (LineDefinition line : definitions.lines()) {
            if (!line.droneId().equals(droneId)) {
                return "Line '" + line.id() + "' of drone '" + line.droneId() + "'";
            }
        }
        return null;
    }

    private static String utf8(byte[] value) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(value))
                .toString();
    }

    private void reject(Context ctx, ControlRecord record, String reason) {
        LOG.warn("Drone {}: rejected control record at offset {} of {}-{}, keeping the previous definitions: {}",
                record.getDroneId(), record.getOffset(), record.getTopic(), record.getPartition(), reason);
        sendDeadLetter(ctx, record, record.getDroneId(), reason, DeadLetterErrors.INVALID_DEFINITION);
    }

    private void rejectModel(Context ctx, ControlRecord record, String reason) {
        LOG.warn("Rejected the model record with key '{}' at offset {} of {}-{}, keeping the previous model: {}",
                record.getDroneId(), record.getOffset(), record.getTopic(), record.getPartition(), reason);
        String scope = record.getDroneId().substring(ModelSelection.KEY_PREFIX.length());
        sendDeadLetter(ctx, record, scope, reason, DeadLetterErrors.INVALID_MODEL);
    }

    private void sendDeadLetter(Context ctx, ControlRecord record, String droneId, String reason, String errorType) {
        recordsRejected.inc();
        deadLetters.inc();
        ctx.output(DroneAnalysis.DEAD_LETTERS, DeadLetter.newBuilder()
                .setSourceTopic(record.getTopic() == null ? "" : record.getTopic())
                .setSourcePartition(record.getPartition())
                .setSourceOffset(record.getOffset())
                .setDroneId(droneId)
                .setReason(reason)
                .setErrorType(errorType)
                .setRecordKey(record.getDroneId() == null
                        ? null : ByteBuffer.wrap(record.getDroneId().getBytes(StandardCharsets.UTF_8)))
                .setRecordValue(record.getValue() == null ? null : ByteBuffer.wrap(record.getValue()))
                .setFailedAtMicros(Instant.now())
                .build());
    }
}
