package io.uavstream.tracking;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Versioned binary format of {@link TrackerState}, for Flink keyed state and savepoints.
 *
 * <p>Every record starts with a format version byte, so a newer build can read older records
 * and an older build rejects newer ones with a clear message. Version 1, big-endian as
 * {@link DataOutput} writes it:
 *
 * <pre>
 * byte    version (1)
 * long    nextTrackId
 * boolean has last capture time, then long lastCaptureTimeMicros if true
 * long    evictedTracks, long skippedNewTracks, long skippedCameraWarps
 * int     track count, then per track:
 *   long trackId, int classId, byte state (0 TENTATIVE, 1 CONFIRMED, 2 LOST), double score,
 *   long firstSeenMicros, long lastMatchedMicros, int hits,
 *   8 doubles mean, 36 doubles covariance upper triangle row by row
 * </pre>
 *
 * <p>A track takes 393 bytes, so a drone at the default max of 200 tracks stores about 79 KB.
 */
public final class TrackerStateSerializer {

    /** Format version that {@link #write} produces. */
    public static final byte CURRENT_VERSION = 1;

    /** Largest track count accepted on read; a larger count means corrupt input. */
    static final int MAX_TRACK_COUNT = 1 << 20;

    private static final int MEAN = TrackSnapshot.MEAN_SIZE;

    private TrackerStateSerializer() {
    }

    /** Writes the state in the current format version. */
    public static void write(TrackerState state, DataOutput out) throws IOException {
        out.writeByte(CURRENT_VERSION);
        out.writeLong(state.nextTrackId());
        out.writeBoolean(state.lastCaptureTimeMicros().isPresent());
        if (state.lastCaptureTimeMicros().isPresent()) {
            out.writeLong(state.lastCaptureTimeMicros().getAsLong());
        }
        TrackerCounters counters = state.counters();
        out.writeLong(counters.evictedTracks());
        out.writeLong(counters.skippedNewTracks());
        out.writeLong(counters.skippedCameraWarps());
        out.writeInt(state.tracks().size());
        for (TrackSnapshot track : state.tracks()) {
            writeTrack(track, out);
        }
    }

    /**
     * Reads a state written by {@link #write} in any format version that this build supports.
     *
     * @throws IOException if the version is unknown, the input ends early or the content is
     *     invalid
     */
    public static TrackerState read(DataInput in) throws IOException {
        int version = in.readUnsignedByte();
        if (version != CURRENT_VERSION) {
            throw new IOException("Unsupported TrackerState format version " + version + "; this build reads version "
                    + CURRENT_VERSION + " only. The state was written by a different uavstream build: restore it "
                    + "with a build that knows this version, or start the tracker from an empty state.");
        }
        long nextTrackId = in.readLong();
        OptionalLong lastCaptureTimeMicros = in.readBoolean() ? OptionalLong.of(in.readLong()) : OptionalLong.empty();
        TrackerCounters counters;
        try {
            counters = new TrackerCounters(in.readLong(), in.readLong(), in.readLong());
        } catch (IllegalArgumentException e) {
            throw new IOException("Invalid TrackerState: " + e.getMessage(), e);
        }
        int trackCount = in.readInt();
        if (trackCount < 0 || trackCount > MAX_TRACK_COUNT) {
            throw new IOException("Invalid TrackerState: track count " + trackCount + " is outside [0, "
                    + MAX_TRACK_COUNT + "], so the input is corrupt");
        }
        List<TrackSnapshot> tracks = new ArrayList<>(trackCount);
        try {
            for (int i = 0; i < trackCount; i++) {
                tracks.add(readTrack(in));
            }
            return new TrackerState(nextTrackId, lastCaptureTimeMicros, counters, tracks);
        } catch (IllegalArgumentException e) {
            throw new IOException("Invalid TrackerState: " + e.getMessage(), e);
        }
    }

    /** Returns the state in the current format version as a byte array. */
    public static byte[] toBytes(TrackerState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(state, out);
        } catch (IOException e) {
            // Unreachable: a DataOutputStream over a ByteArrayOutputStream never throws IOException.
            throw new UncheckedIOException("Writing TrackerState to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a state from a byte array written by {@link #toBytes}.
     *
     * @throws IOException as {@link #read}, and also if bytes remain after the state
     */
    public static TrackerState fromBytes(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        TrackerState state = read(in);
        if (in.available() > 0) {
            throw new IOException("Invalid TrackerState: " + in.available() + " bytes remain after the state");
        }
        return state;
    }

    private static void writeTrack(TrackSnapshot track, DataOutput out) throws IOException {
        out.writeLong(track.trackId());
        out.writeInt(track.classId());
        out.writeByte(stateCode(track.state()));
        out.writeDouble(track.score());
        out.writeLong(track.firstSeenMicros());
        out.writeLong(track.lastMatchedMicros());
        out.writeInt(track.hits());
        for (double value : track.mean()) {
            out.writeDouble(value);
        }
        double[] covariance = track.covariance();
        for (int row = 0; row < MEAN; row++) {
            for (int column = row; column < MEAN; column++) {
                out.writeDouble(covariance[row * MEAN + column]);
            }
        }
    }

    private static TrackSnapshot readTrack(DataInput in) throws IOException {
        long trackId = in.readLong();
        int classId = in.readInt();
        TrackState state = stateOf(in.readUnsignedByte(), trackId);
        double score = in.readDouble();
        long firstSeenMicros = in.readLong();
        long lastMatchedMicros = in.readLong();
        int hits = in.readInt();
        double[] mean = new double[MEAN];
        for (int i = 0; i < MEAN; i++) {
            mean[i] = in.readDouble();
        }
        double[] covariance = new double[MEAN * MEAN];
        for (int row = 0; row < MEAN; row++) {
            for (int column = row; column < MEAN; column++) {
                double value = in.readDouble();
                covariance[row * MEAN + column] = value;
                covariance[column * MEAN + row] = value;
            }
        }
        return new TrackSnapshot(
                trackId, classId, state, score, firstSeenMicros, lastMatchedMicros, hits, mean, covariance);
    }

    /** Returns the fixed code of a state; codes are part of the format, unlike enum ordinals. */
    private static int stateCode(TrackState state) {
        return switch (state) {
            case TENTATIVE -> 0;
            case CONFIRMED -> 1;
            case LOST -> 2;
            case REMOVED -> throw new IllegalArgumentException("A REMOVED track is never part of a TrackerState");
        };
    }

    private static TrackState stateOf(int code, long trackId) throws IOException {
        return switch (code) {
            case 0 -> TrackState.TENTATIVE;
            case 1 -> TrackState.CONFIRMED;
            case 2 -> TrackState.LOST;
            default -> throw new IOException(
                    "Invalid TrackerState: track " + trackId + " has unknown state code " + code);
        };
    }
}
