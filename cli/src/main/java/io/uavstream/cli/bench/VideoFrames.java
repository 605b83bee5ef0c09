package io.uavstream.cli.bench;

import io.uavstream.ingest.DemuxedPacket;
import io.uavstream.ingest.StreamDemuxer;
import io.uavstream.ingest.StreamInfo;
import io.uavstream.ingest.VideoSource;
import io.uavstream.video.DecodedFrame;
import io.uavstream.video.PacketDecoder;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/** Decodes the frames of a video file with FFmpeg, one at a time, for the benchmarks' loops. */
final class VideoFrames {

    private VideoFrames() {
    }

    /**
     * Hands each decoded frame of {@code video}, in decoding order, to {@code consumer} until it
     * returns false or the video ends.
     *
     * @throws IllegalArgumentException if the video has no access units
     */
    static void forEach(Path video, Predicate<DecodedFrame> consumer) {
        try (StreamDemuxer demuxer = StreamDemuxer.open(VideoSource.ofFile(video))) {
            DemuxedPacket first = demuxer.nextPacket();
            if (first == null) {
                throw new IllegalArgumentException("Video has no access units: " + video);
            }
            try (PacketDecoder decoder = openDecoder(first)) {
                DemuxedPacket packet = first;
                while (packet != null) {
                    if (!offer(decoder.decode(packet.accessUnit(), packet.ptsMicros(), packet.dtsMicros()), consumer)) {
                        return;
                    }
                    packet = demuxer.nextPacket();
                }
                offer(decoder.drain(), consumer);
            }
        }
    }

    private static boolean offer(List<DecodedFrame> frames, Predicate<DecodedFrame> consumer) {
        for (DecodedFrame frame : frames) {
            if (!consumer.test(frame)) {
                return false;
            }
        }
        return true;
    }

    /** Opens a decoder from the first packet, which carries the codec configuration. */
    private static PacketDecoder openDecoder(DemuxedPacket first) {
        StreamInfo stream = first.stream();
        PacketDecoder.Builder builder = PacketDecoder.builder(stream.codec()).declaredSize(stream.width(), stream.height());
        if (first.codecConfig() != null) {
            builder.extradata(first.codecConfig());
        }
        return builder.open();
    }
}
