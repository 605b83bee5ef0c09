package io.uavstream.operators;

import java.io.IOException;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * State serializer of {@link GopReplayState}, with an explicit format: a format version byte, the
 * stream parameters behind a presence flag (codec, length-prefixed codec configuration with -1 for
 * none, width, height), the retention flags (anchored, over limit, PTS out of order) and totals, the keyframe marks, the last returned
 * frame and whether the decoder may hold frames. Every record names its format version, so that a
 * later release can add fields and still read the state that this one wrote, without migration.
 *
 * <p>Public only because Flink instantiates the serializer snapshot by its class name.
 */
@Internal
public final class GopReplayStateSerializer extends TypeSerializerSingleton<GopReplayState> {
    private static final long serialVersionUID = 1L;

    /** The single instance; the serializer has no configuration. */
    static final GopReplayStateSerializer INSTANCE = new GopReplayStateSerializer();

    private static final byte FORMAT_VERSION = 1;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public GopReplayState createInstance() {
        return new GopReplayState();
    }

    @Override
    public GopReplayState copy(GopReplayState from) {
        return from.copy();
    }

    @Override
    public GopReplayState copy(GopReplayState from, GopReplayState reuse) {
        return from.copy();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(GopReplayState state, DataOutputView target) throws IOException {
        target.writeByte(FORMAT_VERSION);
        writeParameters(state.parameters, target);
        target.writeBoolean(state.anchoredAtDecoderStart);
        target.writeBoolean(state.overLimit);
        target.writeBoolean(state.ptsOutOfOrder);
        target.writeInt(state.accessUnits);
        target.writeLong(state.bytes);
        target.writeInt(state.keyframes.size());
        for (GopReplayState.KeyframeMark mark : state.keyframes) {
            target.writeInt(mark.position());
            target.writeLong(mark.ptsMicros());
        }
        target.writeBoolean(state.frameReturned);
        target.writeLong(state.lastReturnedPts);
        target.writeLong(state.lastReturnedSequence);
        target.writeBoolean(state.decoderMayHoldFrames);
    }

    @Override
    public GopReplayState deserialize(DataInputView source) throws IOException {
        byte version = source.readByte();
        if (version != FORMAT_VERSION) {
            throw new IOException("Unknown format version " + version + " of the GOP replay state; this release"
                    + " reads version " + FORMAT_VERSION + ", so a newer release wrote the state or it is damaged");
        }
        GopReplayState state = new GopReplayState();
        state.parameters = readParameters(source);
        state.anchoredAtDecoderStart = source.readBoolean();
        state.overLimit = source.readBoolean();
        state.ptsOutOfOrder = source.readBoolean();
        state.accessUnits = source.readInt();
        state.bytes = source.readLong();
        int keyframes = source.readInt();
        for (int i = 0; i < keyframes; i++) {
            state.keyframes.add(new GopReplayState.KeyframeMark(source.readInt(), source.readLong()));
        }
        state.frameReturned = source.readBoolean();
        state.lastReturnedPts = source.readLong();
        state.lastReturnedSequence = source.readLong();
        state.decoderMayHoldFrames = source.readBoolean();
        return state;
    }

    @Override
    public GopReplayState deserialize(GopReplayState reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<GopReplayState> snapshotConfiguration() {
        return new Snapshot();
    }

    private static void writeParameters(StreamParameters parameters, DataOutputView target) throws IOException {
        target.writeBoolean(parameters != null);
        if (parameters == null) {
            return;
        }
        target.writeUTF(parameters.codec());
        byte[] codecConfig = parameters.codecConfig();
        target.writeInt(codecConfig == null ? -1 : codecConfig.length);
        if (codecConfig != null) {
            target.write(codecConfig);
        }
        target.writeInt(parameters.width());
        target.writeInt(parameters.height());
    }

    private static StreamParameters readParameters(DataInputView source) throws IOException {
        if (!source.readBoolean()) {
            return null;
        }
        String codec = source.readUTF();
        int length = source.readInt();
        byte[] codecConfig = null;
        if (length >= 0) {
            codecConfig = new byte[length];
            source.readFully(codecConfig);
        }
        int width = source.readInt();
        int height = source.readInt();
        return new StreamParameters(codec, codecConfig, width, height);
    }

    /** Snapshot of the serializer, which has no configuration; the format version is in each record. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<GopReplayState> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
