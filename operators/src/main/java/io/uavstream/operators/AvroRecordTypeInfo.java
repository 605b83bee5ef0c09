package io.uavstream.operators;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink type information for a generated Avro record class, serialized as length-prefixed Avro
 * binary with the class's current schema. It avoids Kryo, which cannot serialize the
 * {@code ByteBuffer} fields of the uavstream schemas.
 *
 * <p>NOTE: the bytes carry no writer schema, so records in a savepoint can only be read back with
 * the same schema version.
 */
public final class AvroRecordTypeInfo<T extends SpecificRecord> extends SingleFieldTypeInfo<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> type;

    private AvroRecordTypeInfo(Class<T> type) {
        super(type);
        this.type = type;
    }

    /** Returns the type information of the generated Avro class {@code type}. */
    public static <T extends SpecificRecord> AvroRecordTypeInfo<T> forClass(Class<T> type) {
        return new AvroRecordTypeInfo<>(type);
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return new AvroRecordSerializer<>(type);
    }

    @Override
    public String toString() {
        return "AvroRecord<" + type.getName() + ">";
    }

}
