package io.uavstream.operators;

import io.uavstream.schemas.FlightTelemetry;
import java.io.IOException;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * State serializer of {@link RetainedAccessUnit}, with an explicit format: a format version byte,
 * the sequence, PTS, DTS, keyframe flag and capture time, the Kafka timestamp behind a presence
 * flag, the telemetry behind a presence flag ({@link FlightTelemetryFormat}; since version 2),
 * then the length-prefixed access unit. Version 1 state, without telemetry, is still read. Every record names its format version, so that a
 * later release can add fields and still read the state that this one wrote, without migration.
 *
 * <p>Public only because Flink instantiates the serializer snapshot by its class name.
 */
@Internal
public final class RetainedAccessUnitSerializer extends TypeSerializerSingleton<RetainedAccessUnit> {
    private static final long serialVersionUID = 1L;

    /** The single instance; the serializer has no configuration. */
    static final RetainedAccessUnitSerializer INSTANCE = new RetainedAccessUnitSerializer();

    private static final byte FORMAT_VERSION = 2;

    /** The first format, without telemetry. */
    private static final byte FORMAT_VERSION_WITHOUT_TELEMETRY = 1;

    @Override
    public boolean isImmutableType() {
        // The record is immutable, and nothing modifies its byte array once it is retained.
        return true;
    }

    @Override
    public RetainedAccessUnit createInstance() {
        return null;
    }

    @Override
    public RetainedAccessUnit copy(RetainedAccessUnit from) {
        return from;
    }

    @Override
    public RetainedAccessUnit copy(RetainedAccessUnit from, RetainedAccessUnit reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(RetainedAccessUnit unit, DataOutputView target) throws IOException {
        target.writeByte(FORMAT_VERSION);
        target.writeLong(unit.sequence());
        target.writeLong(unit.ptsMicros());
        target.writeLong(unit.dtsMicros());
        target.writeBoolean(unit.keyframe());
        target.writeLong(unit.captureTimeMicros());
        target.writeBoolean(unit.publishedAtMicros() != null);
        if (unit.publishedAtMicros() != null) {
            target.writeLong(unit.publishedAtMicros());
        }
        target.writeBoolean(unit.telemetry() != null);
        if (unit.telemetry() != null) {
            FlightTelemetryFormat.write(unit.telemetry(), target);
        }
        target.writeInt(unit.size());
        target.write(unit.accessUnit());
    }

    @Override
    public RetainedAccessUnit deserialize(DataInputView source) throws IOException {
        byte version = source.readByte();
        if (version != FORMAT_VERSION && version != FORMAT_VERSION_WITHOUT_TELEMETRY) {
            throw new IOException("Unknown format version " + version + " of a retained access unit; this release"
                    + " reads versions " + FORMAT_VERSION_WITHOUT_TELEMETRY + " to " + FORMAT_VERSION
                    + ", so a newer release wrote the state or it is damaged");
        }
        long sequence = source.readLong();
        long ptsMicros = source.readLong();
        long dtsMicros = source.readLong();
        boolean keyframe = source.readBoolean();
        long captureTimeMicros = source.readLong();
        Long publishedAtMicros = source.readBoolean() ? source.readLong() : null;
        FlightTelemetry telemetry = null;
        if (version >= FORMAT_VERSION && source.readBoolean()) {
            telemetry = FlightTelemetryFormat.read(source);
        }
        int length = source.readInt();
        if (length < 0) {
            throw new IOException("Invalid retained access unit length " + length + "; the state is damaged");
        }
        byte[] accessUnit = new byte[length];
        source.readFully(accessUnit);
        return new RetainedAccessUnit(sequence, ptsMicros, dtsMicros, keyframe, captureTimeMicros, publishedAtMicros,
                telemetry, accessUnit);
    }

    @Override
    public RetainedAccessUnit deserialize(RetainedAccessUnit reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<RetainedAccessUnit> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot of the serializer, which has no configuration; the format version is in each record. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<RetainedAccessUnit> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
