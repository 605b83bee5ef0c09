package io.uavstream.operators;

import io.uavstream.schemas.AvroCodec;
import java.io.IOException;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Serializes one generated Avro class as a 4-byte length followed by Avro binary. */
final class AvroRecordSerializer<T extends SpecificRecord> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private transient AvroCodec<T> codec;

    AvroRecordSerializer(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        // The codec keeps encoder buffers, so every thread needs its own serializer.
        return new AvroRecordSerializer<>(type);
    }

    @Override
    public T createInstance() {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create an empty " + type.getName(), e);
        }
    }

    @Override
    public T copy(T from) {
        return from == null ? null : codec().decode(codec().encode(from));
    }

    @Override
    public T copy(T from, T reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        writeRecord(codec(), record, target);
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        return readRecord(codec(), source);
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = source.readInt();
        target.writeInt(length);
        target.write(source, length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AvroRecordSerializer<?> that && that.type.equals(type);
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new Snapshot<>(type);
    }

    static <R extends SpecificRecord> void writeRecord(AvroCodec<R> codec, R record, DataOutputView target)
            throws IOException {
        byte[] bytes = codec.encode(record);
        target.writeInt(bytes.length);
        target.write(bytes);
    }

    static <R extends SpecificRecord> R readRecord(AvroCodec<R> codec, DataInputView source) throws IOException {
        byte[] bytes = new byte[source.readInt()];
        source.readFully(bytes);
        try {
            return codec.decode(bytes);
        } catch (AvroCodec.InvalidRecordException e) {
            throw new IOException("Cannot read a serialized Avro record: " + e.getMessage(), e);
        }
    }

    private AvroCodec<T> codec() {
        if (codec == null) {
            codec = AvroCodec.of(type);
        }
        return codec;
    }

    /** Snapshot that stores the record class; compatible only with the same class. */
    public static final class Snapshot<T extends SpecificRecord> implements TypeSerializerSnapshot<T> {
        private Class<T> type;

        /** For Flink, which instantiates snapshots by reflection before reading them. */
        public Snapshot() {}

        Snapshot(Class<T> type) {
            this.type = type;
        }

        @Override
        public int getCurrentVersion() {
            return 1;
        }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException {
            out.writeUTF(type.getName());
        }

        @Override
        @SuppressWarnings("unchecked")
        public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) throws IOException {
            String className = in.readUTF();
            try {
                type = (Class<T>) Class.forName(className, false, classLoader);
            } catch (ClassNotFoundException e) {
                throw new IOException("Avro record class " + className + " of a serializer snapshot not found", e);
            }
        }

        @Override
        public TypeSerializer<T> restoreSerializer() {
            return new AvroRecordSerializer<>(type);
        }

        @Override
        public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> oldSnapshot) {
            return oldSnapshot instanceof Snapshot<?> old && type.equals(old.type)
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
    }
}
