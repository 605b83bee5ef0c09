package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.ingest.DemuxedPacket;
import io.uavstream.ingest.SyntheticVideo;
import io.uavstream.models.testing.TinyModels;
import io.uavstream.odometry.CameraModel;
import io.uavstream.odometry.OdometryConfig;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.FramePose;
import io.uavstream.schemas.PoseSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The per-drone analysis with the visual odometry on: poses in the detections, one motion estimate. */
class DroneAnalysisOdometryTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(PipelineRun.PARALLELISM)
                    .build());

    private static final int FRAMES = 20;

    @TempDir
    static Path dir;

    private static Path model;
    private static List<DemuxedPacket> clip;

    @BeforeAll
    static void prepare() throws IOException {
        model = TinyModels.yolox(dir.resolve("model"));
        clip = TestPackets.demux(SyntheticVideo.builder().frames(FRAMES).size(320, 240).gop(10)
                .write(dir.resolve("clip.ts")));
    }

    @Test
    void everyAnalysedFrameCarriesOdometryPose() throws Exception {
        PipelineRun run = PipelineRun.of(TestPackets.session("drone-a", "s1", clip, 0), config());

        List<FrameDetections> detections = run.detectionsOf("drone-a");
        assertThat(detections).hasSize(FRAMES);
        assertThat(detections).allSatisfy(frame -> assertThat(frame.getPose()).isNotNull());
        FramePose last = detections.get(FRAMES - 1).getPose();
        assertThat(last.getSource()).isEqualTo(PoseSource.VISUAL_ODOMETRY);
        assertThat(last.getFx()).isEqualTo(250.0);
        assertThat(last.getOriginLatitudeDegrees()).isNull();
        assertThat(last.getFrameToFrameHomography()).hasSize(9);
        assertThat(run.counter(DroneOdometry.POSES_OK) + run.counter(DroneOdometry.POSES_NOT_OK)).isEqualTo(FRAMES);
        assertThat(run.counter(DroneOdometry.FAILED)).isZero();
    }

    @Test
    void odometryReplacesCameraMotionEstimator() throws Exception {
        PipelineRun run = PipelineRun.of(TestPackets.session("drone-a", "s1", clip, 0), config());

        assertThat(run.counter(AnalysisCounters.CAMERA_MOTION_ESTIMATED)).isZero();
        assertThat(run.counter(AnalysisCounters.CAMERA_MOTION_FAILED)).isZero();
        assertThat(run.trackEvents()).isNotEmpty();
    }

    private static AnalysisConfig config() {
        return AnalysisConfig.builder()
                .modelPath(model.toString())
                .visualOdometry(CameraModel.pinhole(320, 240, 250, 250, 160, 120), OdometryConfig.defaults())
                .build();
    }
}
