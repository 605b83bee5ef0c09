package io.uavstream.operators;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Type information of {@link DecodedVideoFrame} whose serializer fails on every copy or
 * serialization, so that a topology change that would ship frames between tasks, or object reuse
 * being off, fails loudly instead of copying megabytes per frame.
 */
final class DecodedVideoFrameTypeInfo extends SingleFieldTypeInfo<DecodedVideoFrame> {
    private static final long serialVersionUID = 1L;

    static final DecodedVideoFrameTypeInfo INSTANCE = new DecodedVideoFrameTypeInfo();

    static final String COPY_REJECTED_MESSAGE = "Decoded video frames must not be copied or serialized: the decode and detect "
            + "operators must run chained in one task with object reuse enabled (DroneAnalysis.apply enables it). "
            + "Check that nothing between them changes the partitioning or parallelism, or disables chaining.";

    private DecodedVideoFrameTypeInfo() {
        super(DecodedVideoFrame.class);
    }

    @Override
    public TypeSerializer<DecodedVideoFrame> createSerializer(SerializerConfig config) {
        return new RejectingSerializer();
    }

    /** Serializer that throws {@link UnsupportedOperationException} with {@link #COPY_REJECTED_MESSAGE}. */
    static final class RejectingSerializer extends TypeSerializer<DecodedVideoFrame> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public TypeSerializer<DecodedVideoFrame> duplicate() {
            return this;
        }

        @Override
        public DecodedVideoFrame createInstance() {
            return null;
        }

        @Override
        public DecodedVideoFrame copy(DecodedVideoFrame from) {
            throw new UnsupportedOperationException(COPY_REJECTED_MESSAGE);
        }

        @Override
        public DecodedVideoFrame copy(DecodedVideoFrame from, DecodedVideoFrame reuse) {
            throw new UnsupportedOperationException(COPY_REJECTED_MESSAGE);
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public void serialize(DecodedVideoFrame record, DataOutputView target) {
            throw new UnsupportedOperationException(COPY_REJECTED_MESSAGE);
        }

        @Override
        public DecodedVideoFrame deserialize(DataInputView source) {
            throw new UnsupportedOperationException(COPY_REJECTED_MESSAGE);
        }

        @Override
        public DecodedVideoFrame deserialize(DecodedVideoFrame reuse, DataInputView source) {
            throw new UnsupportedOperationException(COPY_REJECTED_MESSAGE);
        }

        @Override
        public void copy(DataInputView source, DataOutputView target) {
            throw new UnsupportedOperationException(COPY_REJECTED_MESSAGE);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RejectingSerializer;
        }

        @Override
        public int hashCode() {
            return RejectingSerializer.class.hashCode();
        }

        @Override
        public TypeSerializerSnapshot<DecodedVideoFrame> snapshotConfiguration() {
            return new Snapshot();
        }
    }

    /** Snapshot of the {@link RejectingSerializer}; public for Flink's reflective instantiation. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<DecodedVideoFrame> {
        public Snapshot() {
            super(RejectingSerializer::new);
        }
    }
}
