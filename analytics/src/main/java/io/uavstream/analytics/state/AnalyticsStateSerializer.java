package io.uavstream.analytics.state;

import io.uavstream.analytics.geo.GeodeticPoint;
import io.uavstream.analytics.geometry.Point2;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Binary form of {@link AnalyticsState}: a version byte, then the fields in declaration order.
 * Doubles are written as their IEEE 754 bits, so a round trip is exact.
 */
public final class AnalyticsStateSerializer {

    /** Version written first; a reader rejects other versions. */
    public static final int VERSION = 1;

    private AnalyticsStateSerializer() {
    }

    public static void write(AnalyticsState state, DataOutput out) throws IOException {
        out.writeByte(VERSION);
        out.writeLong(state.lastCaptureTimeMicros());
        out.writeInt(state.tracks().size());
        for (TrackMemory track : state.tracks().values()) {
            writeTrack(track, out);
        }
        out.writeLong(state.windowStartMicros());
        out.writeInt(state.windowTracks().size());
        for (Map.Entry<String, SortedSet<Long>> entry : state.windowTracks().entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeInt(entry.getValue().size());
            for (long trackId : entry.getValue()) {
                out.writeLong(trackId);
            }
        }
    }

    /** Reads a state; throws IOException for an unknown version or negative counts. */
    public static AnalyticsState read(DataInput in) throws IOException {
        int version = in.readUnsignedByte();
        if (version != VERSION) {
            throw new IOException("Unsupported analytics state version " + version + ", expected " + VERSION);
        }
        long lastCaptureTime = in.readLong();
        int trackCount = readCount(in, "tracks");
        SortedMap<Long, TrackMemory> tracks = new TreeMap<>();
        for (int i = 0; i < trackCount; i++) {
            TrackMemory track = readTrack(in);
            tracks.put(track.trackId(), track);
        }
        long windowStart = in.readLong();
        int classCount = readCount(in, "window classes");
        SortedMap<String, SortedSet<Long>> windowTracks = new TreeMap<>();
        for (int i = 0; i < classCount; i++) {
            String className = in.readUTF();
            int idCount = readCount(in, "window track IDs");
            SortedSet<Long> ids = new TreeSet<>();
            for (int j = 0; j < idCount; j++) {
                ids.add(in.readLong());
            }
            windowTracks.put(className, ids);
        }
        return new AnalyticsState(lastCaptureTime, tracks, windowStart, windowTracks);
    }

    public static byte[] toBytes(AnalyticsState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(state, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    public static AnalyticsState fromBytes(byte[] bytes) throws IOException {
        return read(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    private static void writeTrack(TrackMemory track, DataOutput out) throws IOException {
        out.writeLong(track.trackId());
        out.writeUTF(track.className());
        out.writeLong(track.lastSeenMicros());
        out.writeDouble(track.lastPixel().x());
        out.writeDouble(track.lastPixel().y());
        out.writeBoolean(track.lastWorld() != null);
        if (track.lastWorld() != null) {
            out.writeDouble(track.lastWorld().latitudeDegrees());
            out.writeDouble(track.lastWorld().longitudeDegrees());
            out.writeDouble(track.lastWorld().heightMetres());
        }
        out.writeInt(track.zones().size());
        for (Map.Entry<String, ZoneOccupancy> entry : track.zones().entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeLong(entry.getValue().enteredAtMicros());
            out.writeLong(entry.getValue().lastInsideMicros());
            out.writeLong(entry.getValue().outsideSinceMicros());
        }
    }

    private static TrackMemory readTrack(DataInput in) throws IOException {
        long trackId = in.readLong();
        String className = in.readUTF();
        long lastSeen = in.readLong();
        Point2 lastPixel = new Point2(in.readDouble(), in.readDouble());
        GeodeticPoint lastWorld = in.readBoolean()
                ? new GeodeticPoint(in.readDouble(), in.readDouble(), in.readDouble())
                : null;
        int zoneCount = readCount(in, "zones of track " + trackId);
        SortedMap<String, ZoneOccupancy> zones = new TreeMap<>();
        for (int i = 0; i < zoneCount; i++) {
            zones.put(in.readUTF(), new ZoneOccupancy(in.readLong(), in.readLong(), in.readLong()));
        }
        return new TrackMemory(trackId, className, lastSeen, lastPixel, lastWorld, zones);
    }

    private static int readCount(DataInput in, String what) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("Invalid analytics state: negative count " + count + " of " + what);
        }
        return count;
    }
}
