package io.uavstream.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uavstream.ingest.DemuxedPacket;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * H.265 in both stream formats and H.264 High profile with B-frames, from the committed clips that
 * src/test/resources/video/README.md describes.
 */
class ClipFixtureDecodingTest {

    private static final String HEVC_ANNEX_B = "hevc-160x120-annexb.ts";
    private static final String HEVC_HVCC = "hevc-160x120-hvcc.mp4";
    private static final String H264_B_FRAMES = "h264-high-bframes-160x120.mkv";

    @ParameterizedTest
    @ValueSource(strings = {HEVC_ANNEX_B, HEVC_HVCC, H264_B_FRAMES})
    void clipDecodesCleanInPresentationOrder(String resource) {
        Clips.Demuxed clip = Clips.demux(resource(resource));
        try (PacketDecoder decoder = clip.decoder().open()) {
            List<DecodedFrame> frames = Clips.decodeAll(clip, decoder);

            assertThat(frames).hasSize(clip.packets().size());
            assertThat(frames).extracting(DecodedFrame::integrity).containsOnly(FrameIntegrity.CLEAN);
            assertThat(frames).extracting(DecodedFrame::ptsMicros).isSorted().doesNotHaveDuplicates();
            assertThat(frames).extracting(DecodedFrame::ptsMicros).containsExactlyInAnyOrderElementsOf(
                    clip.packets().stream().map(DemuxedPacket::ptsMicros).toList());
            assertThat(frames).allSatisfy(frame -> assertThat(frame.image().width()).isEqualTo(160));
        }
    }

    @Test
    void clipsCoverBothHevcStreamFormats() {
        // An HEVCDecoderConfigurationRecord starts with version 1, Annex B extradata with a start code.
        assertThat(Clips.demux(resource(HEVC_HVCC)).codecConfig()[0]).isEqualTo((byte) 1);
        assertThat(Clips.demux(resource(HEVC_ANNEX_B)).codecConfig()[0]).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {HEVC_ANNEX_B, HEVC_HVCC, H264_B_FRAMES})
    void frameOverLimitIsRejected(String resource) {
        Clips.Demuxed clip = Clips.demux(resource(resource));
        DemuxedPacket keyframe = clip.packets().get(0);

        assertThatThrownBy(() -> {
            // The size is known either from the codec configuration at open or from the first frame.
            try (PacketDecoder decoder = clip.decoder().maxFrameSize(128, 128).open()) {
                decoder.decode(keyframe.accessUnit(), keyframe.ptsMicros(), keyframe.dtsMicros());
                decoder.drain();
            }
        }).isInstanceOf(FrameTooLargeException.class).hasMessageContaining("160x120");
    }

    /**
     * FFmpeg 8.0.1 sets no damage flag for garbled CABAC slice data in these clips, in H.265 or in
     * H.264 High profile, so only the artefact check flags such frames, and not all of them. The
     * damaged access unit is the second P-frame (H.265) or the first one (H.264, shown third).
     */
    @ParameterizedTest
    @ValueSource(strings = {HEVC_ANNEX_B, HEVC_HVCC, H264_B_FRAMES})
    void damagedCabacFramesArePartlyFlagged(String resource) {
        boolean hevc = !resource.equals(H264_B_FRAMES);
        int keyframeInterval = hevc ? 6 : 10;

        List<FrameIntegrity> verdicts = decodeWithDamage(resource, hevc ? 2 : 1);

        assertThat(verdicts.get(0)).isEqualTo(FrameIntegrity.CLEAN);
        assertThat(verdicts.subList(1, keyframeInterval)).contains(FrameIntegrity.TRANSIENT_ARTEFACT);
        assertThat(verdicts.subList(keyframeInterval, verdicts.size())).containsOnly(FrameIntegrity.CLEAN);
    }

    /** Returns the verdicts on the clip with bits flipped in the second half of one access unit. */
    private static List<FrameIntegrity> decodeWithDamage(String resource, int damagedIndex) {
        Clips.Demuxed clip = Clips.demux(resource(resource));
        List<FrameIntegrity> verdicts = new ArrayList<>();
        try (PacketDecoder decoder = clip.decoder().open()) {
            for (int i = 0; i < clip.packets().size(); i++) {
                DemuxedPacket packet = clip.packets().get(i);
                byte[] accessUnit = packet.accessUnit();
                if (i == damagedIndex) {
                    accessUnit = Arrays.copyOf(accessUnit, accessUnit.length);
                    for (int k = accessUnit.length / 2; k < accessUnit.length; k += 5) {
                        accessUnit[k] ^= 0x5a;
                    }
                }
                decoder.decode(accessUnit, packet.ptsMicros(), packet.dtsMicros())
                        .forEach(frame -> verdicts.add(frame.integrity()));
            }
            decoder.drain().forEach(frame -> verdicts.add(frame.integrity()));
        }
        assertThat(verdicts).hasSize(clip.packets().size());
        return verdicts;
    }

    private static Path resource(String name) {
        try {
            return Path.of(ClipFixtureDecodingTest.class.getResource("/video/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Invalid test resource path for " + name, e);
        }
    }
}
