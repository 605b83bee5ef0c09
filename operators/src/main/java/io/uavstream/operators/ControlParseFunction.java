package io.uavstream.operators;

import io.uavstream.analytics.definition.DefinitionParser;
import io.uavstream.analytics.definition.DefinitionSet;
import io.uavstream.analytics.definition.InvalidDefinitionException;
import io.uavstream.analytics.definition.LineDefinition;
import io.uavstream.analytics.definition.ZoneDefinition;
import io.uavstream.schemas.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
 */
final class ControlParseFunction extends ProcessFunction<ControlRecord, DefinitionUpdate> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ControlParseFunction.class);

    private transient AnalysisCounter updatesAccepted;
    private transient AnalysisCounter recordsRejected;
    private transient AnalysisCounter deadLetters;

    @Override
    public void open(OpenContext openContext) {
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
        updatesAccepted.inc();
        out.collect(new DefinitionUpdate(droneId, effectiveMicros, document));
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
