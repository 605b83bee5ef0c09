package io.uavstream.odometry;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Writes and reads {@link OdometrySnapshot} in a versioned binary form, for Flink keyed state and
 * checkpoints. Version 1 layout: the version int, then each field in declaration order; arrays
 * are written as their length then their elements. A reader rejects versions it does not know.
 */
public final class OdometrySnapshotSerializer {

    /** Current format version. */
    public static final int VERSION = 1;

    /** Largest frame, in pixels, that a snapshot may hold; guards against reading a corrupt length. */
    private static final int MAX_PIXELS = 8192 * 8192;
    private static final int MAX_TRACK_VALUES = 1 << 20;

    private OdometrySnapshotSerializer() {
    }

    public static void write(OdometrySnapshot snapshot, DataOutput out) throws IOException {
        out.writeInt(VERSION);
        out.writeUTF(snapshot.phase());
        out.writeInt(snapshot.frameWidth());
        out.writeInt(snapshot.frameHeight());
        out.writeInt(snapshot.framePixels().length);
        out.write(snapshot.framePixels());
        out.writeInt(snapshot.trackCount());
        writeFloats(out, snapshot.trackPixels(), 2 * snapshot.trackCount());
        writeDoubles(out, snapshot.keyframeNormalized(), 2 * snapshot.trackCount());
        writeDoubles(out, snapshot.ground(), 2 * snapshot.trackCount());
        writeDoubles(out, snapshot.rotation(), 9);
        writeDoubles(out, snapshot.centre(), 3);
        writeDoubles(out, snapshot.keyframeRotation(), 9);
        writeDoubles(out, snapshot.keyframeCentre(), 3);
        out.writeUTF(snapshot.scaleSource().name());
        out.writeBoolean(snapshot.georeferenced());
        out.writeLong(snapshot.lastFrameMicros());
        out.writeLong(snapshot.lastOkMicros());
        out.writeDouble(snapshot.gpsOffsetEast());
        out.writeDouble(snapshot.gpsOffsetNorth());
        out.writeLong(snapshot.gpsLastAcceptedMicros());
        out.writeLong(snapshot.gpsRejectedFixes());
    }

    /**
     * Reads a snapshot.
     *
     * @throws IOException if the version is unknown or a length is out of range
     */
    public static OdometrySnapshot read(DataInput in) throws IOException {
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("Unknown odometry snapshot version " + version + "; this build reads version " + VERSION);
        }
        String phase = in.readUTF();
        int width = in.readInt();
        int height = in.readInt();
        int pixelCount = in.readInt();
        if (pixelCount < 0 || pixelCount > MAX_PIXELS) {
            throw new IOException("Odometry snapshot frame of " + pixelCount + " pixels is out of range [0, " + MAX_PIXELS + "]");
        }
        byte[] pixels = new byte[pixelCount];
        in.readFully(pixels);
        int tracks = in.readInt();
        if (tracks < 0 || 2L * tracks > MAX_TRACK_VALUES) {
            throw new IOException("Odometry snapshot track count " + tracks + " is out of range");
        }
        float[] trackPixels = readFloats(in, 2 * tracks);
        double[] keyframeNormalized = readDoubles(in, 2 * tracks);
        double[] ground = readDoubles(in, 2 * tracks);
        double[] rotation = readDoubles(in, 9);
        double[] centre = readDoubles(in, 3);
        double[] keyframeRotation = readDoubles(in, 9);
        double[] keyframeCentre = readDoubles(in, 3);
        ScaleSource scaleSource = ScaleSource.valueOf(in.readUTF());
        boolean georeferenced = in.readBoolean();
        return new OdometrySnapshot(phase, width, height, pixels, tracks, trackPixels, keyframeNormalized, ground,
                rotation, centre, keyframeRotation, keyframeCentre, scaleSource, georeferenced, in.readLong(),
                in.readLong(), in.readDouble(), in.readDouble(), in.readLong(), in.readLong());
    }

    private static void writeFloats(DataOutput out, float[] values, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            out.writeFloat(values[i]);
        }
    }

    private static void writeDoubles(DataOutput out, double[] values, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            out.writeDouble(values[i]);
        }
    }

    private static float[] readFloats(DataInput in, int count) throws IOException {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }

    private static double[] readDoubles(DataInput in, int count) throws IOException {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }
}
