package io.uavstream.evaluation.odometry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Poses of one sequence, sorted by strictly increasing timestamp. */
public final class Trajectory {

    private final List<Pose> poses;

    private Trajectory(List<Pose> poses) {
        this.poses = poses;
    }

    /**
     * Sorts the poses by timestamp.
     *
     * @throws IllegalArgumentException if two poses have the same timestamp
     */
    public static Trajectory of(Collection<Pose> poses) {
        List<Pose> sorted = new ArrayList<>(poses);
        sorted.sort(Comparator.comparingDouble(Pose::timestamp));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).timestamp() == sorted.get(i - 1).timestamp()) {
                throw new IllegalArgumentException("Two poses share the timestamp " + sorted.get(i).timestamp()
                        + " s. A trajectory needs one pose per timestamp");
            }
        }
        return new Trajectory(List.copyOf(sorted));
    }

    public List<Pose> poses() {
        return poses;
    }

    public int size() {
        return poses.size();
    }

    public Pose get(int index) {
        return poses.get(index);
    }
}
