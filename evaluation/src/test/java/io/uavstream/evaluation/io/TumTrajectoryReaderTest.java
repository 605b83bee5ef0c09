package io.uavstream.evaluation.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.uavstream.evaluation.geometry.Quaternion;
import io.uavstream.evaluation.geometry.Vector3;
import io.uavstream.evaluation.odometry.Pose;
import io.uavstream.evaluation.odometry.Trajectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TumTrajectoryReaderTest {

    @TempDir
    Path directory;

    private static Trajectory read(String text) throws IOException {
        return TumTrajectoryReader.read(new BufferedReader(new StringReader(text)), "groundtruth.txt");
    }

    @Test
    void readsPosesAndSkipsComments() throws IOException {
        String text = "# ground truth trajectory\n# timestamp tx ty tz qx qy qz qw\n"
                + "1305031102.1758 1.3405 0.6266 1.6575 0.6574 0.6126 -0.2949 -0.3248\n\n"
                + "1305031102.1858 1.3417 0.6253 1.6578 0.6572 0.6126 -0.2950 -0.3249\n";

        Trajectory trajectory = read(text);

        assertThat(trajectory.size()).isEqualTo(2);
        Pose first = trajectory.get(0);
        assertThat(first.timestamp()).isEqualTo(1305031102.1758);
        assertThat(first.position()).isEqualTo(new Vector3(1.3405, 0.6266, 1.6575));
        assertThat(first.orientation().toRotationMatrix().determinant()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void posesSortedByTimestamp() throws IOException {
        Trajectory trajectory = read("2 0 0 0 0 0 0 1\n1 0 0 0 0 0 0 1\n");

        assertThat(trajectory.get(0).timestamp()).isEqualTo(1.0);
    }

    @Test
    void wrongColumnCountNamesLine() {
        assertThatThrownBy(() -> read("# header\n1 0 0 0 0 0 1\n"))
                .isInstanceOf(MalformedFileException.class)
                .hasMessage("groundtruth.txt:2: expected 8 columns (timestamp tx ty tz qx qy qz qw), found 7");
    }

    @Test
    void malformedValuesNameColumn() {
        assertThatThrownBy(() -> read("1 0 0 x 0 0 0 1\n"))
                .hasMessage("groundtruth.txt:1: column 4 (tz) is not a number: 'x'");
        assertThatThrownBy(() -> read("1 0 0 0 0 0 0 0\n"))
                .hasMessage("groundtruth.txt:1: quaternion (qx qy qz qw) must not be zero");
    }

    @Test
    void repeatedTimestampRejected() {
        assertThatThrownBy(() -> read("1 0 0 0 0 0 0 1\n2 0 0 0 0 0 0 1\n1 1 0 0 0 0 0 1\n"))
                .hasMessage("groundtruth.txt:3: timestamp 1.0 appears again (first on line 1)");
    }

    @Test
    void writerRoundTrip() throws IOException {
        Trajectory trajectory = Trajectory.of(List.of(
                new Pose(0.5, new Vector3(1, -2, 3.25), Quaternion.fromAxisAngle(new Vector3(0, 0, 1), 0.3)),
                new Pose(1.5, new Vector3(0.1, 0.2, 0.3), Quaternion.IDENTITY)));
        Path file = directory.resolve("estimate.txt");

        TumTrajectoryWriter.write(file, trajectory);
        Trajectory readBack = TumTrajectoryReader.read(file);

        assertThat(readBack.poses()).isEqualTo(trajectory.poses());
    }
}
