package io.uavstream.cli.cluster;

import io.uavstream.cluster.rest.FlinkRestClient;
import io.uavstream.cluster.rest.JobSummary;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code uavstream jobs}: lists, cancels and stops the jobs of a Flink session cluster through its REST API. */
@Command(
        name = "jobs",
        mixinStandardHelpOptions = true,
        description = "Lists, cancels and stops (with a savepoint) the jobs of a Flink session cluster.",
        subcommands = {JobsCommand.ListJobs.class, JobsCommand.CancelJob.class, JobsCommand.StopJob.class})
public final class JobsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The REST address option shared by the subcommands. */
    static final class JobManagerOption {
        @Option(names = "--jobmanager", required = true, paramLabel = "URL",
                description = "REST address of the JobManager, for example http://localhost:8081.")
        URI address;

        FlinkRestClient client() {
            return new FlinkRestClient(address);
        }
    }

    /** {@code uavstream jobs list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists running and finished jobs, newest first.")
    static final class ListJobs implements Callable<Integer> {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT)
                .withZone(ZoneOffset.UTC);

        @CommandLine.Mixin
        private JobManagerOption jobManager;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            java.util.List<JobSummary> jobs = jobManager.client().listJobs().stream()
                    .sorted((a, b) -> b.startTime().compareTo(a.startTime()))
                    .toList();
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%-32s  %-12s  %-20s  %s%n", "JOB ID", "STATE", "STARTED", "NAME");
            jobs.forEach(job -> out.printf(Locale.ROOT, "%-32s  %-12s  %-20s  %s%n", job.id(), job.state(),
                    TIME.format(job.startTime()), job.name()));
            return 0;
        }
    }

    /** {@code uavstream jobs cancel ID}. */
    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancels a job without a savepoint.")
    static final class CancelJob implements Callable<Integer> {
        @CommandLine.Mixin
        private JobManagerOption jobManager;

        @Parameters(paramLabel = "JOB_ID", description = "ID of the job, as uavstream jobs list prints it.")
        private String jobId;

        @Override
        public Integer call() {
            FlinkRestClient.requireJobId(jobId);
            jobManager.client().cancel(jobId);
            return 0;
        }
    }

    /** {@code uavstream jobs stop ID --savepoint-dir DIR}. */
    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = {"Stops a job with a savepoint and prints the savepoint's path.",
                "Resume it with: uavstream submit --from-savepoint PATH ..."})
    static final class StopJob implements Callable<Integer> {
        @CommandLine.Mixin
        private JobManagerOption jobManager;

        @Parameters(paramLabel = "JOB_ID", description = "ID of the job, as uavstream jobs list prints it.")
        private String jobId;

        @Option(names = "--savepoint-dir", required = true, paramLabel = "DIR",
                description = "Folder or URI for the savepoint, writable by the JobManager and every TaskManager"
                        + " (for example file:///savepoints or s3://bucket/savepoints).")
        private String savepointDirectory;

        @Option(names = "--timeout", defaultValue = "PT5M",
                description = "How long to wait for the savepoint, ISO-8601 (default: ${DEFAULT-VALUE}).")
        private Duration timeout;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            FlinkRestClient.requireJobId(jobId);
            if (savepointDirectory.isBlank()) {
                throw new IllegalArgumentException("--savepoint-dir must not be blank");
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("--timeout must be positive, got " + timeout);
            }
            String savepoint = jobManager.client().stopWithSavepoint(jobId, savepointDirectory, timeout);
            spec.commandLine().getOut().println(savepoint);
            return 0;
        }
    }
}
