package io.uavstream.evaluation.odometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uavstream.evaluation.geometry.Matrix3;
import io.uavstream.evaluation.geometry.Quaternion;
import io.uavstream.evaluation.geometry.Vector3;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OdometryEvaluatorTest {

    private static final double EPS = 1e-12;
    private static final Vector3 Z_AXIS = new Vector3(0, 0, 1);

    @Test
    void similarityAlignmentRemovesFrameAndScale() {
        // Ground truth: a helix sampled at 10 Hz for 3 s, yawing as it climbs. The estimate is
        // the same motion in another frame and at half the scale: gt = 2 R est + t. Sim(3)
        // alignment recovers scale 2 and leaves no error; the RPE, with the estimate rescaled
        // by 2, is 0 as well.
        Matrix3 rotation = Quaternion.fromAxisAngle(new Vector3(1, 2, 3), 0.7).toRotationMatrix();
        Vector3 translation = new Vector3(5, -3, 2);
        List<Pose> truth = new ArrayList<>();
        List<Pose> estimate = new ArrayList<>();
        for (int i = 0; i <= 30; i++) {
            double t = i / 10.0;
            Vector3 position = new Vector3(Math.cos(t), Math.sin(t), 0.2 * t);
            Matrix3 orientation = Quaternion.fromAxisAngle(Z_AXIS, t).toRotationMatrix();
            truth.add(new Pose(t, position, Quaternion.fromRotationMatrix(orientation)));
            Vector3 estimatedPosition = rotation.transpose().times(position.minus(translation)).times(0.5);
            Matrix3 estimatedOrientation = rotation.transpose().times(orientation);
            estimate.add(new Pose(t, estimatedPosition, Quaternion.fromRotationMatrix(estimatedOrientation)));
        }
        OdometryConfig sim3 = OdometryConfig.builder().alignment(Alignment.SIM3).build();

        OdometryRow row = OdometryEvaluator.evaluate("helix", Trajectory.of(truth), Trajectory.of(estimate), sim3)
                .row("helix");
        OdometryRow rigid = OdometryEvaluator.evaluate("helix", Trajectory.of(truth), Trajectory.of(estimate),
                OdometryConfig.defaults()).row("helix");

        assertThat(row.associatedPoses()).isEqualTo(31);
        assertThat(row.scale()).isCloseTo(2.0, within(1e-12));
        assertThat(row.ate().rmse()).isLessThan(1e-12);
        assertThat(row.rpeTranslation().count()).isEqualTo(21);
        assertThat(row.rpeTranslation().rmse()).isLessThan(1e-12);
        assertThat(row.rpeRotationDegrees().rmse()).isLessThan(1e-6);
        assertThat(rigid.ate().rmse()).isGreaterThan(0.1);
    }

    @Test
    void noiseGivesKnownRmse() {
        // Ground truth at the corners of a unit square in z = 0, one per second. The estimate
        // is offset along z by +e, -e, -e, +e (e = 0.1). The offsets have zero mean and are
        // uncorrelated with x and y, so the covariance C = diag(0.25, 0.25, 0) is unchanged and
        // the SE(3) alignment is the identity: every error is e, ATE RMSE = mean = max = 0.1.
        // RPE over 1 s: relative z errors are -2e, 0, +2e, so RMSE = sqrt(8 e^2 / 3) = 0.1633.
        double e = 0.1;
        double[][] corners = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
        double[] offsets = {e, -e, -e, e};
        List<Pose> truth = new ArrayList<>();
        List<Pose> estimate = new ArrayList<>();
        for (int i = 0; i < corners.length; i++) {
            truth.add(new Pose(i, new Vector3(corners[i][0], corners[i][1], 0), Quaternion.IDENTITY));
            estimate.add(new Pose(i, new Vector3(corners[i][0], corners[i][1], offsets[i]), Quaternion.IDENTITY));
        }

        OdometryRow row = OdometryEvaluator.evaluate("square", Trajectory.of(truth), Trajectory.of(estimate),
                OdometryConfig.defaults()).row("square");

        assertThat(row.ate().rmse()).isCloseTo(e, within(EPS));
        assertThat(row.ate().mean()).isCloseTo(e, within(EPS));
        assertThat(row.ate().maxOrNaN()).isCloseTo(e, within(EPS));
        assertThat(row.rpeTranslation().count()).isEqualTo(3);
        assertThat(row.rpeTranslation().rmse()).isCloseTo(Math.sqrt(8 * e * e / 3), within(EPS));
        assertThat(row.rpeRotationDegrees().rmse()).isCloseTo(0, within(EPS));
    }

    @Test
    void rotationDriftMeasuredInDegrees() {
        // Both stand still at the origin for 5 s (1 Hz); the estimate turns 1 degree per second
        // about z. Each of the 5 one-second pairs has a rotational error of 1 degree.
        List<Pose> truth = new ArrayList<>();
        List<Pose> estimate = new ArrayList<>();
        for (int i = 0; i <= 5; i++) {
            truth.add(new Pose(i, Vector3.ZERO, Quaternion.IDENTITY));
            estimate.add(new Pose(i, Vector3.ZERO, Quaternion.fromAxisAngle(Z_AXIS, Math.toRadians(i))));
        }

        OdometryRow row = OdometryEvaluator.evaluate("spin", Trajectory.of(truth), Trajectory.of(estimate),
                OdometryConfig.defaults()).row("spin");

        assertThat(row.rpeRotationDegrees().count()).isEqualTo(5);
        assertThat(row.rpeRotationDegrees().rmse()).isCloseTo(1.0, within(1e-9));
        assertThat(row.rpeTranslation().rmse()).isCloseTo(0, within(EPS));
        assertThat(row.ate().rmse()).isCloseTo(0, within(EPS));
    }

    @Test
    void translationDriftPerDelta() {
        // Ground truth moves along x at 1 m/s, the estimate at 1.1 m/s, both at 10 Hz for 3 s.
        // Over 1 s every pair is 0.1 m off: RPE RMSE = 0.1 m, from 21 pairs (t = 0.0 .. 2.0).
        // Without alignment the ATE grows to 0.3 m at t = 3.
        List<Pose> truth = new ArrayList<>();
        List<Pose> estimate = new ArrayList<>();
        for (int i = 0; i <= 30; i++) {
            double t = i / 10.0;
            truth.add(new Pose(t, new Vector3(t, 0, 0), Quaternion.IDENTITY));
            estimate.add(new Pose(t, new Vector3(1.1 * t, 0, 0), Quaternion.IDENTITY));
        }
        OdometryConfig config = OdometryConfig.builder().alignment(Alignment.NONE).build();

        OdometryRow row = OdometryEvaluator.evaluate("line", Trajectory.of(truth), Trajectory.of(estimate), config)
                .row("line");

        assertThat(row.rpeTranslation().count()).isEqualTo(21);
        assertThat(row.rpeTranslation().rmse()).isCloseTo(0.1, within(1e-9));
        assertThat(row.ate().maxOrNaN()).isCloseTo(0.3, within(1e-9));
    }

    @Test
    void combinedRowPoolsErrors() {
        // Sequence a: the square with 0.1 m noise (4 errors of 0.1 m); sequence b: exact.
        // Pooled ATE RMSE = sqrt(4 * 0.01 / 8) = sqrt(0.005).
        List<Pose> truth = new ArrayList<>();
        List<Pose> noisy = new ArrayList<>();
        double[][] corners = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
        double[] offsets = {0.1, -0.1, -0.1, 0.1};
        for (int i = 0; i < 4; i++) {
            truth.add(new Pose(i, new Vector3(corners[i][0], corners[i][1], 0), Quaternion.IDENTITY));
            noisy.add(new Pose(i, new Vector3(corners[i][0], corners[i][1], offsets[i]), Quaternion.IDENTITY));
        }
        Trajectory truthTrajectory = Trajectory.of(truth);

        OdometryResult result = OdometryEvaluator.evaluate(Map.of("a", truthTrajectory, "b", truthTrajectory),
                Map.of("a", Trajectory.of(noisy), "b", truthTrajectory), OdometryConfig.defaults());

        assertThat(result.rows()).extracting(OdometryRow::sequence).containsExactly("a", "b", OdometryRow.COMBINED);
        assertThat(result.combined().ate().rmse()).isCloseTo(Math.sqrt(0.005), within(EPS));
        assertThat(result.combined().associatedPoses()).isEqualTo(8);
        assertThat(result.combined().scale()).isNaN();
    }

    @Test
    void tooFewPosesRejected() {
        Trajectory truth = TimestampAssociationTest.trajectory(0, 1, 2);
        Trajectory estimate = TimestampAssociationTest.trajectory(0, 1, 5);

        assertThatThrownBy(() -> OdometryEvaluator.evaluate("short", truth, estimate, OdometryConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'short' has 2 associated poses");
    }

    @Test
    void mismatchedSequencesRejected() {
        Trajectory truth = TimestampAssociationTest.trajectory(0, 1, 2);

        assertThatThrownBy(() -> OdometryEvaluator.evaluate(Map.of("a", truth), Map.of("b", truth),
                OdometryConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same sequences");
    }

    @Test
    void configRejectsInvalidSettings() {
        assertThatThrownBy(() -> OdometryConfig.builder().rpeDelta(0)).hasMessageContaining("rpeDelta");
        assertThatThrownBy(() -> OdometryConfig.builder().maxTimeDifference(-1)).hasMessageContaining("maxTimeDifference");
        assertThatThrownBy(() -> OdometryConfig.builder().rpeDelta(0.05).build())
                .hasMessageContaining("rpeTolerance (0.1 s) must be less than rpeDelta (0.05 s)");
    }

    @Test
    void jsonNamesUnits() throws Exception {
        Trajectory truth = TimestampAssociationTest.trajectory(0, 1, 2, 3);

        OdometryResult result = OdometryEvaluator.evaluate("walk", truth, truth, OdometryConfig.defaults());
        JsonNode document = new ObjectMapper().readTree(result.toJson());

        assertThat(document.get("metric").asText()).isEqualTo("odometry");
        assertThat(document.get("config").get("alignment").asText()).isEqualTo("SE3");
        assertThat(document.get("rows").get(0).get("ATE_RMSE_m").asDouble()).isCloseTo(0, within(EPS));
        assertThat(document.get("rows").get(1).get("Scale").isNull()).isTrue();
        assertThat(result.renderText()).contains("RPE_Rot_RMSE_deg");
    }
}
