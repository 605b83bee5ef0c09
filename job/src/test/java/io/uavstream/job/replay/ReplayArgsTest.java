package io.uavstream.job.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uavstream.models.ModelReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayArgsTest {

    @Test
    void formattedArgumentsParseBack() {
        ReplayOptions options = ReplayOptions.builder()
                .bootstrapServers("127.0.0.1:9092")
                .videoTopic("video")
                .range(new ReplayRange(1_000_000, 2_000_000, Set.of("drone-1", "drone-2")))
                .modelPath(Path.of("/models/uavdet-416.json"))
                .speed(1.5)
                .detectionsTopic("d")
                .trackEventsTopic("t")
                .deadLetterTopic("x")
                .outputDirectory(Path.of("/data/out"))
                .replayId("r-1")
                .seekMargin(Duration.ofSeconds(60))
                .parallelism(2)
                .intraOpThreads(1)
                .analyticsEventsTopic("a")
                .zonesFile(Path.of("/data/zones.json"))
                .controlTopic("c")
                .countWindow(Duration.ofSeconds(10))
                .zoneExitDelay(Duration.ZERO)
                .build();

        ReplayOptions parsed = ReplayArgs.parse(ReplayArgs.format(options).toArray(String[]::new));

        assertThat(parsed).hasToString(options.toString());
    }

    @Test
    void bundledModelRoundTrips() {
        ReplayOptions options = ReplayOptions.builder()
                .bootstrapServers("k:9092")
                .range(new ReplayRange(0, 1, Set.of()))
                .model(ModelReference.bundled("uavdet-416"))
                .build();

        ReplayOptions parsed = ReplayArgs.parse(ReplayArgs.format(options).toArray(String[]::new));

        assertThat(parsed.model()).isEqualTo(ModelReference.bundled("uavdet-416"));
    }

    @Test
    void modelDefaultsToBundledDefault() {
        ReplayOptions options = ReplayOptions.builder()
                .bootstrapServers("k:9092")
                .range(new ReplayRange(0, 1, Set.of()))
                .build();

        assertThat(options.model()).isEqualTo(ModelReference.defaultModel());
    }

    @Test
    void analyticsOffRoundTrips() {
        ReplayOptions options = ReplayOptions.builder()
                .bootstrapServers("k:9092")
                .range(new ReplayRange(0, 1, Set.of()))
                .modelPath(Path.of("/m.json"))
                .analytics(false)
                .build();

        ReplayOptions parsed = ReplayArgs.parse(ReplayArgs.format(options).toArray(String[]::new));

        assertThat(parsed.analytics()).isFalse();
        assertThat(parsed.zonesFile()).isEmpty();
    }

    @Test
    void zonesWithoutAnalyticsAreRejected() {
        ReplayOptions.Builder options = ReplayOptions.builder()
                .bootstrapServers("k:9092")
                .range(new ReplayRange(0, 1, Set.of()))
                .modelPath(Path.of("/m.json"))
                .zonesFile(Path.of("/data/zones.json"))
                .analytics(false);

        assertThatThrownBy(options::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--zones /data/zones.json has no effect with --no-analytics");
    }

    @Test
    void invalidAnalyticsFlagIsRejected() {
        assertThatThrownBy(() -> ReplayArgs.parse(new String[] {"--analytics", "yes"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--analytics must be true or false, got yes");
    }

    @Test
    void maxSpeedRoundTrips() {
        ReplayOptions options = ReplayOptions.builder()
                .bootstrapServers("k:9092")
                .range(new ReplayRange(0, 1, Set.of()))
                .modelPath(Path.of("/m.json"))
                .build();

        ReplayOptions parsed = ReplayArgs.parse(ReplayArgs.format(options).toArray(String[]::new));

        assertThat(parsed.paced()).isFalse();
        assertThat(parsed.range().droneIds()).isEmpty();
    }

    @Test
    void unknownOptionIsRejected() {
        assertThatThrownBy(() -> ReplayArgs.parse(new String[] {"--speedy", "1"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown replay job option --speedy");
    }

    @Test
    void missingRangeIsRejected() {
        assertThatThrownBy(() -> ReplayArgs.parse(new String[] {"--bootstrap-servers", "k:9092", "--model", "/m.json"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--from and --to are missing");
    }

    @Test
    void invalidSpeedIsRejected() {
        assertThatThrownBy(() -> ReplayArgs.speed("fast"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--speed must be max or a positive number");
    }
}
