package io.uavstream.schemas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes and decodes one record type as plain Avro binary, the format of every uavstream Kafka
 * value. There is no schema registry: writers and readers share the schemas of this module, and
 * schema changes follow the evolution rule in docs/schemas.md.
 *
 * <p>Instances are not thread-safe; create one per thread or task.
 */
public final class AvroCodec<T extends SpecificRecord> {

    private final SpecificDatumWriter<T> writer;
    private final SpecificDatumReader<T> reader;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
    private BinaryEncoder encoder;
    private BinaryDecoder decoder;

    private AvroCodec(Class<T> type, Schema schema) {
        this.writer = new SpecificDatumWriter<>(type);
        this.reader = new SpecificDatumReader<>(schema, schema);
    }

    /** Creates a codec for {@code type}, reading and writing its current schema. */
    public static <T extends SpecificRecord> AvroCodec<T> of(Class<T> type) {
        return new AvroCodec<>(type, schemaOf(type));
    }

    /** Encodes {@code record} as Avro binary. */
    public byte[] encode(T record) {
        buffer.reset();
        encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to encode " + record.getSchema().getName(), e);
        }
        return buffer.toByteArray();
    }

    /**
     * Decodes Avro binary written with the current schema.
     *
     * @throws InvalidRecordException if the bytes are not a complete record of this type
     */
    public T decode(byte[] bytes) {
        decoder = DecoderFactory.get().binaryDecoder(bytes, decoder);
        try {
            T record = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new InvalidRecordException(
                        "Trailing bytes after a " + reader.getSchema().getName() + " record");
            }
            return record;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidRecordException invalid) {
                throw invalid;
            }
            throw new InvalidRecordException(
                    "Invalid " + reader.getSchema().getName() + " record: " + e, e);
        }
    }

    private static Schema schemaOf(Class<? extends SpecificRecord> type) {
        try {
            return (Schema) type.getField("SCHEMA$").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type.getName() + " is not a generated Avro class", e);
        }
    }

    /** Raised when bytes cannot be decoded as the expected record type. */
    public static final class InvalidRecordException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidRecordException(String message) {
            super(message);
        }

        public InvalidRecordException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
