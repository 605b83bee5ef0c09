package io.uavstream.cli.models;

import io.uavstream.models.onnx.OperatorProfile;
import io.uavstream.models.onnx.OperatorProfiler;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code uavstream models profile MODEL}: per-operator kernel times from ONNX Runtime's profiler. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Run a model in ONNX Runtime with session profiling and print the kernel time per operator"
                + " and execution provider, and the operators of the graph that ONNX Runtime runs after its"
                + " optimisations (fusions, layout changes, QDQ to integer kernels).")
final class ModelsProfileCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "ONNX model file (.onnx) with one float input of static shape.")
    private Path model;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "ONNX Runtime intra-op threads (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--runs", defaultValue = "100", paramLabel = "N",
            description = "Timed runs that the figures average over (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--warm-up", defaultValue = "20", paramLabel = "N",
            description = "Runs before timing starts, left out of the figures (default: ${DEFAULT-VALUE}).")
    private int warmUp;

    @Option(names = "--trace-dir", paramLabel = "DIR",
            description = "Keep the profiler's JSON trace and the optimised graph in DIR (default: a temporary folder).")
    private Path traceDirectory;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException("Model file " + model + " does not exist or is not a regular file");
        }
        Path directory = traceDirectory != null ? Files.createDirectories(traceDirectory)
                : Files.createTempDirectory("uavstream-profile");
        OperatorProfile profile = OperatorProfiler.profile(model, threads, warmUp, runs, directory);
        PrintWriter out = spec.commandLine().getOut();
        out.print(render(profile));
        out.println("Trace and optimised graph: " + directory.toAbsolutePath());
        out.flush();
        return 0;
    }

    static String render(OperatorProfile profile) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Model %s, %d intra-op thread(s), %d timed runs: %.3f ms per run,"
                + " %.3f ms in kernels%n", profile.model(), profile.intraOpThreads(), profile.runs(),
                profile.meanRunMillis(), profile.kernelMillisPerRun()));
        text.append(String.format(Locale.ROOT, "%-26s %-22s %10s %10s %7s%n", "operator", "provider", "nodes/run",
                "ms/run", "share"));
        double total = profile.kernelMillisPerRun();
        for (OperatorProfile.OperatorTime operator : profile.operators()) {
            text.append(String.format(Locale.ROOT, "%-26s %-22s %10.1f %10.3f %6.1f%%%n", operator.operator(),
                    operator.provider(), operator.nodesPerRun(), operator.millisPerRun(),
                    total > 0 ? 100 * operator.millisPerRun() / total : 0));
        }
        text.append("Operators after ONNX Runtime's optimisations:\n");
        profile.optimizedOperators().entrySet().stream()
                .sorted((a, b) -> b.getValue().compareTo(a.getValue()))
                .forEach(e -> text.append(String.format(Locale.ROOT, "  %-34s %5d%n", e.getKey(), e.getValue())));
        return text.toString();
    }
}
