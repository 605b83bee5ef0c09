package io.uavstream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.ingest.DemuxedPacket;
import io.uavstream.ingest.StreamDemuxer;
import io.uavstream.ingest.VideoPacketPublisher;
import io.uavstream.ingest.VideoSource;
import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.models.testing.SharedData;
import io.uavstream.schemas.FrameDetections;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the job with the real NanoDet-Plus and YOLOX-nano models over real footage of pedestrians
 * (vtest.avi, 768x576 at 10 fps). Skipped where the shared test data is absent.
 */
class SharedVideoDetectionTest {

    /** PTS of the checked frame: 10.0 s. */
    private static final long CHECKED_PTS_MICROS = 10_000_000L;

    /** Packets published after the checked frame, so that a decoder delay cannot hold it back. */
    private static final long TRAILING_MICROS = 500_000L;

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineHarness.oneSlotCluster();

    private static EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"models/nanodet-plus-m-416.onnx", "models/yolox-nano-416.onnx"})
    void modelFindsFivePersonsAtTenSeconds(String modelFile) throws Exception {
        Path video = SharedData.require("video/vtest.avi");
        Path model = SharedData.require(modelFile);
        PipelineHarness harness = new PipelineHarness(kafka, "vtest-" + modelFile.replaceAll("\\W", "-"));
        publishUpTo(video, harness, CHECKED_PTS_MICROS + TRAILING_MICROS);

        harness.run(harness.options(model).build());
        FrameDetections frame = frameNearest(harness.committedDetections(), CHECKED_PTS_MICROS);
        long persons = frame.getBoxes().stream()
                .filter(box -> box.getClassName().equals("person"))
                .filter(box -> box.getScore() >= 0.5f)
                .count();

        assertThat(frame.getPtsMicros()).isEqualTo(CHECKED_PTS_MICROS);
        assertThat(persons).isGreaterThanOrEqualTo(5);
    }

    /**
     * Publishes the access units of {@code video} with a PTS up to {@code lastPtsMicros}, then an
     * end-of-stream marker, as one ingest session; the rest of the file is not needed.
     */
    private static void publishUpTo(Path video, PipelineHarness harness, long lastPtsMicros) {
        String droneId = "camera-1";
        String sessionId = UUID.randomUUID().toString();
        long sequence = 0;
        try (StreamDemuxer demuxer = StreamDemuxer.open(VideoSource.ofFile(video));
                VideoPacketPublisher publisher = new VideoPacketPublisher(harness.bootstrapServers(), harness.videoTopic())) {
            DemuxedPacket last = null;
            for (DemuxedPacket packet = demuxer.nextPacket();
                    packet != null && packet.ptsMicros() <= lastPtsMicros;
                    packet = demuxer.nextPacket()) {
                publisher.publish(packet.toVideoPacket(droneId, sessionId, sequence++));
                last = packet;
            }
            assertThat(last).as("access units of %s", video).isNotNull();
            publisher.publish(last.endOfStreamAfter(droneId, sessionId, sequence));
            publisher.flush();
        }
    }

    private static FrameDetections frameNearest(List<FrameDetections> frames, long ptsMicros) {
        return frames.stream()
                .min(Comparator.comparingLong(frame -> Math.abs(frame.getPtsMicros() - ptsMicros)))
                .orElseThrow(() -> new AssertionError("The job wrote no detections"));
    }
}
