package io.uavstream.operators;

import io.uavstream.schemas.AvroCodec;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.tracking.geometry.Homography;
import java.io.IOException;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Type information of {@link AnalysedFrame}. Detection and tracking run chained, so frames are
 * normally handed over without a copy. The serializer exists for topologies that ship them. It
 * writes the detections as length-prefixed Avro, then a presence flag and the nine homography
 * entries.
 */
final class AnalysedFrameTypeInfo extends SingleFieldTypeInfo<AnalysedFrame> {
    private static final long serialVersionUID = 1L;

    static final AnalysedFrameTypeInfo INSTANCE = new AnalysedFrameTypeInfo();

    private AnalysedFrameTypeInfo() {
        super(AnalysedFrame.class);
    }

    @Override
    public TypeSerializer<AnalysedFrame> createSerializer(SerializerConfig config) {
        return new Serializer();
    }

    /** Serializer of {@link AnalysedFrame}; public only for Flink's reflective snapshot restore. */
    @Internal
    public static final class Serializer extends TypeSerializer<AnalysedFrame> {
        private static final long serialVersionUID = 1L;

        private transient AvroCodec<FrameDetections> codec;

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public TypeSerializer<AnalysedFrame> duplicate() {
            // The codec keeps encoder buffers, so every thread needs its own serializer.
            return new Serializer();
        }

        @Override
        public AnalysedFrame createInstance() {
            return null;
        }

        @Override
        public AnalysedFrame copy(AnalysedFrame from) {
            FrameDetections detections = codec().decode(codec().encode(from.detections()));
            return new AnalysedFrame(detections, from.cameraMotion().orElse(null));
        }

        @Override
        public AnalysedFrame copy(AnalysedFrame from, AnalysedFrame reuse) {
            return copy(from);
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public void serialize(AnalysedFrame frame, DataOutputView target) throws IOException {
            AvroRecordSerializer.writeRecord(codec(), frame.detections(), target);
            target.writeBoolean(frame.cameraMotion().isPresent());
            if (frame.cameraMotion().isPresent()) {
                for (double entry : frame.cameraMotion().get().toArray()) {
                    target.writeDouble(entry);
                }
            }
        }

        @Override
        public AnalysedFrame deserialize(DataInputView source) throws IOException {
            FrameDetections detections = AvroRecordSerializer.readRecord(codec(), source);
            Homography cameraMotion = null;
            if (source.readBoolean()) {
                double[] entries = new double[9];
                for (int i = 0; i < entries.length; i++) {
                    entries[i] = source.readDouble();
                }
                try {
                    cameraMotion = Homography.of(entries);
                } catch (IllegalArgumentException e) {
                    throw new IOException("Invalid serialized camera-motion homography: " + e.getMessage(), e);
                }
            }
            return new AnalysedFrame(detections, cameraMotion);
        }

        @Override
        public AnalysedFrame deserialize(AnalysedFrame reuse, DataInputView source) throws IOException {
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
        public TypeSerializerSnapshot<AnalysedFrame> snapshotConfiguration() {
            return new Snapshot();
        }

        private AvroCodec<FrameDetections> codec() {
            if (codec == null) {
                codec = AvroCodec.of(FrameDetections.class);
            }
            return codec;
        }
    }

    /** Snapshot of the {@link Serializer}, which has no configuration. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<AnalysedFrame> {
        public Snapshot() {
            super(Serializer::new);
        }
    }
}
