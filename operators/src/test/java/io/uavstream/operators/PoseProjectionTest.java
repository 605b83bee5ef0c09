package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.uavstream.analytics.geo.GeodeticPoint;
import io.uavstream.analytics.geo.LocalTangentPlane;
import io.uavstream.analytics.geo.Vector3;
import io.uavstream.analytics.geometry.Point2;
import io.uavstream.schemas.FramePose;
import io.uavstream.schemas.PoseSource;
import io.uavstream.schemas.PoseStatus;
import io.uavstream.schemas.ScaleSource;
import org.junit.jupiter.api.Test;

/** Ground positions from a {@link FramePose} through {@link PoseProjection}. */
class PoseProjectionTest {

    private static final GeodeticPoint ORIGIN = new GeodeticPoint(47.3769, 8.5417, 408);

    /** Nadir camera: x right is east, y down is south, z forward is down; quaternion (0, 1, 0, 0). */
    private static FramePose.Builder nadirPose() {
        return FramePose.newBuilder()
                .setStatus(PoseStatus.OK)
                .setSource(PoseSource.GROUND_TRUTH)
                .setScaleSource(ScaleSource.GROUND_TRUTH)
                .setEastMetres(10).setNorthMetres(20).setUpMetres(50)
                .setQw(0).setQx(1).setQy(0).setQz(0)
                .setFx(500).setFy(500).setCx(320).setCy(240)
                .setOriginLatitudeDegrees(ORIGIN.latitudeDegrees())
                .setOriginLongitudeDegrees(ORIGIN.longitudeDegrees())
                .setOriginAltitudeMetres(ORIGIN.heightMetres());
    }

    @Test
    void principalPointProjectsBelowCamera() {
        PoseProjection projection = PoseProjection.of(nadirPose().build()).orElseThrow();

        Vector3 ground = enu(projection.groundPosition(new Point2(320, 240)).orElseThrow());

        assertThat(ground.x()).isCloseTo(10, within(1e-6));
        assertThat(ground.y()).isCloseTo(20, within(1e-6));
    }

    @Test
    void imageRightIsEastAndDownIsSouth() {
        PoseProjection projection = PoseProjection.of(nadirPose().build()).orElseThrow();

        // 100 px at fx = 500 from 50 m height is 10 m on the ground.
        Vector3 ground = enu(projection.groundPosition(new Point2(420, 340)).orElseThrow());

        assertThat(ground.x()).isCloseTo(20, within(1e-6));
        assertThat(ground.y()).isCloseTo(10, within(1e-6));
    }

    @Test
    void unnormalisedQuaternionIsNormalised() {
        PoseProjection projection = PoseProjection.of(nadirPose().setQx(3).build()).orElseThrow();

        Vector3 ground = enu(projection.groundPosition(new Point2(320, 240)).orElseThrow());

        assertThat(ground.x()).isCloseTo(10, within(1e-6));
    }

    @Test
    void missingPoseGivesNoProjection() {
        assertThat(PoseProjection.of(null)).isEmpty();
    }

    @Test
    void lostPoseIsRejected() {
        assertThatThrownBy(() -> PoseProjection.of(nadirPose().setStatus(PoseStatus.LOST).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LOST");
    }

    @Test
    void poseWithoutScaleIsRejected() {
        assertThatThrownBy(() -> PoseProjection.of(nadirPose().setScaleSource(ScaleSource.NONE).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metric scale");
    }

    @Test
    void poseWithoutOriginIsRejected() {
        assertThatThrownBy(() -> PoseProjection.of(nadirPose().setOriginLatitudeDegrees(null).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("origin");
    }

    @Test
    void zeroQuaternionIsRejected() {
        assertThatThrownBy(() -> PoseProjection.of(nadirPose().setQx(0).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quaternion");
    }

    private static Vector3 enu(GeodeticPoint point) {
        return new LocalTangentPlane(ORIGIN).toEnu(point);
    }
}
