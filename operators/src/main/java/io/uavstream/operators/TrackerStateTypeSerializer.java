package io.uavstream.operators;

import io.uavstream.tracking.TrackerState;
import io.uavstream.tracking.TrackerStateSerializer;
import java.io.IOException;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink state serializer of a drone's {@link TrackerState}, in the versioned binary format of
 * {@link TrackerStateSerializer}: each record starts with its format version byte, and the
 * snapshot stores the version that the writing build produced. A build whose reader knows that
 * version restores the state, rewriting it in its own version when the two differ. A build
 * restoring a state written in a newer version fails with a clear message instead of misreading
 * it. No Kryo is involved.
 *
 * <p>Public only because Flink instantiates the serializer snapshot by its class name.
 */
@Internal
public final class TrackerStateTypeSerializer extends TypeSerializerSingleton<TrackerState> {
    private static final long serialVersionUID = 1L;

    /** The single instance; the serializer has no configuration. */
    static final TrackerStateTypeSerializer INSTANCE = new TrackerStateTypeSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TrackerState createInstance() {
        return TrackerState.initial();
    }

    @Override
    public TrackerState copy(TrackerState from) {
        return from;
    }

    @Override
    public TrackerState copy(TrackerState from, TrackerState reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(TrackerState state, DataOutputView target) throws IOException {
        TrackerStateSerializer.write(state, target);
    }

    @Override
    public TrackerState deserialize(DataInputView source) throws IOException {
        return TrackerStateSerializer.read(source);
    }

    @Override
    public TrackerState deserialize(TrackerState reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<TrackerState> snapshotConfiguration() {
        return new Snapshot(TrackerStateSerializer.CURRENT_VERSION);
    }

    /**
     * Snapshot of the serializer: the {@link TrackerStateSerializer} format version in which the
     * state was written.
     */
    public static final class Snapshot implements TypeSerializerSnapshot<TrackerState> {

        private static final int SNAPSHOT_VERSION = 1;

        private int formatVersion;

        /** For Flink, which instantiates snapshots by reflection before reading them. */
        public Snapshot() {
            this(TrackerStateSerializer.CURRENT_VERSION);
        }

        Snapshot(int formatVersion) {
            this.formatVersion = formatVersion;
        }

        /** Returns the format version of the records that the snapshotted serializer wrote. */
        int formatVersion() {
            return formatVersion;
        }

        @Override
        public int getCurrentVersion() {
            return SNAPSHOT_VERSION;
        }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException {
            out.writeByte(formatVersion);
        }

        @Override
        public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) throws IOException {
            if (readVersion != SNAPSHOT_VERSION) {
                throw new IOException("Unknown snapshot version " + readVersion + " of the tracker state serializer;"
                        + " this build reads version " + SNAPSHOT_VERSION);
            }
            formatVersion = in.readUnsignedByte();
        }

        @Override
        public TypeSerializer<TrackerState> restoreSerializer() {
            return INSTANCE;
        }

        /**
         * Returns compatible as is for state in this build's format version, and compatible after
         * migration for an older version, whose records {@link TrackerStateSerializer#read} then
         * converts or rejects. Returns incompatible for a newer version or another serializer's snapshot.
         */
        @Override
        public TypeSerializerSchemaCompatibility<TrackerState> resolveSchemaCompatibility(
                TypeSerializerSnapshot<TrackerState> oldSnapshot) {
            if (!(oldSnapshot instanceof Snapshot old) || old.formatVersion > formatVersion) {
                return TypeSerializerSchemaCompatibility.incompatible();
            }
            return old.formatVersion == formatVersion
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.compatibleAfterMigration();
        }
    }
}
