package io.uavstream.evaluation.odometry;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.evaluation.geometry.Quaternion;
import io.uavstream.evaluation.geometry.Vector3;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimestampAssociationTest {

    @Test
    void closestPairsWithinMaxDifference() {
        // Ground truth at 0.00, 0.10, 0.20, 0.30; estimates at 0.005, 0.095, 0.107, 0.26, 0.31.
        // Candidates within 0.02 s: (0.00, 0.005), (0.10, 0.095), (0.10, 0.107), (0.30, 0.31).
        // Taken by increasing difference: 0.005, 0.005, then (0.10, 0.107) is skipped because
        // 0.10 is used, then 0.01. Nothing lies within 0.02 s of 0.20 or of 0.26.
        Trajectory truth = trajectory(0.00, 0.10, 0.20, 0.30);
        Trajectory estimate = trajectory(0.005, 0.095, 0.107, 0.26, 0.31);

        List<PosePair> pairs = TimestampAssociation.associate(truth, estimate, 0.02, 0);

        assertThat(pairs).hasSize(3);
        assertThat(pairs.get(0).estimate().timestamp()).isEqualTo(0.005);
        assertThat(pairs.get(1).estimate().timestamp()).isEqualTo(0.095);
        assertThat(pairs.get(2).groundTruth().timestamp()).isEqualTo(0.30);
        assertThat(pairs.get(2).estimate().timestamp()).isEqualTo(0.31);
    }

    @Test
    void offsetShiftsEstimateClock() {
        // The estimate's clock runs 100 s ahead; an offset of -100 s aligns the clocks.
        Trajectory truth = trajectory(1, 2, 3);
        Trajectory estimate = trajectory(101, 102, 103);

        assertThat(TimestampAssociation.associate(truth, estimate, 0.02, 0)).isEmpty();
        assertThat(TimestampAssociation.associate(truth, estimate, 0.02, -100)).hasSize(3);
    }

    @Test
    void eachPoseUsedOnce() {
        // Two estimates 0.004 s and 0.006 s from the one ground-truth pose: only the closer one pairs.
        List<PosePair> pairs = TimestampAssociation.associate(trajectory(1.0), trajectory(0.996, 1.006), 0.02, 0);

        assertThat(pairs).hasSize(1);
        assertThat(pairs.get(0).estimate().timestamp()).isEqualTo(0.996);
    }

    static Trajectory trajectory(double... timestamps) {
        List<Pose> poses = new ArrayList<>();
        for (double timestamp : timestamps) {
            poses.add(new Pose(timestamp, new Vector3(timestamp, 0, 0), Quaternion.IDENTITY));
        }
        return Trajectory.of(poses);
    }
}
