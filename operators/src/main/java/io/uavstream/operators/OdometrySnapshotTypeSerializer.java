package io.uavstream.operators;

import io.uavstream.odometry.OdometrySnapshot;
import io.uavstream.odometry.OdometrySnapshotSerializer;
import java.io.IOException;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink state serializer of a drone's {@link OdometrySnapshot}, in the versioned binary format of
 * {@link OdometrySnapshotSerializer}. Each record starts with its format version, which the reader
 * checks, so a build never misreads state of another format. No Kryo is involved.
 *
 * <p>Public only because Flink instantiates the serializer snapshot by its class name.
 */
@Internal
public final class OdometrySnapshotTypeSerializer extends TypeSerializerSingleton<OdometrySnapshot> {
    private static final long serialVersionUID = 1L;

    /** The single instance; the serializer has no configuration. */
    static final OdometrySnapshotTypeSerializer INSTANCE = new OdometrySnapshotTypeSerializer();

    /** Snapshots are never modified after they are made, so copies can share them. */
    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public OdometrySnapshot createInstance() {
        return null;
    }

    @Override
    public OdometrySnapshot copy(OdometrySnapshot from) {
        return from;
    }

    @Override
    public OdometrySnapshot copy(OdometrySnapshot from, OdometrySnapshot reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(OdometrySnapshot snapshot, DataOutputView target) throws IOException {
        OdometrySnapshotSerializer.write(snapshot, target);
    }

    @Override
    public OdometrySnapshot deserialize(DataInputView source) throws IOException {
        return OdometrySnapshotSerializer.read(source);
    }

    @Override
    public OdometrySnapshot deserialize(OdometrySnapshot reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<OdometrySnapshot> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot of the serializer: the {@link OdometrySnapshotSerializer} format version of the state. */
    public static final class Snapshot implements TypeSerializerSnapshot<OdometrySnapshot> {

        private static final int SNAPSHOT_VERSION = 1;

        private int formatVersion = OdometrySnapshotSerializer.VERSION;

        /** For Flink, which instantiates snapshots by reflection before reading them. */
        public Snapshot() {
        }

        @Override
        public int getCurrentVersion() {
            return SNAPSHOT_VERSION;
        }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException {
            out.writeInt(formatVersion);
        }

        @Override
        public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) throws IOException {
            if (readVersion != SNAPSHOT_VERSION) {
                throw new IOException("Unknown snapshot version " + readVersion + " of the odometry state serializer;"
                        + " this build reads version " + SNAPSHOT_VERSION);
            }
            formatVersion = in.readInt();
        }

        @Override
        public TypeSerializer<OdometrySnapshot> restoreSerializer() {
            return INSTANCE;
        }

        /** Returns compatible as is for state in this build's format version, incompatible otherwise. */
        @Override
        public TypeSerializerSchemaCompatibility<OdometrySnapshot> resolveSchemaCompatibility(
                TypeSerializerSnapshot<OdometrySnapshot> oldSnapshot) {
            if (oldSnapshot instanceof Snapshot old && old.formatVersion == formatVersion) {
                return TypeSerializerSchemaCompatibility.compatibleAsIs();
            }
            return TypeSerializerSchemaCompatibility.incompatible();
        }
    }
}
