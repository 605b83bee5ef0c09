package io.uavstream.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.job.replay.ReplayOptions;
import io.uavstream.job.replay.ReplayRange;
import io.uavstream.schemas.VideoPacket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Republishes two seconds of a recorded simulated drone as a new drone, at the recorded pace. */
class FlightRepublisherTest {

    private static final String SOURCE = "drone-1";
    private static final String TARGET = "drone-demo";

    @TempDir
    static Path directory;

    private static RecordedFleet fleet;
    private static List<VideoPacket> source;
    private static List<VideoPacket> republished;
    private static long published;
    private static Instant startedAt;

    @BeforeAll
    static void republish() throws Exception {
        fleet = RecordedFleet.record(directory, 1, 5);
        long first = fleet.firstCaptureMicros();
        ReplayRange range = new ReplayRange(first + 2_500_000, first + 4_500_000, Set.of(SOURCE));
        ReplayOptions options = ReplayOptions.builder()
                .bootstrapServers(fleet.bootstrapServers())
                .videoTopic(RecordedFleet.VIDEO_TOPIC)
                .range(range)
                .modelPath(directory.resolve("unused.json"))
                .speed(1.0)
                .build();
        startedAt = Instant.now();
        published = new FlightRepublisher(options, TARGET, Clock.systemUTC()).run();
        List<VideoPacket> packets = fleet.packets();
        source = packets.stream().filter(packet -> packet.getDroneId().equals(SOURCE)).toList();
        republished = packets.stream().filter(packet -> packet.getDroneId().equals(TARGET)).toList();
    }

    @AfterAll
    static void stopKafka() {
        fleet.close();
    }

    @Test
    void republishedFlightStartsAtKeyframe() {
        assertThat(republished.get(0).getKeyframe()).isTrue();
    }

    @Test
    void republishedFlightEndsWithEndOfStream() {
        assertThat(republished.get(republished.size() - 1).getEndOfStream()).isTrue();
        assertThat(republished.stream().filter(VideoPacket::getEndOfStream).count()).isEqualTo(1);
    }

    @Test
    void republishedSequencesStartAtZero() {
        assertThat(republished.stream().map(VideoPacket::getSequence).toList())
                .containsExactlyElementsOf(LongStream.range(0, published).boxed().toList());
    }

    @Test
    void republishedCaptureTimesStartNow() {
        assertThat(republished.get(0).getCaptureTimeMicros()).isAfterOrEqualTo(startedAt.minusSeconds(1));
    }

    @Test
    void republishedKeepsRecordedSpacingAndBytes() {
        VideoPacket firstRepublished = republished.get(0);
        VideoPacket firstSource = source.stream()
                .filter(packet -> packet.getAccessUnit().equals(firstRepublished.getAccessUnit()))
                .findFirst()
                .orElseThrow();
        int offset = source.indexOf(firstSource);
        long shift = RecordedFleet.micros(firstRepublished.getCaptureTimeMicros())
                - RecordedFleet.micros(firstSource.getCaptureTimeMicros());

        for (int i = 0; i < republished.size() - 1; i++) {
            VideoPacket copy = republished.get(i);
            VideoPacket original = source.get(offset + i);
            assertThat(copy.getAccessUnit()).as("access unit %d", i).isEqualTo(original.getAccessUnit());
            assertThat(RecordedFleet.micros(copy.getCaptureTimeMicros()) - shift)
                    .as("capture time %d", i)
                    .isEqualTo(RecordedFleet.micros(original.getCaptureTimeMicros()));
        }
    }

    @Test
    void republishedSessionIsNew() {
        assertThat(republished.get(0).getSessionId()).isNotEqualTo(source.get(0).getSessionId());
    }
}
