package io.uavstream.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.models.BgrImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransientArtefactDetectorTest {

    private static final int WIDTH = 120;
    private static final int HEIGHT = 90;

    @Test
    void staticSceneIsClean() {
        List<FrameIntegrity> verdicts = judge(texture(0), texture(0), texture(0), texture(0));

        assertThat(verdicts).containsOnly(FrameIntegrity.CLEAN);
    }

    @Test
    void blockInOneFrameIsFlagged() {
        List<FrameIntegrity> verdicts = judge(texture(0), withBlock(texture(0), 40, 30, 16), texture(0), texture(0));

        assertThat(verdicts).containsExactly(FrameIntegrity.CLEAN, FrameIntegrity.TRANSIENT_ARTEFACT,
                FrameIntegrity.CLEAN, FrameIntegrity.CLEAN);
    }

    @Test
    void blockThatStaysIsClean() {
        LumaPlane withBlock = withBlock(texture(0), 40, 30, 16);

        List<FrameIntegrity> verdicts = judge(texture(0), withBlock, withBlock, withBlock);

        assertThat(verdicts).containsOnly(FrameIntegrity.CLEAN);
    }

    @Test
    void sceneCutIsClean() {
        List<FrameIntegrity> verdicts = judge(texture(0), texture(0), inverted(texture(0)), inverted(texture(0)));

        assertThat(verdicts).containsOnly(FrameIntegrity.CLEAN);
    }

    @Test
    void motionWithinRadiusIsClean() {
        int step = TransientArtefactDetector.MOTION_RADIUS;
        List<FrameIntegrity> verdicts = judge(
                withBlock(texture(0), 20, 30, 16),
                withBlock(texture(0), 20 + step, 30, 16),
                withBlock(texture(0), 20 + 2 * step, 30, 16),
                withBlock(texture(0), 20 + 3 * step, 30, 16));

        assertThat(verdicts).containsOnly(FrameIntegrity.CLEAN);
    }

    @Test
    void tinySpeckIsBelowThreshold() {
        List<FrameIntegrity> verdicts = judge(texture(0), withBlock(texture(0), 40, 30, 2), texture(0), texture(0));

        assertThat(verdicts).containsOnly(FrameIntegrity.CLEAN);
    }

    @Test
    void decoderVerdictIsKept() {
        TransientArtefactDetector detector = new TransientArtefactDetector();
        List<DecodedFrame> out = new ArrayList<>();
        out.addAll(detector.push(frame(0, FrameIntegrity.CLEAN), texture(0)));
        out.addAll(detector.push(frame(1, FrameIntegrity.DECODER_REPORTED_DAMAGE), withBlock(texture(0), 40, 30, 16)));
        out.addAll(detector.push(frame(2, FrameIntegrity.CLEAN), texture(0)));
        out.addAll(detector.flush());

        assertThat(out).extracting(DecodedFrame::integrity).containsExactly(FrameIntegrity.CLEAN,
                FrameIntegrity.DECODER_REPORTED_DAMAGE, FrameIntegrity.CLEAN);
    }

    @Test
    void sizeChangeReleasesPendingFrame() {
        TransientArtefactDetector detector = new TransientArtefactDetector();
        detector.push(frame(0, FrameIntegrity.CLEAN), texture(0));

        List<DecodedFrame> released = detector.push(frame(1, FrameIntegrity.CLEAN), new LumaPlane(60, 40, new byte[60 * 40]));

        assertThat(released).extracting(DecodedFrame::ptsMicros).containsExactly(0L);
    }

    @Test
    void analysisSizeKeepsAspectRatio() {
        assertThat(TransientArtefactDetector.analysisSize(3840, 2160)).containsExactly(349, 196);
        assertThat(TransientArtefactDetector.analysisSize(720, 528)).containsExactly(360, 264);
        assertThat(TransientArtefactDetector.analysisSize(160, 120)).containsExactly(160, 120);
    }

    /** Pushes the planes in order, flushes, and returns the verdicts in presentation order. */
    private static List<FrameIntegrity> judge(LumaPlane... planes) {
        TransientArtefactDetector detector = new TransientArtefactDetector();
        List<DecodedFrame> out = new ArrayList<>();
        for (int i = 0; i < planes.length; i++) {
            out.addAll(detector.push(frame(i, FrameIntegrity.CLEAN), planes[i]));
        }
        out.addAll(detector.flush());
        assertThat(out).extracting(DecodedFrame::ptsMicros).containsExactly(
                java.util.stream.LongStream.range(0, planes.length).boxed().toArray(Long[]::new));
        return out.stream().map(DecodedFrame::integrity).toList();
    }

    private static DecodedFrame frame(long pts, FrameIntegrity integrity) {
        return new DecodedFrame(new BgrImage(1, 1, new byte[3]), pts, integrity);
    }

    /** Returns a mid-grey texture with smooth variation, like a dim real scene. */
    private static LumaPlane texture(int seed) {
        byte[] pixels = new byte[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                pixels[y * WIDTH + x] = (byte) (60 + 20 * Math.sin((x + seed) / 7.0) + 15 * Math.cos(y / 5.0));
            }
        }
        return new LumaPlane(WIDTH, HEIGHT, pixels);
    }

    private static LumaPlane withBlock(LumaPlane plane, int left, int top, int size) {
        byte[] pixels = plane.pixels().clone();
        for (int y = top; y < top + size; y++) {
            for (int x = left; x < left + size; x++) {
                pixels[y * WIDTH + x] = (byte) 250;
            }
        }
        return new LumaPlane(WIDTH, HEIGHT, pixels);
    }

    private static LumaPlane inverted(LumaPlane plane) {
        byte[] pixels = plane.pixels().clone();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (255 - (pixels[i] & 0xff));
        }
        return new LumaPlane(WIDTH, HEIGHT, pixels);
    }
}
