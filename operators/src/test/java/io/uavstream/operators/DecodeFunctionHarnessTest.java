package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.ingest.DemuxedPacket;
import io.uavstream.ingest.SyntheticVideo;
import io.uavstream.models.testing.TinyModels;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restore and idle-timeout behaviour of {@link DecodeFunction}, with processing time under test control. */
class DecodeFunctionHarnessTest {

    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    private static List<PacketOrDeadLetter> session;
    private static AnalysisConfig config;

    @BeforeAll
    static void prepare() throws IOException {
        List<DemuxedPacket> clip = TestPackets.demux(SyntheticVideo.builder().frames(30).size(96, 64).gop(10)
                .write(dir.resolve("clip.ts")));
        session = TestPackets.session("drone-r", "s1", clip, 0);
        config = AnalysisConfig.builder()
                .modelPath(TinyModels.yolox(dir.resolve("model")).toString())
                .decoderIdleTimeout(IDLE_TIMEOUT)
                .build();
    }

    @Test
    void restoredDecoderWaitsForKeyframe() throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = harness()) {
            harness.open();
            process(harness, 0, 5);
            snapshot = harness.snapshot(1, 1);
        }

        try (var restored = harness()) {
            restored.initializeState(snapshot);
            restored.open();
            process(restored, 5, session.size());

            // The decoder died with the first task: access units 5 to 9 wait for keyframe 10.
            assertThat(sequences(restored)).containsExactlyElementsOf(LongStream.range(10, 30).boxed().toList());
        }
    }

    @Test
    void idleDecoderIsDrainedAndFreed() throws Exception {
        try (var harness = harness()) {
            harness.open();
            harness.setProcessingTime(0);
            process(harness, 0, 5);
            // The artefact check delays each frame by one frame, so frame 4 waits for frame 5 or a drain.
            assertThat(sequences(harness)).containsExactly(0L, 1L, 2L, 3L);

            harness.setProcessingTime(IDLE_TIMEOUT.toMillis());
            assertThat(sequences(harness)).containsExactly(0L, 1L, 2L, 3L, 4L);

            process(harness, 5, session.size());
            List<Long> expected = new java.util.ArrayList<>(LongStream.range(0, 5).boxed().toList());
            expected.addAll(LongStream.range(10, 30).boxed().toList());
            assertThat(sequences(harness)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void activeDecoderOutlivesTimer() throws Exception {
        try (var harness = harness()) {
            harness.open();
            harness.setProcessingTime(0);
            process(harness, 0, 5);
            harness.setProcessingTime(IDLE_TIMEOUT.toMillis() - 1);
            process(harness, 5, 6);

            harness.setProcessingTime(IDLE_TIMEOUT.toMillis());
            process(harness, 6, session.size());

            assertThat(sequences(harness)).containsExactlyElementsOf(LongStream.range(0, 30).boxed().toList());
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, PacketOrDeadLetter, DecodedVideoFrame> harness()
            throws Exception {
        // NOTE: the harness copies every output with a serializer from Flink's type extraction, not
        // with DecodedVideoFrameTypeInfo, so these tests cannot show that frames stay uncopied.
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DecodeFunction(config)), PacketOrDeadLetter::droneId, Types.STRING);
    }

    private static void process(KeyedOneInputStreamOperatorTestHarness<String, PacketOrDeadLetter, DecodedVideoFrame> harness,
            int from, int to) throws Exception {
        for (PacketOrDeadLetter record : session.subList(from, to)) {
            harness.processElement(new StreamRecord<>(record));
        }
    }

    private static List<Long> sequences(
            KeyedOneInputStreamOperatorTestHarness<String, PacketOrDeadLetter, DecodedVideoFrame> harness) {
        return harness.extractOutputValues().stream().map(DecodedVideoFrame::sequence).toList();
    }
}
