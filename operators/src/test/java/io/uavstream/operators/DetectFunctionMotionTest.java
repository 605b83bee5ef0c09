package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.models.BgrImage;
import io.uavstream.models.testing.TinyModels;
import io.uavstream.tracking.geometry.Homography;
import io.uavstream.tracking.geometry.Point;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Camera-motion estimates of {@link DetectFunction} on frames of a texture that moves by (-2, -1)
 * pixels per frame, before and after a restore.
 */
class DetectFunctionMotionTest {

    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;
    private static final Homography FRAME_MOTION = Homography.translation(-2, -1);

    @TempDir
    static Path dir;

    private static AnalysisConfig config;

    @BeforeAll
    static void prepare() {
        config = AnalysisConfig.builder().modelPath(TinyModels.yolox(dir).toString()).build();
    }

    @Test
    void motionFollowsMovingTexture() throws Exception {
        try (var harness = harness(config)) {
            harness.open();
            process(harness, frames("s1", 0, 5));

            List<Optional<Homography>> motions = motions(harness);
            assertThat(motions.get(0)).as("first frame of the drone").isEmpty();
            for (int i = 1; i < motions.size(); i++) {
                assertMovesLikeTexture(motions.get(i).orElseThrow());
            }
            assertThat(counter(harness, AnalysisCounters.CAMERA_MOTION_ESTIMATED)).isEqualTo(4);
            assertThat(counter(harness, AnalysisCounters.CAMERA_MOTION_REFERENCE_LOST)).isZero();
        }
    }

    @Test
    void restoreLosesOneEstimate() throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = harness(config)) {
            harness.open();
            process(harness, frames("s1", 0, 5));
            snapshot = harness.snapshot(1, 1);
        }

        try (var restored = harness(config)) {
            restored.initializeState(snapshot);
            restored.open();
            process(restored, frames("s1", 5, 10));

            List<Optional<Homography>> motions = motions(restored);
            assertThat(motions.get(0)).as("first frame after the restore").isEmpty();
            assertThat(motions.subList(1, motions.size())).allSatisfy(motion -> assertThat(motion).isPresent());
            assertThat(counter(restored, AnalysisCounters.CAMERA_MOTION_REFERENCE_LOST)).isEqualTo(1);
            assertThat(counter(restored, AnalysisCounters.CAMERA_MOTION_ESTIMATED)).isEqualTo(4);
        }
    }

    @Test
    void newSessionStartsWithoutMotion() throws Exception {
        try (var harness = harness(config)) {
            harness.open();
            process(harness, frames("s1", 0, 3));
            process(harness, frames("s2", 3, 5));

            assertThat(motions(harness)).extracting(Optional::isPresent).containsExactly(false, true, true, false, true);
            assertThat(counter(harness, AnalysisCounters.CAMERA_MOTION_REFERENCE_LOST)).isZero();
        }
    }

    @Test
    void compensationOffGivesNoMotion() throws Exception {
        AnalysisConfig off = AnalysisConfig.builder().modelPath(config.modelPath()).cameraMotionCompensation(false).build();
        try (var harness = harness(off)) {
            harness.open();
            process(harness, frames("s1", 0, 3));

            assertThat(motions(harness)).allSatisfy(motion -> assertThat(motion).isEmpty());
            assertThat(counter(harness, AnalysisCounters.CAMERA_MOTION_ESTIMATED)).isZero();
        }
    }

    private static void assertMovesLikeTexture(Homography motion) {
        for (double[] point : new double[][] {{40, 40}, {160, 120}, {280, 200}}) {
            Point expected = FRAME_MOTION.map(point[0], point[1]);
            Point actual = motion.map(point[0], point[1]);
            assertThat(actual.x()).as("x of %s", motion).isCloseTo(expected.x(), Offset.offset(0.5));
            assertThat(actual.y()).as("y of %s", motion).isCloseTo(expected.y(), Offset.offset(0.5));
        }
    }

    /** Returns frames {@code first} to {@code end - 1}; frame i shows the texture moved by (-2i, -i). */
    private static List<DecodedVideoFrame> frames(String sessionId, int first, int end) {
        byte[] texture = texture(WIDTH + 64, HEIGHT + 64);
        List<DecodedVideoFrame> frames = new ArrayList<>();
        for (int i = first; i < end; i++) {
            byte[] pixels = new byte[WIDTH * HEIGHT * 3];
            for (int y = 0; y < HEIGHT; y++) {
                System.arraycopy(texture, ((y + i) * (WIDTH + 64) + 2 * i) * 3, pixels, y * WIDTH * 3, WIDTH * 3);
            }
            frames.add(new DecodedVideoFrame("drone-m", sessionId, i, i * 100_000L,
                    TrackScene.FIRST_CAPTURE_MICROS + i * 100_000L, null, null, new BgrImage(WIDTH, HEIGHT, pixels)));
        }
        return frames;
    }

    /** Returns a grey BGR texture of random 6x6-pixel blocks, the same on every call. */
    private static byte[] texture(int width, int height) {
        Random random = new Random(11);
        int blocksX = width / 6 + 1;
        byte[] blocks = new byte[blocksX * (height / 6 + 1)];
        random.nextBytes(blocks);
        byte[] pixels = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                byte value = blocks[(y / 6) * blocksX + x / 6];
                int offset = (y * width + x) * 3;
                pixels[offset] = value;
                pixels[offset + 1] = value;
                pixels[offset + 2] = value;
            }
        }
        return pixels;
    }

    private static List<Optional<Homography>> motions(
            KeyedOneInputStreamOperatorTestHarness<String, DecodedVideoFrame, AnalysedFrame> harness) {
        return harness.extractOutputValues().stream().map(AnalysedFrame::cameraMotion).toList();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, DecodedVideoFrame, AnalysedFrame> harness(
            AnalysisConfig settings) throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new DetectFunction(settings)),
                DecodedVideoFrame::droneId, Types.STRING);
        harness.setup(AnalysedFrameTypeInfo.INSTANCE.createSerializer(new SerializerConfigImpl()));
        return harness;
    }

    private static void process(KeyedOneInputStreamOperatorTestHarness<String, DecodedVideoFrame, AnalysedFrame> harness,
            List<DecodedVideoFrame> frames) throws Exception {
        for (DecodedVideoFrame frame : frames) {
            harness.processElement(new StreamRecord<>(frame));
        }
    }

    private static long counter(KeyedOneInputStreamOperatorTestHarness<String, DecodedVideoFrame, AnalysedFrame> harness,
            String name) {
        var accumulator = harness.getEnvironment().getAccumulatorRegistry().getUserMap().get(name);
        return accumulator == null ? 0 : ((Number) accumulator.getLocalValue()).longValue();
    }
}
