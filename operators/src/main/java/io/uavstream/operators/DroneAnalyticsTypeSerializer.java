package io.uavstream.operators;

import io.uavstream.analytics.state.AnalyticsState;
import io.uavstream.analytics.state.AnalyticsStateSerializer;
import java.io.IOException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink state serializer of a drone's {@link DroneAnalytics}. Each record starts with the format
 * version byte ({@value #FORMAT_VERSION}), then the session ID, the analytics state in the
 * versioned format of {@link AnalyticsStateSerializer}, and the last-matched capture times. The
 * snapshot stores the format version, so that a build restoring state of a newer version fails
 * with a clear message instead of misreading it. No Kryo is involved.
 *
 * <p>Public only because Flink instantiates the serializer snapshot by its class name.
 */
@Internal
public final class DroneAnalyticsTypeSerializer extends TypeSerializerSingleton<DroneAnalytics> {
    private static final long serialVersionUID = 1L;

    /** Version of the record format written by this build. */
    static final int FORMAT_VERSION = 1;

    /** The single instance; the serializer has no configuration. */
    static final DroneAnalyticsTypeSerializer INSTANCE = new DroneAnalyticsTypeSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public DroneAnalytics createInstance() {
        return DroneAnalytics.INITIAL;
    }

    @Override
    public DroneAnalytics copy(DroneAnalytics from) {
        return from;
    }

    @Override
    public DroneAnalytics copy(DroneAnalytics from, DroneAnalytics reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(DroneAnalytics state, DataOutputView target) throws IOException {
        target.writeByte(FORMAT_VERSION);
        target.writeUTF(state.sessionId());
        AnalyticsStateSerializer.write(state.analytics(), target);
        target.writeInt(state.lastMatchedMicros().size());
        for (Map.Entry<Long, Long> entry : state.lastMatchedMicros().entrySet()) {
            target.writeLong(entry.getKey());
            target.writeLong(entry.getValue());
        }
    }

    @Override
    public DroneAnalytics deserialize(DataInputView source) throws IOException {
        int version = source.readUnsignedByte();
        if (version != FORMAT_VERSION) {
            throw new IOException("Unsupported drone analytics state version " + version + ", this build reads version "
                    + FORMAT_VERSION);
        }
        String sessionId = source.readUTF();
        AnalyticsState analytics = AnalyticsStateSerializer.read(source);
        int tracks = source.readInt();
        if (tracks < 0) {
            throw new IOException("Invalid drone analytics state: negative count " + tracks + " of matched tracks");
        }
        SortedMap<Long, Long> lastMatched = new TreeMap<>();
        for (int i = 0; i < tracks; i++) {
            lastMatched.put(source.readLong(), source.readLong());
        }
        return new DroneAnalytics(sessionId, analytics, lastMatched);
    }

    @Override
    public DroneAnalytics deserialize(DroneAnalytics reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<DroneAnalytics> snapshotConfiguration() {
        return new Snapshot(FORMAT_VERSION);
    }

    /** Snapshot of the serializer: the format version in which the state was written. */
    public static final class Snapshot implements TypeSerializerSnapshot<DroneAnalytics> {

        private static final int SNAPSHOT_VERSION = 1;

        private int formatVersion;

        /** For Flink, which instantiates snapshots by reflection before reading them. */
        public Snapshot() {
            this(FORMAT_VERSION);
        }

        Snapshot(int formatVersion) {
            this.formatVersion = formatVersion;
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
                throw new IOException("Unknown snapshot version " + readVersion + " of the drone analytics state"
                        + " serializer; this build reads version " + SNAPSHOT_VERSION);
            }
            formatVersion = in.readUnsignedByte();
        }

        @Override
        public TypeSerializer<DroneAnalytics> restoreSerializer() {
            return INSTANCE;
        }

        /**
         * Returns compatible as is for state in this build's format version, and incompatible for
         * any other version or another serializer's snapshot, since this build reads one version.
         */
        @Override
        public TypeSerializerSchemaCompatibility<DroneAnalytics> resolveSchemaCompatibility(
                TypeSerializerSnapshot<DroneAnalytics> oldSnapshot) {
            if (!(oldSnapshot instanceof Snapshot old) || old.formatVersion != formatVersion) {
                return TypeSerializerSchemaCompatibility.incompatible();
            }
            return TypeSerializerSchemaCompatibility.compatibleAsIs();
        }
    }
}
