package io.uavstream.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uavstream.models.ModelReference;
import io.uavstream.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobOptionsTest {

    private static final String[] REQUIRED = {"--bootstrap-servers", "127.0.0.1:9092", "--model", "/models/m.json"};

    @Test
    void fromArgsAppliesDefaults() {
        JobOptions options = JobOptions.fromArgs(REQUIRED);

        assertThat(options.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(options.model()).isEqualTo(ModelReference.file(Path.of("/models/m.json")));
        assertThat(options.videoTopic()).isEqualTo(Topics.VIDEO);
        assertThat(options.detectionsTopic()).isEqualTo(Topics.DETECTIONS);
        assertThat(options.deadLetterTopic()).isEqualTo(Topics.DEAD_LETTERS);
        assertThat(options.groupId()).isEqualTo(JobOptions.DEFAULT_GROUP_ID);
        assertThat(options.startingOffsets()).isEqualTo(StartingOffsets.COMMITTED);
        assertThat(options.bounded()).isFalse();
        assertThat(options.outputDirectory()).isEmpty();
        assertThat(options.maxAnalysedFps()).isZero();
        assertThat(options.liveMode()).isFalse();
        assertThat(options.maxFrameSize()).isEmpty();
        assertThat(options.artefactCheck()).isTrue();
        assertThat(options.checkpointInterval()).isEqualTo(JobOptions.DEFAULT_CHECKPOINT_INTERVAL);
        assertThat(options.parallelism()).isEmpty();
        assertThat(options.intraOpThreads()).isEmpty();
        assertThat(options.transactionalIdPrefix()).isEqualTo(JobOptions.DEFAULT_GROUP_ID);
        assertThat(options.trackEventsTopic()).isEqualTo(Topics.TRACK_EVENTS);
        assertThat(options.tracking()).isTrue();
        assertThat(options.cameraMotionCompensation()).isTrue();
        assertThat(options.trackUpdateInterval()).isEmpty();
    }

    @Test
    void fromArgsParsesTrackingOptions() {
        JobOptions options = JobOptions.fromArgs(with("--tracking", "false", "--camera-motion-compensation", "false",
                "--track-update-interval", "250ms", "--track-events-topic", "te"));

        assertThat(options.tracking()).isFalse();
        assertThat(options.cameraMotionCompensation()).isFalse();
        assertThat(options.trackUpdateInterval()).contains(Duration.ofMillis(250));
        assertThat(options.trackEventsTopic()).isEqualTo("te");
    }

    @Test
    void analyticsDefaultsFollowTracking() {
        JobOptions options = JobOptions.fromArgs(REQUIRED);

        assertThat(options.analytics()).isTrue();
        assertThat(options.analyticsEnabled()).isTrue();
        assertThat(options.controlTopic()).isEqualTo(Topics.ANALYTICS_CONTROL);
        assertThat(options.analyticsEventsTopic()).isEqualTo(Topics.ANALYTICS_EVENTS);
        assertThat(options.countWindow()).isEmpty();
        assertThat(options.zoneExitDelay()).isEmpty();
        assertThat(options.controlIdleness()).isEqualTo(JobOptions.DEFAULT_CONTROL_IDLENESS);
    }

    @Test
    void trackingOffDisablesAnalytics() {
        JobOptions options = JobOptions.fromArgs(with("--tracking", "false"));

        assertThat(options.analytics()).isTrue();
        assertThat(options.analyticsEnabled()).isFalse();
    }

    @Test
    void fromArgsParsesAnalyticsOptions() {
        JobOptions options = JobOptions.fromArgs(with("--analytics", "false", "--control-topic", "zones",
                "--analytics-events-topic", "ae", "--count-window", "30s", "--zone-exit-delay", "0s",
                "--control-idleness", "2s"));

        assertThat(options.analyticsEnabled()).isFalse();
        assertThat(options.controlTopic()).isEqualTo("zones");
        assertThat(options.analyticsEventsTopic()).isEqualTo("ae");
        assertThat(options.countWindow()).contains(Duration.ofSeconds(30));
        assertThat(options.zoneExitDelay()).contains(Duration.ZERO);
        assertThat(options.controlIdleness()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void analyticsOptionsReachAnalysisConfig() {
        JobOptions options = JobOptions.fromArgs(with("--count-window", "5s", "--zone-exit-delay", "250ms",
                "--intra-op-threads", "1"));

        var config = UavstreamTopology.analysisConfig(
                org.apache.flink.streaming.api.environment.StreamExecutionEnvironment.getExecutionEnvironment(), options);

        assertThat(config.analyticsConfig().countWindowMicros()).isEqualTo(5_000_000L);
        assertThat(config.analyticsConfig().exitDelayMicros()).isEqualTo(250_000L);
    }

    @Test
    void zeroCountWindowNamesOption() {
        assertThatThrownBy(() -> JobOptions.fromArgs(with("--count-window", "0s")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--count-window");
    }

    @Test
    void zeroTrackUpdateIntervalIsAccepted() {
        JobOptions options = JobOptions.fromArgs(with("--track-update-interval", "0s"));

        assertThat(options.trackUpdateInterval()).contains(Duration.ZERO);
    }

    @Test
    void negativeTrackUpdateIntervalIsRejected() {
        assertThatThrownBy(() -> JobOptions.builder().trackUpdateInterval(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--track-update-interval must not be negative");
    }

    @Test
    void trackingOptionsReachAnalysisConfig() {
        JobOptions options = JobOptions.fromArgs(with("--camera-motion-compensation", "false",
                "--track-update-interval", "3s", "--intra-op-threads", "1"));

        var config = UavstreamTopology.analysisConfig(
                org.apache.flink.streaming.api.environment.StreamExecutionEnvironment.getExecutionEnvironment(), options);

        assertThat(config.tracking()).isTrue();
        assertThat(config.cameraMotionCompensation()).isFalse();
        assertThat(config.trackUpdateInterval()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void fromArgsParsesEveryOption() {
        JobOptions options = JobOptions.fromArgs(new String[] {
            "--bootstrap-servers", "k1:9092,k2:9092", "--model", "/m/yolox.onnx",
            "--video-topic", "v", "--detections-topic", "d", "--dead-letter-topic", "dl",
            "--group-id", "g", "--starting-offsets", "latest", "--bounded",
            "--output-dir", "/out", "--max-analysed-fps", "2.5", "--live", "--max-frame-age", "3s",
            "--max-frame-size", "1920x1080", "--decoder-idle-timeout", "1min", "--artefact-check", "false",
            "--checkpoint-interval", "500ms", "--parallelism", "3", "--intra-op-threads", "2",
            "--max-out-of-orderness", "250ms", "--idleness", "5s", "--transactional-id-prefix", "tx",
            "--transaction-timeout", "2min", "--job-name", "fleet"});

        assertThat(options.bootstrapServers()).isEqualTo("k1:9092,k2:9092");
        assertThat(options.model()).isEqualTo(ModelReference.file(Path.of("/m/yolox.onnx")));
        assertThat(options.videoTopic()).isEqualTo("v");
        assertThat(options.detectionsTopic()).isEqualTo("d");
        assertThat(options.deadLetterTopic()).isEqualTo("dl");
        assertThat(options.groupId()).isEqualTo("g");
        assertThat(options.startingOffsets()).isEqualTo(StartingOffsets.LATEST);
        assertThat(options.bounded()).isTrue();
        assertThat(options.outputDirectory()).contains("/out");
        assertThat(options.maxAnalysedFps()).isEqualTo(2.5);
        assertThat(options.liveMode()).isTrue();
        assertThat(options.maxFrameAge()).contains(Duration.ofSeconds(3));
        assertThat(options.maxFrameSize()).contains(new JobOptions.FrameSize(1920, 1080));
        assertThat(options.decoderIdleTimeout()).contains(Duration.ofMinutes(1));
        assertThat(options.artefactCheck()).isFalse();
        assertThat(options.checkpointInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.parallelism()).hasValue(3);
        assertThat(options.intraOpThreads()).hasValue(2);
        assertThat(options.maxOutOfOrderness()).isEqualTo(Duration.ofMillis(250));
        assertThat(options.idleness()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.transactionalIdPrefix()).isEqualTo("tx");
        assertThat(options.transactionTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.jobName()).isEqualTo("fleet");
    }

    @Test
    void flagAcceptsExplicitFalse() {
        JobOptions options = JobOptions.fromArgs(with("--bounded", "false"));

        assertThat(options.bounded()).isFalse();
    }

    @Test
    void bootstrapAliasSetsBootstrapServers() {
        JobOptions options = JobOptions.fromArgs(new String[] {"--bootstrap", "k:9092", "--model", "/m.json"});

        assertThat(options.bootstrapServers()).isEqualTo("k:9092");
    }

    @Test
    void bootstrapAliasWithNameIsRejected() {
        assertThatThrownBy(() -> JobOptions.fromArgs(with("--bootstrap", "k:9092")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--bootstrap and --bootstrap-servers");
    }

    @Test
    void unknownOptionIsRejected() {
        assertThatThrownBy(() -> JobOptions.fromArgs(with("--max-fps", "3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--max-fps");
    }

    @Test
    void missingBootstrapServersIsRejected() {
        assertThatThrownBy(() -> JobOptions.fromArgs(new String[] {"--model", "/m.json"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--bootstrap-servers");
    }

    @Test
    void missingModelSelectsBundledDefault() {
        JobOptions options = JobOptions.fromArgs(new String[] {"--bootstrap-servers", "k:9092"});

        assertThat(options.model()).isEqualTo(ModelReference.defaultModel());
        assertThat(options.model().isBundled()).isTrue();
    }

    @Test
    void bundledModelIdIsAccepted() {
        JobOptions options = JobOptions.fromArgs(new String[] {"--bootstrap-servers", "k:9092", "--model", "uavdet-416"});

        assertThat(options.model()).isEqualTo(ModelReference.bundled("uavdet-416"));
    }

    @Test
    void relativeModelPathBecomesAbsolute() {
        JobOptions options = JobOptions.fromArgs(new String[] {"--bootstrap-servers", "k:9092", "--model", "m/a.json"});

        assertThat(options.model()).hasToString(Path.of("m/a.json").toAbsolutePath().normalize().toString());
    }

    @Test
    void unknownBundledModelIsRejected() {
        assertThatThrownBy(() -> JobOptions.fromArgs(new String[] {"--bootstrap-servers", "k:9092", "--model", "uavdet-9"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--model: invalid value 'uavdet-9'")
                .hasMessageContaining("Unknown bundled model 'uavdet-9'");
    }

    @Test
    void modelControlIsOnByDefault() {
        assertThat(JobOptions.fromArgs(REQUIRED).modelControl()).isTrue();
        assertThat(JobOptions.fromArgs(with("--model-control", "false")).modelControl()).isFalse();
    }

    @Test
    void controlTopicIsReadForModelControl() {
        JobOptions options = JobOptions.fromArgs(with("--analytics", "false"));
        JobOptions neither = JobOptions.fromArgs(with("--analytics", "false", "--model-control", "false"));

        assertThat(options.readsControlTopic()).isTrue();
        assertThat(neither.readsControlTopic()).isFalse();
    }

    @Test
    void optionWithoutValueIsRejected() {
        assertThatThrownBy(() -> JobOptions.fromArgs(with("--group-id")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--group-id requires a value");
    }

    @Test
    void invalidDurationNamesOption() {
        assertThatThrownBy(() -> JobOptions.fromArgs(with("--checkpoint-interval", "soon")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--checkpoint-interval")
                .hasMessageContaining("soon");
    }

    @Test
    void zeroDurationNamesOption() {
        assertThatThrownBy(() -> JobOptions.fromArgs(with("--idleness", "0s")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--idleness must be positive");
    }

    @Test
    void invalidFrameSizeNamesOption() {
        assertThatThrownBy(() -> JobOptions.fromArgs(with("--max-frame-size", "1920*1080")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--max-frame-size")
                .hasMessageContaining("WIDTHxHEIGHT");
    }

    @Test
    void invalidStartingOffsetsNamesOption() {
        assertThatThrownBy(() -> JobOptions.fromArgs(with("--starting-offsets", "newest")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--starting-offsets")
                .hasMessageContaining("earliest, latest or committed");
    }

    @Test
    void negativeFpsNamesOption() {
        assertThatThrownBy(() -> JobOptions.fromArgs(with("--max-analysed-fps", "-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--max-analysed-fps");
    }

    @Test
    void zeroParallelismNamesOption() {
        assertThatThrownBy(() -> JobOptions.fromArgs(with("--parallelism", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--parallelism must be at least 1");
    }

    @Test
    void checkpointIntervalAboveTransactionTimeoutIsRejected() {
        assertThatThrownBy(() -> JobOptions.fromArgs(with(
                        "--checkpoint-interval", "5min", "--transaction-timeout", "5min")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--checkpoint-interval")
                .hasMessageContaining("--transaction-timeout");
    }

    @Test
    void transactionTimeoutOverBrokerMaxIsRejected() {
        assertThatThrownBy(() -> JobOptions.fromArgs(with("--transaction-timeout", "20min")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--transaction-timeout")
                .hasMessageContaining("transaction.max.timeout.ms");
    }

    @Test
    void defaultIntraOpThreadsSharesCoresAmongSlots() {
        assertThat(JobOptions.defaultIntraOpThreads(2, 2)).isEqualTo(1);
        assertThat(JobOptions.defaultIntraOpThreads(2, 1)).isEqualTo(2);
        assertThat(JobOptions.defaultIntraOpThreads(16, 4)).isEqualTo(4);
        assertThat(JobOptions.defaultIntraOpThreads(1, 4)).isEqualTo(1);
    }

    @Test
    void usageListsEveryOption() {
        String usage = JobOptions.usage();

        for (String option : new String[] {"--bootstrap-servers", "--model", "--video-topic",
                "--detections-topic", "--dead-letter-topic", "--group-id", "--starting-offsets",
                "--bounded", "--output-dir", "--max-analysed-fps", "--live", "--max-frame-age",
                "--max-frame-size", "--decoder-idle-timeout", "--artefact-check", "--checkpoint-interval",
                "--parallelism",
                "--intra-op-threads", "--max-out-of-orderness", "--idleness",
                "--transactional-id-prefix", "--transaction-timeout", "--job-name", "--track-events-topic",
                "--tracking", "--camera-motion-compensation", "--track-update-interval", "--model-control"}) {
            assertThat(usage).contains(option);
        }
    }

    private static String[] with(String... more) {
        String[] args = new String[REQUIRED.length + more.length];
        System.arraycopy(REQUIRED, 0, args, 0, REQUIRED.length);
        System.arraycopy(more, 0, args, REQUIRED.length, more.length);
        return args;
    }
}
