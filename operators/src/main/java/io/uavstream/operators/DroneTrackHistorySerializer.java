package io.uavstream.operators;

import java.io.IOException;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * State serializer of {@link DroneTrackHistory}, with an explicit format: a format version byte,
 * the session ID behind a presence flag, the track count, then per track its ID, class ID and
 * name, started flag, first-seen, last-matched and last-event capture times, last sequence,
 * frame count, score sum, last score, path length, first centre and last box. Every record names
 * its format version, so that a later release can add fields and still read this one's state.
 *
 * <p>Public only because Flink instantiates the serializer snapshot by its class name.
 */
@Internal
public final class DroneTrackHistorySerializer extends TypeSerializerSingleton<DroneTrackHistory> {
    private static final long serialVersionUID = 1L;

    /** The single instance; the serializer has no configuration. */
    static final DroneTrackHistorySerializer INSTANCE = new DroneTrackHistorySerializer();

    private static final byte FORMAT_VERSION = 1;

    /** Largest track count accepted on read; a larger count means damaged state. */
    private static final int MAX_TRACKS = 1 << 20;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public DroneTrackHistory createInstance() {
        return new DroneTrackHistory();
    }

    @Override
    public DroneTrackHistory copy(DroneTrackHistory from) {
        return from.copy();
    }

    @Override
    public DroneTrackHistory copy(DroneTrackHistory from, DroneTrackHistory reuse) {
        return from.copy();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(DroneTrackHistory history, DataOutputView target) throws IOException {
        target.writeByte(FORMAT_VERSION);
        target.writeBoolean(history.sessionId != null);
        if (history.sessionId != null) {
            target.writeUTF(history.sessionId);
        }
        target.writeInt(history.tracks.size());
        for (TrackHistory track : history.tracks.values()) {
            writeTrack(track, target);
        }
    }

    @Override
    public DroneTrackHistory deserialize(DataInputView source) throws IOException {
        byte version = source.readByte();
        if (version != FORMAT_VERSION) {
            throw new IOException("Unknown format version " + version + " of the track history state; this release"
                    + " reads version " + FORMAT_VERSION + ", so a newer release wrote the state or it is damaged");
        }
        DroneTrackHistory history = new DroneTrackHistory();
        history.sessionId = source.readBoolean() ? source.readUTF() : null;
        int count = source.readInt();
        if (count < 0 || count > MAX_TRACKS) {
            throw new IOException("Invalid track count " + count + " in the track history state; the state is damaged");
        }
        for (int i = 0; i < count; i++) {
            TrackHistory track = readTrack(source);
            history.tracks.put(track.trackId, track);
        }
        return history;
    }

    @Override
    public DroneTrackHistory deserialize(DroneTrackHistory reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<DroneTrackHistory> snapshotConfiguration() {
        return new Snapshot();
    }

    private static void writeTrack(TrackHistory track, DataOutputView target) throws IOException {
        target.writeLong(track.trackId);
        target.writeInt(track.classId);
        target.writeUTF(track.className);
        target.writeBoolean(track.started);
        target.writeLong(track.firstSeenMicros);
        target.writeLong(track.lastMatchedMicros);
        target.writeLong(track.lastEventMicros);
        target.writeLong(track.lastSequence);
        target.writeInt(track.frames);
        target.writeDouble(track.scoreSum);
        target.writeFloat(track.lastScore);
        target.writeDouble(track.pathLengthPixels);
        target.writeFloat(track.firstCenterX);
        target.writeFloat(track.firstCenterY);
        target.writeFloat(track.x1);
        target.writeFloat(track.y1);
        target.writeFloat(track.x2);
        target.writeFloat(track.y2);
    }

    private static TrackHistory readTrack(DataInputView source) throws IOException {
        TrackHistory track = new TrackHistory(source.readLong());
        track.classId = source.readInt();
        track.className = source.readUTF();
        track.started = source.readBoolean();
        track.firstSeenMicros = source.readLong();
        track.lastMatchedMicros = source.readLong();
        track.lastEventMicros = source.readLong();
        track.lastSequence = source.readLong();
        track.frames = source.readInt();
        track.scoreSum = source.readDouble();
        track.lastScore = source.readFloat();
        track.pathLengthPixels = source.readDouble();
        track.firstCenterX = source.readFloat();
        track.firstCenterY = source.readFloat();
        track.x1 = source.readFloat();
        track.y1 = source.readFloat();
        track.x2 = source.readFloat();
        track.y2 = source.readFloat();
        return track;
    }

    /** Snapshot of the serializer, which has no configuration; the format version is in each record. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<DroneTrackHistory> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
