package io.uavstream.operators;

import io.uavstream.schemas.AvroCodec;
import io.uavstream.schemas.DeadLetter;
import io.uavstream.schemas.VideoPacket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads video-topic records into {@link PacketOrDeadLetter}s without throwing on invalid bytes: a record
 * that is not a valid {@link VideoPacket} keyed by its drone ID becomes a {@link DeadLetter} with
 * the original key and value, the reason and an error type from {@link DeadLetterErrors}.
 *
 * <p>Each dead letter increments the {@value AnalysisCounters#DEAD_LETTERS} metric of the source
 * reader and is logged with its drone ID and offset, at most once per 10 seconds with a count of
 * the messages left out. The job-wide accumulator of the same name is counted downstream, by
 * {@link DroneAnalysis#apply}.
 */
public final class VideoRecordDeserializer implements KafkaRecordDeserializationSchema<PacketOrDeadLetter> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(VideoRecordDeserializer.class);

    /** Largest accepted frame width or height in pixels; FFmpeg rejects larger frames anyway. */
    static final int MAX_FRAME_DIMENSION = 32768;

    private transient AvroCodec<VideoPacket> codec;
    private transient Counter deadLetters;
    private transient LogRateLimiter logLimiter;

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        deadLetters = context.getMetricGroup().counter(AnalysisCounters.DEAD_LETTERS);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<PacketOrDeadLetter> out) {
        out.collect(read(record));
    }

    @Override
    public TypeInformation<PacketOrDeadLetter> getProducedType() {
        return PacketOrDeadLetterTypeInfo.INSTANCE;
    }

    private PacketOrDeadLetter read(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return reject(record, null, DeadLetterErrors.MALFORMED_RECORD, "Record value is null (a tombstone)");
        }
        VideoPacket packet;
        try {
            packet = codec().decode(record.value());
        } catch (AvroCodec.InvalidRecordException e) {
            return reject(record, null, DeadLetterErrors.MALFORMED_RECORD, e.getMessage());
        }
        String keyProblem = checkKey(record.key(), packet.getDroneId());
        if (keyProblem != null) {
            return reject(record, packet.getDroneId(), DeadLetterErrors.KEY_MISMATCH, keyProblem);
        }
        String fieldProblem = checkFields(packet);
        if (fieldProblem != null) {
            return reject(record, packet.getDroneId(), DeadLetterErrors.INVALID_FIELD, fieldProblem);
        }
        return PacketOrDeadLetter.ofPacket(packet, record.topic(), record.partition(), record.offset(),
                record.timestamp());
    }

    private static String checkKey(byte[] key, String droneId) {
        if (key == null) {
            return "Record key is missing; it must be the drone ID '" + droneId + "'";
        }
        if (!Arrays.equals(key, droneId.getBytes(StandardCharsets.UTF_8))) {
            return "Record key '" + printable(key) + "' does not match the packet's drone ID '" + droneId + "'";
        }
        return null;
    }

    /** Returns what is wrong with the packet's fields, or null if nothing is. */
    static String checkFields(VideoPacket packet) {
        boolean endOfStream = packet.getEndOfStream();
        if (packet.getDroneId().isBlank()) {
            return "droneId is blank";
        }
        if (packet.getSessionId().isBlank()) {
            return "sessionId is blank";
        }
        if (packet.getSequence() < 0) {
            return "sequence is negative: " + packet.getSequence();
        }
        if (packet.getDurationMicros() < 0) {
            return "durationMicros is negative: " + packet.getDurationMicros();
        }
        if (packet.getCaptureTimeMicros().isBefore(Instant.EPOCH)) {
            return "captureTimeMicros is before 1970: " + packet.getCaptureTimeMicros();
        }
        int minDimension = endOfStream ? 0 : 1;
        if (packet.getWidth() < minDimension || packet.getWidth() > MAX_FRAME_DIMENSION
                || packet.getHeight() < minDimension || packet.getHeight() > MAX_FRAME_DIMENSION) {
            return "Frame size " + packet.getWidth() + "x" + packet.getHeight() + " is outside " + minDimension + ".."
                    + MAX_FRAME_DIMENSION + " pixels";
        }
        if (!endOfStream && packet.getCodec().isBlank()) {
            return "codec is blank";
        }
        if (!endOfStream && !packet.getAccessUnit().hasRemaining()) {
            return "accessUnit is empty, but endOfStream is false";
        }
        return null;
    }

    private PacketOrDeadLetter reject(ConsumerRecord<byte[], byte[]> record, String droneId, String errorType,
            String reason) {
        String drone = droneId != null ? droneId : record.key() != null ? printable(record.key()) : null;
        DeadLetter deadLetter = DeadLetter.newBuilder()
                .setSourceTopic(record.topic())
                .setSourcePartition(record.partition())
                .setSourceOffset(record.offset())
                .setDroneId(drone)
                .setReason(reason)
                .setErrorType(errorType)
                .setRecordKey(record.key() == null ? null : ByteBuffer.wrap(record.key()))
                .setRecordValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
                .setFailedAtMicros(Instant.now())
                .build();
        deadLetterCounter().inc();
        long suppressed = logLimiter().tryAcquire();
        if (suppressed >= 0) {
            LOG.warn("Dead letter for drone {} at {}-{} offset {}: {} ({}); {} similar messages suppressed",
                    drone, record.topic(), record.partition(), record.offset(), reason, errorType, suppressed);
        }
        return PacketOrDeadLetter.ofDeadLetter(deadLetter, record.timestamp());
    }

    /** Returns the key as text for messages: UTF-8, cut at 64 characters. */
    private static String printable(byte[] key) {
        String text = new String(key, StandardCharsets.UTF_8);
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }

    private AvroCodec<VideoPacket> codec() {
        if (codec == null) {
            codec = AvroCodec.of(VideoPacket.class);
        }
        return codec;
    }

    private Counter deadLetterCounter() {
        if (deadLetters == null) {
            // open() was not called, as in unit tests that drive the schema directly.
            deadLetters = new SimpleCounter();
        }
        return deadLetters;
    }

    private LogRateLimiter logLimiter() {
        if (logLimiter == null) {
            logLimiter = new LogRateLimiter();
        }
        return logLimiter;
    }
}
