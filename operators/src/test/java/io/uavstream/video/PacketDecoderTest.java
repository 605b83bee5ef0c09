package io.uavstream.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uavstream.ingest.DemuxedPacket;
import io.uavstream.ingest.SyntheticVideo;
import io.uavstream.ingest.SyntheticVideo.Codec;
import io.uavstream.ingest.SyntheticVideo.Container;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PacketDecoderTest {

    private static final int FRAMES = 30;
    private static final int WIDTH = 160;
    private static final int HEIGHT = 120;

    @TempDir
    static Path dir;

    private static Clips.Demuxed h264TransportStream;
    private static Clips.Demuxed h264Mp4;
    private static Clips.Demuxed mpeg4TransportStream;

    @BeforeAll
    static void writeClips() throws IOException {
        h264TransportStream = clip(Codec.H264, Container.MPEGTS);
        h264Mp4 = clip(Codec.H264, Container.MP4);
        mpeg4TransportStream = clip(Codec.MPEG4, Container.MPEGTS);
    }

    private static Clips.Demuxed clip(Codec codec, Container container) throws IOException {
        Path file = SyntheticVideo.builder().frames(FRAMES).size(WIDTH, HEIGHT).gop(10).codec(codec)
                .container(container).write(dir.resolve(codec + "." + container.name().toLowerCase()));
        return Clips.demux(file);
    }

    enum Stream { H264_ANNEX_B, H264_AVCC, MPEG4 }

    private static Clips.Demuxed clipOf(Stream stream) {
        return switch (stream) {
            case H264_ANNEX_B -> h264TransportStream;
            case H264_AVCC -> h264Mp4;
            case MPEG4 -> mpeg4TransportStream;
        };
    }

    @ParameterizedTest
    @EnumSource(Stream.class)
    void decoderReturnsEveryFrameClean(Stream stream) {
        Clips.Demuxed clip = clipOf(stream);
        try (PacketDecoder decoder = clip.decoder().open()) {
            List<DecodedFrame> frames = Clips.decodeAll(clip, decoder);

            assertThat(frames).hasSize(FRAMES);
            assertThat(frames).allSatisfy(frame -> assertThat(frame.integrity()).isEqualTo(FrameIntegrity.CLEAN));
            assertThat(frames).allSatisfy(frame -> assertThat(frame.image().width()).isEqualTo(WIDTH));
            assertThat(frames).allSatisfy(frame -> assertThat(frame.image().height()).isEqualTo(HEIGHT));
            assertThat(frames).extracting(DecodedFrame::ptsMicros)
                    .containsExactlyElementsOf(clip.packets().stream().map(DemuxedPacket::ptsMicros).toList());
        }
    }

    @Test
    void clipsCoverBothH264StreamFormats() {
        // An AVCDecoderConfigurationRecord starts with version 1, Annex B extradata with a start code.
        assertThat(h264Mp4.codecConfig()[0]).isEqualTo((byte) 1);
        assertThat(h264TransportStream.codecConfig()).startsWith(0, 0, 1);
    }

    @Test
    void decodedFramesShowThePaintedPicture() {
        try (PacketDecoder decoder = h264TransportStream.decoder().open()) {
            DecodedFrame first = Clips.decodeAll(h264TransportStream, decoder).get(0);

            // The synthetic background is textured, so the picture cannot be uniform.
            byte[] pixels = first.image().pixels();
            long distinct = java.util.stream.IntStream.range(0, pixels.length).map(i -> pixels[i] & 0xff).distinct().count();
            assertThat(distinct).isGreaterThan(16);
        }
    }

    @Test
    void drainReturnsFramesHeldBack() {
        try (PacketDecoder decoder = h264TransportStream.decoder().open()) {
            int decoded = 0;
            for (DemuxedPacket packet : h264TransportStream.packets()) {
                decoded += decoder.decode(packet.accessUnit(), packet.ptsMicros(), packet.dtsMicros()).size();
            }
            List<DecodedFrame> drained = decoder.drain();

            assertThat(drained).isNotEmpty();
            assertThat(decoded + drained.size()).isEqualTo(FRAMES);
            assertThat(drained.get(drained.size() - 1).ptsMicros())
                    .isEqualTo(h264TransportStream.packets().get(FRAMES - 1).ptsMicros());
        }
    }

    @Test
    void decoderContinuesAfterDrain() {
        try (PacketDecoder decoder = h264TransportStream.decoder().open()) {
            Clips.decodeAll(h264TransportStream, decoder);

            List<DecodedFrame> again = Clips.decodeAll(h264TransportStream, decoder);

            assertThat(again).hasSize(FRAMES);
        }
    }

    @Test
    void decoderWithoutArtefactCheckHasNoDelay() {
        try (PacketDecoder decoder = h264TransportStream.decoder().artefactCheck(false).open()) {
            DemuxedPacket first = h264TransportStream.packets().get(0);

            List<DecodedFrame> frames = decoder.decode(first.accessUnit(), first.ptsMicros(), first.dtsMicros());

            assertThat(frames).hasSize(1);
        }
    }

    @Test
    void unknownCodecIsRejected() {
        assertThatThrownBy(() -> PacketDecoder.builder("no-such-codec").open())
                .isInstanceOf(UnsupportedCodecException.class)
                .hasMessageContaining("Unknown video codec 'no-such-codec'");
    }

    @Test
    void unsupportedCodecIsRejected() {
        assertThatThrownBy(() -> PacketDecoder.builder("vp9").open())
                .isInstanceOf(UnsupportedCodecException.class)
                .hasMessageContaining("Unsupported video codec 'vp9'")
                .hasMessageContaining("h264");
    }

    @Test
    void declaredSizeOverLimitIsRejected() {
        assertThatThrownBy(() -> h264TransportStream.decoder().declaredSize(WIDTH, HEIGHT).maxFrameSize(64, 64).open())
                .isInstanceOf(FrameTooLargeException.class)
                .hasMessageContaining("160x120 from the stream's declared size exceeds the maximum of 64x64");
    }

    @ParameterizedTest
    @EnumSource(Stream.class)
    void decodedSizeOverLimitIsRejected(Stream stream) {
        Clips.Demuxed clip = clipOf(stream);
        try (PacketDecoder decoder = clip.decoder().maxFrameSize(WIDTH, HEIGHT - 1).open()) {
            DemuxedPacket keyframe = clip.packets().get(0);

            assertThatThrownBy(() -> decoder.decode(keyframe.accessUnit(), keyframe.ptsMicros(), keyframe.dtsMicros()))
                    .isInstanceOf(FrameTooLargeException.class)
                    .hasMessageContaining("160x120")
                    .hasMessageContaining("160x119");
        }
    }

    @Test
    void msmpeg4WithoutDeclaredSizeIsRejected() {
        assertThatThrownBy(() -> PacketDecoder.builder("msmpeg4v3").open())
                .isInstanceOf(InvalidCodecConfigException.class)
                .hasMessageContaining("do not carry their frame size");
    }

    @Test
    void emptyAccessUnitIsRejected() {
        try (PacketDecoder decoder = h264TransportStream.decoder().open()) {
            assertThatThrownBy(() -> decoder.decode(new byte[0], 0, 0))
                    .isInstanceOf(InvalidAccessUnitException.class)
                    .hasMessageContaining("drain()");
        }
    }

    @ParameterizedTest
    @EnumSource(Stream.class)
    void garbageAccessUnitIsRejected(Stream stream) {
        Clips.Demuxed clip = clipOf(stream);
        try (PacketDecoder decoder = clip.decoder().open()) {
            DemuxedPacket keyframe = clip.packets().get(0);
            decoder.decode(keyframe.accessUnit(), keyframe.ptsMicros(), keyframe.dtsMicros());
            byte[] garbage = new byte[300];
            new Random(7).nextBytes(garbage);

            assertThatThrownBy(() -> decoder.decode(garbage, 100_000, 100_000))
                    .isInstanceOf(InvalidAccessUnitException.class)
                    .hasMessageContaining("FFmpeg logged");
        }
    }

    @ParameterizedTest
    @EnumSource(Stream.class)
    void damagedAccessUnitFlagsFramesUntilKeyframe(Stream stream) {
        Clips.Demuxed clip = clipOf(stream);
        int damagedIndex = 3;
        List<FrameIntegrity> verdicts = new ArrayList<>();
        try (PacketDecoder decoder = clip.decoder().open()) {
            for (int i = 0; i < clip.packets().size(); i++) {
                DemuxedPacket packet = clip.packets().get(i);
                byte[] accessUnit = i == damagedIndex ? flipBitsInSecondHalf(packet.accessUnit()) : packet.accessUnit();
                decoder.decode(accessUnit, packet.ptsMicros(), packet.dtsMicros())
                        .forEach(frame -> verdicts.add(frame.integrity()));
            }
            decoder.drain().forEach(frame -> verdicts.add(frame.integrity()));
        }

        assertThat(verdicts).hasSize(FRAMES);
        assertThat(verdicts.subList(0, damagedIndex)).containsOnly(FrameIntegrity.CLEAN);
        assertThat(verdicts.get(damagedIndex)).isEqualTo(FrameIntegrity.DECODER_REPORTED_DAMAGE);
        assertThat(verdicts.subList(damagedIndex + 1, 10)).containsOnly(FrameIntegrity.DAMAGED_REFERENCE);
        assertThat(verdicts.subList(10, FRAMES)).containsOnly(FrameIntegrity.CLEAN);
    }

    @Test
    void closedDecoderRejectsDecode() {
        PacketDecoder decoder = h264TransportStream.decoder().open();
        decoder.close();
        decoder.close();

        assertThatThrownBy(() -> decoder.decode(new byte[] {0, 0, 1}, 0, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    private static byte[] flipBitsInSecondHalf(byte[] accessUnit) {
        byte[] damaged = Arrays.copyOf(accessUnit, accessUnit.length);
        for (int i = damaged.length / 2; i < damaged.length; i += 7) {
            damaged[i] ^= 0x5a;
        }
        return damaged;
    }
}
