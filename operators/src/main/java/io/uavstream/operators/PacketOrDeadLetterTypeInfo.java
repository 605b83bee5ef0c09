package io.uavstream.operators;

import io.uavstream.schemas.AvroCodec;
import io.uavstream.schemas.DeadLetter;
import io.uavstream.schemas.VideoPacket;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Type information of {@link PacketOrDeadLetter}: a tag byte, the Kafka coordinates, then Avro. */
public final class PacketOrDeadLetterTypeInfo extends SingleFieldTypeInfo<PacketOrDeadLetter> {
    private static final long serialVersionUID = 1L;

    /** The single instance. */
    public static final PacketOrDeadLetterTypeInfo INSTANCE = new PacketOrDeadLetterTypeInfo();

    private PacketOrDeadLetterTypeInfo() {
        super(PacketOrDeadLetter.class);
    }

    @Override
    public TypeSerializer<PacketOrDeadLetter> createSerializer(SerializerConfig config) {
        return new Serializer();
    }

    /** Lets Flink find this type information through the {@code @TypeInfo} annotation. */
    public static final class Factory extends TypeInfoFactory<PacketOrDeadLetter> {
        @Override
        public TypeInformation<PacketOrDeadLetter> createTypeInfo(Type type,
                Map<String, TypeInformation<?>> genericParameters) {
            return INSTANCE;
        }
    }

    /** Serializer of {@link PacketOrDeadLetter}; not thread-safe, as Flink expects. */
    public static final class Serializer extends TypeSerializer<PacketOrDeadLetter> {
        private static final long serialVersionUID = 1L;
        private static final byte PACKET = 0;
        private static final byte DEAD_LETTER = 1;

        private transient AvroCodec<VideoPacket> packetCodec;
        private transient AvroCodec<DeadLetter> deadLetterCodec;

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public TypeSerializer<PacketOrDeadLetter> duplicate() {
            return new Serializer();
        }

        @Override
        public PacketOrDeadLetter createInstance() {
            return null;
        }

        @Override
        public PacketOrDeadLetter copy(PacketOrDeadLetter from) {
            if (from == null) {
                return null;
            }
            if (from.isPacket()) {
                VideoPacket packet = packetCodec().decode(packetCodec().encode(from.packet()));
                return PacketOrDeadLetter.ofPacket(packet, from.topic(), from.partition(), from.offset(),
                        from.timestampMillis());
            }
            DeadLetter deadLetter = deadLetterCodec().decode(deadLetterCodec().encode(from.deadLetter()));
            return PacketOrDeadLetter.ofDeadLetter(deadLetter, from.timestampMillis());
        }

        @Override
        public PacketOrDeadLetter copy(PacketOrDeadLetter from, PacketOrDeadLetter reuse) {
            return copy(from);
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public void serialize(PacketOrDeadLetter record, DataOutputView target) throws IOException {
            target.writeLong(record.timestampMillis());
            if (record.isPacket()) {
                target.writeByte(PACKET);
                target.writeBoolean(record.topic() != null);
                if (record.topic() != null) {
                    target.writeUTF(record.topic());
                }
                target.writeInt(record.partition());
                target.writeLong(record.offset());
                AvroRecordSerializer.writeRecord(packetCodec(), record.packet(), target);
            } else {
                target.writeByte(DEAD_LETTER);
                AvroRecordSerializer.writeRecord(deadLetterCodec(), record.deadLetter(), target);
            }
        }

        @Override
        public PacketOrDeadLetter deserialize(DataInputView source) throws IOException {
            long timestampMillis = source.readLong();
            byte tag = source.readByte();
            if (tag == DEAD_LETTER) {
                return PacketOrDeadLetter.ofDeadLetter(
                        AvroRecordSerializer.readRecord(deadLetterCodec(), source), timestampMillis);
            }
            if (tag != PACKET) {
                throw new IOException("Invalid PacketOrDeadLetter tag " + tag + "; the serialized data is damaged");
            }
            String topic = source.readBoolean() ? source.readUTF() : null;
            int partition = source.readInt();
            long offset = source.readLong();
            VideoPacket packet = AvroRecordSerializer.readRecord(packetCodec(), source);
            return PacketOrDeadLetter.ofPacket(packet, topic, partition, offset, timestampMillis);
        }

        @Override
        public PacketOrDeadLetter deserialize(PacketOrDeadLetter reuse, DataInputView source) throws IOException {
            return deserialize(source);
        }

        @Override
        public void copy(DataInputView source, DataOutputView target) throws IOException {
            serialize(deserialize(source), target);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Serializer;
        }

        @Override
        public int hashCode() {
            return Serializer.class.hashCode();
        }

        @Override
        public TypeSerializerSnapshot<PacketOrDeadLetter> snapshotConfiguration() {
            return new Snapshot();
        }

        private AvroCodec<VideoPacket> packetCodec() {
            if (packetCodec == null) {
                packetCodec = AvroCodec.of(VideoPacket.class);
            }
            return packetCodec;
        }

        private AvroCodec<DeadLetter> deadLetterCodec() {
            if (deadLetterCodec == null) {
                deadLetterCodec = AvroCodec.of(DeadLetter.class);
            }
            return deadLetterCodec;
        }
    }

    /** Snapshot of the {@link Serializer}, which has no configuration. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<PacketOrDeadLetter> {
        public Snapshot() {
            super(Serializer::new);
        }
    }
}
