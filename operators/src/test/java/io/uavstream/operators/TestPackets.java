package io.uavstream.operators;

import io.uavstream.ingest.DemuxedPacket;
import io.uavstream.ingest.StreamDemuxer;
import io.uavstream.ingest.VideoSource;
import io.uavstream.schemas.CaptureTimeSource;
import io.uavstream.schemas.VideoPacket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds video records for operator tests. */
final class TestPackets {

    static final String TOPIC = "uavstream.video";

    /** Kafka timestamp of the record at offset 0, in epoch milliseconds. */
    static final long BASE_TIMESTAMP_MILLIS = 1_700_000_000_000L;

    private TestPackets() {}

    /** Returns a small valid packet for deserializer tests. */
    static VideoPacket packet(String droneId, long sequence) {
        return VideoPacket.newBuilder()
                .setDroneId(droneId)
                .setSessionId("session-1")
                .setSequence(sequence)
                .setPtsMicros(sequence * 100_000)
                .setDtsMicros(sequence * 100_000)
                .setDurationMicros(100_000)
                .setCaptureTimeMicros(Instant.parse("2025-06-01T12:00:00Z"))
                .setCaptureTimeSource(CaptureTimeSource.WALL_CLOCK_PLUS_PTS)
                .setKeyframe(sequence == 0)
                .setCodec("h264")
                .setWidth(160)
                .setHeight(120)
                .setCodecConfig(null)
                .setAccessUnit(ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 0x65, 1, 2, 3}))
                .setEndOfStream(false)
                .build();
    }

    /** Returns all access units of a clip in decoding order. */
    static List<DemuxedPacket> demux(Path file) {
        try (StreamDemuxer demuxer = StreamDemuxer.open(VideoSource.ofFile(file))) {
            List<DemuxedPacket> packets = new ArrayList<>();
            for (DemuxedPacket packet = demuxer.nextPacket(); packet != null; packet = demuxer.nextPacket()) {
                packets.add(packet);
            }
            return packets;
        }
    }

    /**
     * Returns one session of {@code droneId}: the access units with sequence numbers from 0, then
     * the end-of-stream marker. Offsets and Kafka timestamps count up from {@code firstOffset}.
     */
    static List<PacketOrDeadLetter> session(String droneId, String sessionId, List<DemuxedPacket> packets,
            long firstOffset) {
        List<VideoPacket> records = new ArrayList<>();
        for (int i = 0; i < packets.size(); i++) {
            records.add(packets.get(i).toVideoPacket(droneId, sessionId, i));
        }
        records.add(packets.get(packets.size() - 1).endOfStreamAfter(droneId, sessionId, packets.size()));
        return wrap(records, firstOffset);
    }

    /** Wraps packets as Kafka records with consecutive offsets from {@code firstOffset}. */
    static List<PacketOrDeadLetter> wrap(List<VideoPacket> packets, long firstOffset) {
        List<PacketOrDeadLetter> records = new ArrayList<>();
        for (int i = 0; i < packets.size(); i++) {
            long offset = firstOffset + i;
            records.add(PacketOrDeadLetter.ofPacket(packets.get(i), TOPIC, 0, offset, BASE_TIMESTAMP_MILLIS + offset));
        }
        return records;
    }

    /** Returns the packets of {@code records}, in order. */
    static List<VideoPacket> packets(List<PacketOrDeadLetter> records) {
        return records.stream().map(PacketOrDeadLetter::packet).toList();
    }
}
