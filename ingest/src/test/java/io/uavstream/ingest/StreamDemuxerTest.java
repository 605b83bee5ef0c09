package io.uavstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uavstream.models.testing.SharedData;
import io.uavstream.schemas.CaptureTimeSource;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StreamDemuxerTest {

    private static final int FRAMES = 30;
    private static final int GOP = 10;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SyntheticVideo.Container.class)
    void h264ClipDemuxesEveryFrame(SyntheticVideo.Container container) throws Exception {
        Path clip = SyntheticVideo.builder().frames(FRAMES).size(320, 240).fps(10).gop(GOP)
                .codec(SyntheticVideo.Codec.H264).container(container).write(dir.resolve("clip." + container));

        try (StreamDemuxer demuxer = StreamDemuxer.open(VideoSource.ofFile(clip))) {
            StreamInfo info = demuxer.streamInfo();
            List<DemuxedPacket> packets = readAll(demuxer);

            assertThat(info.codec()).isEqualTo("h264");
            assertThat(info.width()).isEqualTo(320);
            assertThat(info.height()).isEqualTo(240);
            assertThat(info.framesPerSecond()).isEqualTo(10.0);
            assertThat(info.durationSeconds()).hasValue(3.0);
            assertThat(packets).hasSize(FRAMES);
            assertFrameStructure(packets);
        }
    }

    @Test
    void mpeg4ClipDemuxesEveryFrame() throws Exception {
        Path clip = SyntheticVideo.builder().frames(FRAMES).gop(GOP).codec(SyntheticVideo.Codec.MPEG4)
                .write(dir.resolve("mpeg4.ts"));

        try (StreamDemuxer demuxer = StreamDemuxer.open(VideoSource.ofFile(clip))) {
            List<DemuxedPacket> packets = readAll(demuxer);

            assertThat(demuxer.streamInfo().codec()).isEqualTo("mpeg4");
            assertThat(packets).hasSize(FRAMES);
            assertFrameStructure(packets);
        }
    }

    @Test
    void captureTimeFollowsPtsFromOpen() throws Exception {
        Path clip = SyntheticVideo.builder().frames(5).write(dir.resolve("capture.ts"));

        try (StreamDemuxer demuxer = StreamDemuxer.open(VideoSource.ofFile(clip))) {
            List<DemuxedPacket> packets = readAll(demuxer);
            DemuxedPacket first = packets.get(0);

            for (DemuxedPacket packet : packets) {
                assertThat(packet.captureTimeSource()).isEqualTo(CaptureTimeSource.WALL_CLOCK_PLUS_PTS);
                assertThat(packet.captureTimeMicros() - first.captureTimeMicros())
                        .isEqualTo(packet.ptsMicros() - first.ptsMicros());
            }
        }
    }

    @Test
    void truncatedTransportStreamRaisesDemuxError() throws Exception {
        Path clip = SyntheticVideo.builder().frames(FRAMES).gop(GOP).write(dir.resolve("full.ts"));
        Path truncated = truncate(clip, 0.6);

        try (StreamDemuxer demuxer = StreamDemuxer.open(VideoSource.ofFile(truncated))) {
            List<DemuxedPacket> packets = new ArrayList<>();
            DemuxException error = null;
            try {
                for (DemuxedPacket packet = demuxer.nextPacket(); packet != null; packet = demuxer.nextPacket()) {
                    packets.add(packet);
                }
            } catch (DemuxException e) {
                error = e;
            }

            assertThat(packets).hasSizeBetween(1, FRAMES - 1);
            assertThat(error).isNotNull();
            assertThat(error.getMessage()).contains("Truncated MPEG-TS file").contains(truncated.toString());
            assertThat(error.bytePosition()).isEqualTo(Files.size(truncated));
        }
    }

    @Test
    void truncatedMp4EndsWithCorruptPacket() throws Exception {
        Path clip = SyntheticVideo.builder().frames(FRAMES).gop(GOP).container(SyntheticVideo.Container.MP4)
                .write(dir.resolve("full.mp4"));
        Path truncated = truncate(clip, 0.6);

        try (StreamDemuxer demuxer = StreamDemuxer.open(VideoSource.ofFile(truncated))) {
            List<DemuxedPacket> packets = readAll(demuxer);

            assertThat(packets).hasSizeBetween(1, FRAMES - 1);
            assertThat(packets.get(packets.size() - 1).corrupt()).isTrue();
            assertThat(packets.subList(0, packets.size() - 1)).noneMatch(DemuxedPacket::corrupt);
        }
    }

    @Test
    void randomBytesRaiseIngestException() throws Exception {
        byte[] noise = new byte[64 * 1024];
        new Random(42).nextBytes(noise);
        Path file = Files.write(dir.resolve("noise.ts"), noise);

        assertThatThrownBy(() -> StreamDemuxer.open(VideoSource.ofFile(file)))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void missingFileRaisesNotFound() {
        Path missing = dir.resolve("missing.ts");

        assertThatThrownBy(() -> StreamDemuxer.open(VideoSource.ofFile(missing)))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("not found")
                .hasMessageContaining(missing.toString());
    }

    @Test
    void audioOnlyFileHasNoVideoStream() throws Exception {
        Path audio = dir.resolve("audio.ts");
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(audio.toFile(), 1)) {
            recorder.setFormat("mpegts");
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_MP2);
            recorder.setSampleRate(48_000);
            recorder.start();
            short[] samples = new short[48_000];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (short) (8_000 * Math.sin(2 * Math.PI * 440 * i / 48_000.0));
            }
            recorder.recordSamples(ShortBuffer.wrap(samples));
            recorder.stop();
        }

        assertThatThrownBy(() -> StreamDemuxer.open(VideoSource.ofFile(audio)))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("No video stream")
                .hasMessageContaining(audio.toString());
    }

    @Test
    void closedDemuxerRejectsReads() throws Exception {
        Path clip = SyntheticVideo.builder().frames(2).write(dir.resolve("closed.ts"));
        StreamDemuxer demuxer = StreamDemuxer.open(VideoSource.ofFile(clip));
        demuxer.close();
        demuxer.close();

        assertThatThrownBy(demuxer::nextPacket).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void vtestAviDemuxesAllPackets() {
        Path vtest = SharedData.require("video/vtest.avi");

        try (StreamDemuxer demuxer = StreamDemuxer.open(VideoSource.ofFile(vtest))) {
            List<DemuxedPacket> packets = readAll(demuxer);

            assertThat(demuxer.streamInfo().codec()).isEqualTo("msmpeg4v3");
            assertThat(demuxer.streamInfo().width()).isEqualTo(768);
            assertThat(demuxer.streamInfo().height()).isEqualTo(576);
            assertThat(packets).hasSize(795);
            assertThat(packets.get(0).keyframe()).isTrue();
            assertDtsIncreasing(packets);
        }
    }

    private static void assertFrameStructure(List<DemuxedPacket> packets) {
        for (int i = 0; i < packets.size(); i++) {
            DemuxedPacket packet = packets.get(i);
            assertThat(packet.keyframe()).as("keyframe flag of packet %d", i).isEqualTo(i % GOP == 0);
            assertThat(packet.ptsMicros()).as("PTS of packet %d", i).isEqualTo(packets.get(0).ptsMicros() + i * 100_000L);
            assertThat(packet.corrupt()).as("corrupt flag of packet %d", i).isFalse();
            assertThat(packet.accessUnit()).as("access unit of packet %d", i).isNotEmpty();
            if (packet.keyframe()) {
                assertThat(packet.codecConfig()).as("extradata of keyframe %d", i).isNotEmpty();
            } else {
                assertThat(packet.codecConfig()).as("extradata of packet %d", i).isNull();
            }
        }
        assertDtsIncreasing(packets);
    }

    private static void assertDtsIncreasing(List<DemuxedPacket> packets) {
        for (int i = 1; i < packets.size(); i++) {
            assertThat(packets.get(i).dtsMicros()).as("DTS of packet %d", i).isGreaterThan(packets.get(i - 1).dtsMicros());
        }
    }

    private static List<DemuxedPacket> readAll(StreamDemuxer demuxer) {
        List<DemuxedPacket> packets = new ArrayList<>();
        for (DemuxedPacket packet = demuxer.nextPacket(); packet != null; packet = demuxer.nextPacket()) {
            packets.add(packet);
        }
        return packets;
    }

    private Path truncate(Path clip, double fraction) throws Exception {
        byte[] bytes = Files.readAllBytes(clip);
        return Files.write(dir.resolve("truncated-" + clip.getFileName()), Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
    }
}
