package io.uavstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.schemas.VideoPacket;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IngestorTest {

    private static final int FRAMES = 30;

    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void fileIngestPublishesEveryAccessUnit() throws Exception {
        Path clip = SyntheticVideo.builder().frames(FRAMES).gop(10).write(dir.resolve("clip.ts"));
        String topic = "ingest-file";

        IngestResult result = new Ingestor(options("drone-1", clip, topic)).run();

        assertThat(result.ending()).isEqualTo(IngestResult.Ending.END_OF_STREAM);
        assertThat(result.sessions()).isEqualTo(1);
        assertThat(result.packets()).isEqualTo(FRAMES);
        assertThat(result.errors()).isZero();
        assertThat(result.mediaDuration()).isEqualTo(Duration.ofSeconds(3));

        List<VideoPacket> packets = packets(VideoRecords.readSessions(broker.bootstrapServers(), topic, 1));
        List<DemuxedPacket> demuxed = demuxAll(clip);
        assertThat(packets).hasSize(FRAMES + 1);
        assertThat(result.bytes()).isEqualTo(demuxed.stream().mapToLong(p -> p.accessUnit().length).sum());
        assertSingleGaplessSession(packets);
        for (int i = 0; i < FRAMES; i++) {
            VideoPacket packet = packets.get(i);
            assertThat(packet.getDroneId()).as("drone ID of %d", i).hasToString("drone-1");
            assertThat(packet.getAccessUnit()).as("access unit %d", i).isEqualTo(ByteBuffer.wrap(demuxed.get(i).accessUnit()));
            assertThat(packet.getPtsMicros()).as("PTS of %d", i).isEqualTo(demuxed.get(i).ptsMicros());
            assertThat(packet.getKeyframe()).as("keyframe flag of %d", i).isEqualTo(demuxed.get(i).keyframe());
            assertThat(packet.getCodecConfig() != null).as("extradata presence of %d", i).isEqualTo(packet.getKeyframe());
            assertThat(packet.getEndOfStream()).as("end-of-stream flag of %d", i).isFalse();
        }
    }

    @Test
    void accessUnitsCarryLatestTelemetry() throws Exception {
        Path clip = SyntheticVideo.builder().frames(FRAMES).fps(10).write(dir.resolve("telemetry.ts"));
        StringBuilder csv = new StringBuilder("frame,time_s,latitude_deg,longitude_deg,height_agl_m\n");
        for (int row = 0; row < FRAMES / 2; row++) {
            // 5 Hz telemetry for 10 fps video: two access units share each sample.
            csv.append(row + 1).append(',').append(String.format(Locale.ROOT, "%.6f", row * 0.2))
                    .append(",47.0,8.0,").append(50 + row).append('\n');
        }
        Path telemetry = Files.writeString(dir.resolve("telemetry.csv"), csv);
        String topic = "ingest-telemetry";

        new Ingestor(IngestOptions.builder()
                .droneId("drone-t")
                .source(clip)
                .bootstrapServers(broker.bootstrapServers())
                .topic(topic)
                .telemetry(telemetry)
                .build()).run();

        List<VideoPacket> packets = packets(VideoRecords.readSessions(broker.bootstrapServers(), topic, 1));
        Instant start = packets.get(0).getCaptureTimeMicros();
        for (int i = 0; i < FRAMES; i++) {
            VideoPacket packet = packets.get(i);
            assertThat(packet.getTelemetry()).as("telemetry of %d", i).isNotNull();
            assertThat(packet.getTelemetry().getHeightAboveGroundMetres()).as("height of %d", i).isEqualTo(50.0 + i / 2);
            assertThat(packet.getTelemetry().getSampleTimeMicros()).as("sample time of %d", i)
                    .isEqualTo(start.plus((i / 2) * 200_000L, ChronoUnit.MICROS));
        }
        assertThat(packets.get(FRAMES).getTelemetry()).as("end-of-stream telemetry").isNull();
    }

    @Test
    void sessionEndsWithEndOfStreamMarker() throws Exception {
        Path clip = SyntheticVideo.builder().frames(FRAMES).write(dir.resolve("eos.ts"));
        String topic = "ingest-eos";

        new Ingestor(options("drone-2", clip, topic)).run();

        List<VideoPacket> packets = packets(VideoRecords.readSessions(broker.bootstrapServers(), topic, 1));
        VideoPacket last = packets.get(packets.size() - 1);
        VideoPacket lastAccessUnit = packets.get(packets.size() - 2);
        assertThat(last.getEndOfStream()).isTrue();
        assertThat(last.getSequence()).isEqualTo(FRAMES);
        assertThat(last.getAccessUnit().remaining()).isZero();
        assertThat(last.getSessionId()).isEqualTo(lastAccessUnit.getSessionId());
        assertThat(last.getPtsMicros()).isEqualTo(lastAccessUnit.getPtsMicros() + lastAccessUnit.getDurationMicros());
    }

    @Test
    void progressListenerSeesEveryAccessUnit() throws Exception {
        Path clip = SyntheticVideo.builder().frames(FRAMES).fps(10).write(dir.resolve("progress.ts"));
        List<IngestProgress> progress = new ArrayList<>();

        new Ingestor(options("drone-3", clip, "ingest-progress")).run(progress::add);

        IngestProgress last = progress.get(progress.size() - 1);
        assertThat(progress).hasSize(FRAMES);
        assertThat(last.packets()).isEqualTo(FRAMES);
        assertThat(last.mediaPositionSeconds()).isEqualTo(2.9);
        assertThat(last.totalDurationSeconds()).hasValue(3.0);
    }

    @ParameterizedTest
    @EnumSource(SyntheticVideo.Container.class)
    void truncatedFileEndsWithErrorCount(SyntheticVideo.Container container) throws Exception {
        Path clip = SyntheticVideo.builder().frames(FRAMES).container(container).write(dir.resolve("full." + container));
        byte[] bytes = Files.readAllBytes(clip);
        Path truncated = Files.write(dir.resolve("cut." + container), Arrays.copyOf(bytes, bytes.length * 6 / 10));
        String topic = "ingest-truncated-" + container.name().toLowerCase();

        IngestResult result = new Ingestor(options("drone-5", truncated, topic)).run();

        assertThat(result.ending()).isEqualTo(IngestResult.Ending.DAMAGED);
        assertThat(result.errors()).isEqualTo(1);
        assertThat(result.packets()).isBetween(1L, FRAMES - 1L);
        List<VideoPacket> packets = packets(VideoRecords.readSessions(broker.bootstrapServers(), topic, 1));
        assertThat(packets).hasSize((int) result.packets() + 1);
        assertSingleGaplessSession(packets);
    }

    @Test
    void randomBytesFileRaisesIngestException() throws Exception {
        byte[] noise = new byte[64 * 1024];
        new Random(3).nextBytes(noise);
        Path file = Files.write(dir.resolve("noise.bin"), noise);
        Ingestor ingestor = new Ingestor(options("drone-6", file, "ingest-noise"));

        assertThatThrownBy(ingestor::run)
                .isInstanceOf(IngestException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void unreachableSourceGivesUpAfterAttempts() throws Exception {
        String url = "rtsp://127.0.0.1:" + closedPort() + "/live";
        IngestOptions options = IngestOptions.builder()
                .droneId("drone-7")
                .source(url)
                .bootstrapServers(broker.bootstrapServers())
                .topic("ingest-unreachable")
                .reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(15), 3)
                .socketTimeout(Duration.ofSeconds(2))
                .build();

        try (LogCapture warnings = LogCapture.of(Ingestor.class, Level.WARN)) {
            assertThatThrownBy(() -> new Ingestor(options).run())
                    .isInstanceOf(IngestException.class)
                    .hasMessageContaining(url)
                    .hasMessageContaining("after 3 attempts");

            assertThat(warnings.messages()).hasSize(2);
            assertThat(warnings.messages().get(0)).contains("drone-7", "attempt 1 of 3", "retrying in 10 ms", "Failed to open");
            assertThat(warnings.messages().get(1)).contains("drone-7", "attempt 2 of 3", "retrying in 15 ms", "Failed to open");
        }
    }

    @Test
    void networkReconnectStartsNewSession() throws Exception {
        byte[] clip = Files.readAllBytes(SyntheticVideo.builder().frames(FRAMES).write(dir.resolve("live.ts")));
        String topic = "ingest-reconnect";

        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> serveTwice(server, clip));
            IngestOptions options = IngestOptions.builder()
                    .droneId("drone-8")
                    .source("tcp://127.0.0.1:" + server.getLocalPort())
                    .bootstrapServers(broker.bootstrapServers())
                    .topic(topic)
                    .reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(20), 2)
                    .socketTimeout(Duration.ofSeconds(5))
                    .build();

            IngestResult result = new Ingestor(options).run();
            served.join();

            assertThat(result.ending()).isEqualTo(IngestResult.Ending.SOURCE_LOST);
            assertThat(result.sessions()).isEqualTo(2);
            assertThat(result.packets()).isEqualTo(2L * FRAMES);
        }

        List<VideoPacket> packets = packets(VideoRecords.readSessions(broker.bootstrapServers(), topic, 2));
        List<List<VideoPacket>> sessions = new ArrayList<>(packets.stream()
                .collect(Collectors.groupingBy(p -> p.getSessionId().toString(), java.util.LinkedHashMap::new, Collectors.toList()))
                .values());
        assertThat(sessions).hasSize(2);
        assertSingleGaplessSession(sessions.get(0));
        assertSingleGaplessSession(sessions.get(1));
        assertThat(sessions.get(1)).hasSize(FRAMES + 1);
    }

    @Test
    void stopEndsRealtimeSessionEarly() throws Exception {
        Path clip = SyntheticVideo.builder().frames(FRAMES).fps(10).write(dir.resolve("realtime.ts"));
        String topic = "ingest-stop";
        IngestOptions options = IngestOptions.builder()
                .droneId("drone-9")
                .source(clip)
                .bootstrapServers(broker.bootstrapServers())
                .topic(topic)
                .realtime(true)
                .build();
        Ingestor ingestor = new Ingestor(options);

        IngestResult result = ingestor.run(progress -> {
            if (progress.packets() == 3) {
                ingestor.stop();
            }
        });

        assertThat(result.ending()).isEqualTo(IngestResult.Ending.STOPPED);
        assertThat(result.packets()).isEqualTo(3);
        List<VideoPacket> packets = packets(VideoRecords.readSessions(broker.bootstrapServers(), topic, 1));
        assertThat(packets).hasSize(4);
        assertSingleGaplessSession(packets);
    }

    @Test
    void secondRunIsRejected() throws Exception {
        Path clip = SyntheticVideo.builder().frames(2).write(dir.resolve("once.ts"));
        Ingestor ingestor = new Ingestor(options("drone-10", clip, "ingest-once"));
        ingestor.run();

        assertThatThrownBy(ingestor::run)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("drone-10");
    }

    /** Checks one session: one session ID, sequences 0..n without gaps, end-of-stream only last. */
    private static void assertSingleGaplessSession(List<VideoPacket> packets) {
        String sessionId = packets.get(0).getSessionId().toString();
        for (int i = 0; i < packets.size(); i++) {
            VideoPacket packet = packets.get(i);
            assertThat(packet.getSessionId()).as("session ID of %d", i).hasToString(sessionId);
            assertThat(packet.getSequence()).as("sequence of %d", i).isEqualTo(i);
            assertThat(packet.getEndOfStream()).as("end-of-stream flag of %d", i).isEqualTo(i == packets.size() - 1);
        }
    }

    private static IngestOptions options(String droneId, Path file, String topic) {
        return IngestOptions.builder()
                .droneId(droneId)
                .source(file)
                .bootstrapServers(broker.bootstrapServers())
                .topic(topic)
                .build();
    }

    private static List<VideoPacket> packets(List<VideoRecords.Keyed> records) {
        return records.stream().map(VideoRecords.Keyed::packet).toList();
    }

    private static List<DemuxedPacket> demuxAll(Path clip) {
        List<DemuxedPacket> packets = new ArrayList<>();
        try (StreamDemuxer demuxer = StreamDemuxer.open(VideoSource.ofFile(clip))) {
            for (DemuxedPacket packet = demuxer.nextPacket(); packet != null; packet = demuxer.nextPacket()) {
                packets.add(packet);
            }
        }
        return packets;
    }

    /** Returns a loopback port that nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Sends the clip to two connections, then stops listening so that the third connect is refused. */
    private static void serveTwice(ServerSocket server, byte[] clip) {
        try {
            for (int connection = 0; connection < 2; connection++) {
                try (Socket client = server.accept()) {
                    if (connection == 1) {
                        server.close();
                    }
                    OutputStream out = client.getOutputStream();
                    out.write(clip);
                    out.flush();
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
