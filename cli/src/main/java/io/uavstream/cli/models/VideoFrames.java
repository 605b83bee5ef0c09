package io.uavstream.cli.models;

import io.uavstream.ingest.DemuxedPacket;
import io.uavstream.ingest.StreamDemuxer;
import io.uavstream.ingest.StreamInfo;
import io.uavstream.ingest.VideoSource;
import io.uavstream.models.BgrImage;
import io.uavstream.video.DecodedFrame;
import io.uavstream.video.PacketDecoder;
import java.nio.file.Path;
import java.util.List;

/** Decodes a video file with FFmpeg and hands every n-th frame to a consumer, in decode order. */
final class VideoFrames {

    /** Receives one selected frame; {@code index} counts decoded frames from 0. */
    @FunctionalInterface
    interface FrameConsumer {
        void accept(int index, BgrImage image);
    }

    private VideoFrames() {}

    /**
     * Decodes {@code video} and passes frames 0, every, 2 x every, ... below {@code endIndex}
     * (all frames when it is 0 or less) to {@code consumer}.
     */
    static void forEach(Path video, int every, int endIndex, FrameConsumer consumer) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1, got " + every);
        }
        try (StreamDemuxer demuxer = StreamDemuxer.open(VideoSource.ofFile(video))) {
            DemuxedPacket first = demuxer.nextPacket();
            if (first == null) {
                throw new IllegalArgumentException("Video has no access units: " + video);
            }
            try (PacketDecoder decoder = openDecoder(first)) {
                int[] index = {0};
                DemuxedPacket packet = first;
                while (packet != null && (endIndex <= 0 || index[0] < endIndex)) {
                    pass(decoder.decode(packet.accessUnit(), packet.ptsMicros(), packet.dtsMicros()), index, every,
                            endIndex, consumer);
                    packet = demuxer.nextPacket();
                }
                pass(decoder.drain(), index, every, endIndex, consumer);
            }
        }
    }

    private static void pass(List<DecodedFrame> frames, int[] index, int every, int endIndex,
            FrameConsumer consumer) {
        for (DecodedFrame frame : frames) {
            int current = index[0]++;
            if ((endIndex <= 0 || current < endIndex) && current % every == 0) {
                consumer.accept(current, frame.image());
            }
        }
    }

    private static PacketDecoder openDecoder(DemuxedPacket first) {
        StreamInfo stream = first.stream();
        PacketDecoder.Builder builder = PacketDecoder.builder(stream.codec()).declaredSize(stream.width(), stream.height());
        if (first.codecConfig() != null) {
            builder.extradata(first.codecConfig());
        }
        return builder.open();
    }
}
