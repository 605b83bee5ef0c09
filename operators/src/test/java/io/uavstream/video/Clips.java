package io.uavstream.video;

import io.uavstream.ingest.DemuxedPacket;
import io.uavstream.ingest.StreamDemuxer;
import io.uavstream.ingest.StreamInfo;
import io.uavstream.ingest.VideoSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Demuxes and decodes whole test clips. */
final class Clips {

    private Clips() {}

    /** A clip's stream description and all its access units in decoding order. */
    record Demuxed(StreamInfo stream, List<DemuxedPacket> packets) {

        byte[] codecConfig() {
            return packets.get(0).codecConfig();
        }

        PacketDecoder.Builder decoder() {
            return PacketDecoder.builder(stream.codec()).extradata(codecConfig());
        }
    }

    static Demuxed demux(Path file) {
        try (StreamDemuxer demuxer = StreamDemuxer.open(VideoSource.ofFile(file))) {
            List<DemuxedPacket> packets = new ArrayList<>();
            for (DemuxedPacket packet = demuxer.nextPacket(); packet != null; packet = demuxer.nextPacket()) {
                packets.add(packet);
            }
            return new Demuxed(demuxer.streamInfo(), packets);
        }
    }

    /** Decodes every access unit and drains the decoder; returns the verdicts only, in output order. */
    static List<FrameIntegrity> decodeVerdicts(Demuxed clip, PacketDecoder decoder) {
        List<FrameIntegrity> verdicts = new ArrayList<>();
        for (DemuxedPacket packet : clip.packets()) {
            decoder.decode(packet.accessUnit(), packet.ptsMicros(), packet.dtsMicros())
                    .forEach(frame -> verdicts.add(frame.integrity()));
        }
        decoder.drain().forEach(frame -> verdicts.add(frame.integrity()));
        return verdicts;
    }

    /** Decodes every access unit and drains the decoder; returns all frames in output order. */
    static List<DecodedFrame> decodeAll(Demuxed clip, PacketDecoder decoder) {
        List<DecodedFrame> frames = new ArrayList<>();
        for (DemuxedPacket packet : clip.packets()) {
            frames.addAll(decoder.decode(packet.accessUnit(), packet.ptsMicros(), packet.dtsMicros()));
        }
        frames.addAll(decoder.drain());
        return frames;
    }
}
