package io.uavstream.cli.eval;

import io.uavstream.evaluation.io.TumTrajectoryReader;
import io.uavstream.evaluation.odometry.Alignment;
import io.uavstream.evaluation.odometry.OdometryConfig;
import io.uavstream.evaluation.odometry.OdometryEvaluator;
import io.uavstream.evaluation.odometry.OdometryResult;
import io.uavstream.evaluation.odometry.Trajectory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code uavstream eval vo}: ATE and RPE of camera trajectories in TUM format. */
@Command(name = "vo", mixinStandardHelpOptions = true,
        description = "Odometry metrics as defined for the TUM RGB-D benchmark: ATE RMSE after alignment and RPE"
                + " over a time delta. Files: timestamp tx ty tz qx qy qz qw.")
final class EvalOdometryCommand implements Callable<Integer> {

    @Mixin
    private EvalInputs inputs;

    @Option(names = "--align", defaultValue = "SIM3",
            description = "Alignment before ATE: NONE, SE3 (metric scale known) or SIM3 (up to scale) (default: ${DEFAULT-VALUE}).")
    private Alignment alignment;

    @Option(names = "--rpe-delta", defaultValue = "1.0", description = "RPE time delta in seconds (default: ${DEFAULT-VALUE}).")
    private double rpeDelta;

    @Option(names = "--max-time-difference", defaultValue = "0.02",
            description = "Largest timestamp difference, in seconds, for two poses to be associated (default: ${DEFAULT-VALUE}).")
    private double maxTimeDifference;

    @Override
    public Integer call() throws Exception {
        OdometryConfig config = OdometryConfig.builder()
                .alignment(alignment)
                .rpeDelta(rpeDelta)
                .maxTimeDifference(maxTimeDifference)
                .build();
        OdometryResult result = OdometryEvaluator.evaluate(read(inputs.groundTruth, "poses.txt"),
                read(inputs.predictions, "poses.txt"), config);
        inputs.report(result.renderText(), result.toJson());
        return 0;
    }

    private Map<String, Trajectory> read(Path path, String preferredName) throws Exception {
        Map<String, Trajectory> trajectories = new LinkedHashMap<>();
        for (Map.Entry<String, Path> file : SequenceFiles.list(path, preferredName, inputs.groundTruth).entrySet()) {
            trajectories.put(file.getKey(), TumTrajectoryReader.read(file.getValue()));
        }
        return trajectories;
    }
}
