package io.uavstream.operators;

import io.uavstream.analytics.definition.DefinitionParser;
import io.uavstream.analytics.definition.DefinitionSet;
import io.uavstream.analytics.definition.InvalidDefinitionException;
import io.uavstream.analytics.definition.LineDefinition;
import io.uavstream.analytics.definition.ZoneDefinition;
import io.uavstream.models.ModelDescriptor;
import io.uavstream.models.ObjectDetector;
import io.uavstream.models.ObjectDetectors;
import io.uavstream.schemas.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
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
 */
final class ControlParseFunction extends ProcessFunction<ControlRecord, DefinitionUpdate> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ControlParseFunction.class);

    /** Counter of accepted zones and lines whose class filter names classes that the model does not detect. */
    static final String DEFINITIONS_WITH_UNKNOWN_CLASSES = "definitionsWithUnknownClasses";

    /** Model descriptor (.json) or ONNX file whose class names the definitions are checked against; null for none. */
    private final String modelPath;

    private transient List<String> modelClasses;
    private transient AnalysisCounter unknownClassDefinitions;
    private transient AnalysisCounter updatesAccepted;
    private transient AnalysisCounter recordsRejected;
    private transient AnalysisCounter deadLetters;

    /** Creates a function that does not check class names, for jobs whose model is not known here. */
    ControlParseFunction() {
        this(null);
    }

    /** Creates a function that checks class filters against the model at {@code modelPath}, as the TaskManagers see it. */
    ControlParseFunction(String modelPath) {
        this.modelPath = modelPath;
    }

    @Override
    public void open(OpenContext openContext) {
        modelClasses = modelPath == null ? null : modelClasses(modelPath);
        unknownClassDefinitions = AnalysisCounter.register(getRuntimeContext(), DEFINITIONS_WITH_UNKNOWN_CLASSES);
        updatesAccepted = AnalysisCounter.register(getRuntimeContext(), AnalysisCounters.DEFINITION_UPDATES);
        recordsRejected = AnalysisCounter.register(getRuntimeContext(), AnalysisCounters.CONTROL_RECORDS_REJECTED);
        deadLetters = AnalysisCounter.register(getRuntimeContext(), AnalysisCounters.DEAD_LETTERS);
    }

    @Override
    public void processElement(ControlRecord record, Context ctx, Collector<DefinitionUpdate> out) {
        String droneId = record.getDroneId();
        if (droneId == null || droneId.isBlank()) {
            reject(ctx, record, "Record key is missing or blank; it must be the drone ID of the definitions");
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
        DefinitionSet definitions;
        try {
            document = utf8(record.getValue());
            definitions = DefinitionParser.parse(document, droneId);
        } catch (CharacterCodingException e) {
            reject(ctx, record, "Record value is not valid UTF-8 text");
            return;
        } catch (InvalidDefinitionException e) {
            reject(ctx, record, e.getMessage());
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
     * Reads the class names of the model. A descriptor file is read directly; for an ONNX file the
     * detector is opened once, because it locates the descriptor, beside the file or bundled.
     * A model that cannot be read turns the check off with a warning, since detection fails on it anyway.
     */
    private static List<String> modelClasses(String modelPath) {
        try {
            Path path = Path.of(modelPath);
            if (modelPath.endsWith(".json")) {
                return ModelDescriptor.read(path).classNames();
            }
            try (ObjectDetector detector = ObjectDetectors.open(path, 1)) {
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
        recordsRejected.inc();
        deadLetters.inc();
        LOG.warn("Drone {}: rejected control record at offset {} of {}-{}, keeping the previous definitions: {}",
                record.getDroneId(), record.getOffset(), record.getTopic(), record.getPartition(), reason);
        ctx.output(DroneAnalysis.DEAD_LETTERS, DeadLetter.newBuilder()
                .setSourceTopic(record.getTopic() == null ? "" : record.getTopic())
                .setSourcePartition(record.getPartition())
                .setSourceOffset(record.getOffset())
                .setDroneId(record.getDroneId())
                .setReason(reason)
                .setErrorType(DeadLetterErrors.INVALID_DEFINITION)
                .setRecordKey(record.getDroneId() == null
                        ? null : ByteBuffer.wrap(record.getDroneId().getBytes(StandardCharsets.UTF_8)))
                .setRecordValue(record.getValue() == null ? null : ByteBuffer.wrap(record.getValue()))
                .setFailedAtMicros(Instant.now())
                .build());
    }
}
