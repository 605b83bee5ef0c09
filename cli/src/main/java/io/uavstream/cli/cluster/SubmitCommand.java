package io.uavstream.cli.cluster;

import io.uavstream.cluster.rest.FlinkRestClient;
import io.uavstream.cluster.rest.JarRun;
import io.uavstream.job.JobOptions;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code uavstream submit}: uploads the job jar to a Flink session cluster and runs it. */
@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        description = {
            "Uploads the uavstream job jar to a Flink session cluster through its REST API, runs it with the"
                    + " given job options and prints the job ID.",
            "Every other argument is an option of the job (uavstream submit --job-help lists them), for example"
                    + " --bootstrap-servers kafka:9092. Without --model the job runs the default model bundled in"
                    + " the job jar, which each TaskManager extracts itself; --model takes another bundled model ID"
                    + " or the path of a model file that exists on every TaskManager. A relative path is sent as an"
                    + " absolute path from this folder."
        })
public final class SubmitCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SubmitCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = "--jobmanager", required = true, paramLabel = "URL",
            description = "REST address of the JobManager, for example http://localhost:8081.")
    private URI jobManager;

    @Option(names = "--jar", paramLabel = "PATH", description = "Job jar to upload. Default: the thin job jar of this"
            + " checkout (job/target/uavstream-job-*-job-thin.jar), which needs the natives in the cluster's lib"
            + " folder; pass the -job.jar for a stock cluster.")
    private Path jar;

    @Option(names = "--from-savepoint", paramLabel = "PATH", description = "Resume from this savepoint, as"
            + " printed by uavstream jobs stop.")
    private String savepoint;

    @Option(names = "--allow-non-restored-state", description = "Skip savepoint state that no operator of the job claims.")
    private boolean allowNonRestoredState;

    /** A help option (picocli's {@code help}), so that it works without --jobmanager. */
    @SuppressWarnings("deprecation")
    @Option(names = "--job-help", help = true, description = "Print the job options and exit.")
    private boolean jobHelp;

    /** Every argument that is not an option of this command goes to the job, in order. */
    @Unmatched
    private List<String> jobArguments = new ArrayList<>();

    @Override
    public Integer call() {
        if (jobHelp) {
            // picocli's standard output buffers and flushes only on println; main exits right after.
            PrintWriter out = spec.commandLine().getOut();
            out.print(JobOptions.usage());
            out.flush();
            return 0;
        }
        // Checks the options here, so that a typo fails at once rather than in the JobManager.
        JobOptions options = JobOptions.fromArgs(jobArguments.toArray(String[]::new));
        FlinkRestClient rest = new FlinkRestClient(jobManager);
        Path jobJar = jobJar();

        JarRun.Builder run = JarRun.builder()
                .programArguments(withAbsoluteModelPath(jobArguments, options))
                .allowNonRestoredState(allowNonRestoredState);
        if (savepoint != null) {
            run.savepointPath(savepoint);
        }
        String jarId = rest.uploadJar(jobJar);
        String jobId;
        try {
            jobId = rest.runJar(jarId, run.build());
        } finally {
            deleteUploadedJar(rest, jarId);
        }
        LOG.info("Submitted {} as job {} to {}", options.jobName(), jobId, rest.address());
        spec.commandLine().getOut().println(jobId);
        return 0;
    }

    /**
     * Replaces the value of {@code --model} with the model that {@code options} resolved here, an
     * absolute path for a file: the job's {@code main} runs in the JobManager, whose working
     * directory differs. A bundled model ID stays as it is.
     */
    private static List<String> withAbsoluteModelPath(List<String> arguments, JobOptions options) {
        List<String> resolved = new ArrayList<>(arguments);
        int model = resolved.lastIndexOf("--model");
        if (model >= 0 && model + 1 < resolved.size()) {
            resolved.set(model + 1, options.model().toString());
        }
        return resolved;
    }

    /**
     * Deletes the uploaded jar from the JobManager: the running job has its own copy in Flink's
     * blob store, and every submission uploads the jar again.
     */
    private static void deleteUploadedJar(FlinkRestClient rest, String jarId) {
        try {
            rest.deleteJar(jarId);
        } catch (RuntimeException e) {
            LOG.warn("Could not delete the uploaded jar {} from {}: {}", jarId, rest.address(), e.getMessage());
        }
    }

    private Path jobJar() {
        if (jar != null) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("--jar file not found: " + jar.toAbsolutePath());
            }
            return jar;
        }
        return CheckoutLayout.requireThinJobJar("--jar PATH");
    }
}
