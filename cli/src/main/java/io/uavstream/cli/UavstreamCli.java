package io.uavstream.cli;

import io.uavstream.cli.bench.BenchCommand;
import io.uavstream.cli.cluster.ClusterCommand;
import io.uavstream.cli.cluster.JobsCommand;
import io.uavstream.cli.cluster.SubmitCommand;
import io.uavstream.cli.eval.EvalCommand;
import io.uavstream.cli.models.ModelsCommand;
import io.uavstream.cli.odometry.OdometryCommand;
import io.uavstream.cli.replay.ReplayCommand;
import org.bytedeco.ffmpeg.global.avutil;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code uavstream} command-line tool. */
@Command(
        name = "uavstream",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Streaming video analytics for drone fleets on Apache Kafka and Apache Flink.",
        subcommands = {
            RunCommand.class, IngestCommand.class, SimulateCommand.class, ReplayCommand.class, BrokerCommand.class,
            EvalCommand.class, BenchCommand.class, ModelsCommand.class, OdometryCommand.class,
            ClusterCommand.class, SubmitCommand.class, JobsCommand.class,
            NestedHelpCommand.class})
public final class UavstreamCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // FFmpeg prints encoder banners and per-stream dumps at info and warning level on stderr;
        // uavstream reports what matters through its own logs and exceptions.
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        System.exit(newCommandLine().execute(args));
    }

    /** Creates the command line with uavstream's error handling, for {@code main} and tests. */
    static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new UavstreamCli());
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
