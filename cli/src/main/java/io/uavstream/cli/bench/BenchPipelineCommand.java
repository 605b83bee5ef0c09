package io.uavstream.cli.bench;

import io.uavstream.cli.embedded.EmbeddedRun;
import io.uavstream.cli.embedded.RunReport;
import io.uavstream.cli.embedded.RunSettings;
import io.uavstream.operators.AnalysisCounters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code uavstream bench pipeline}: analysed frames per second of the whole pipeline against a bare ONNX
 * Runtime loop over the same frames, with the same model and intra-op threads, in one run.
 */
@Command(
        name = "pipeline",
        mixinStandardHelpOptions = true,
        description = {
            "Measures analysed fps of a bare inference loop (FFmpeg decode untimed, ONNX Runtime timed) and of"
                    + " the whole pipeline (embedded Kafka, Flink MiniCluster, decode, detect) on the same video,"
                    + " and prints both and their ratio."
        })
final class BenchPipelineCommand implements Callable<Integer> {

    @Option(names = "--video", required = true, paramLabel = "PATH", description = "Video file to analyse.")
    private Path video;

    @Option(names = "--model", required = true, paramLabel = "DESCRIPTOR",
            description = "Model descriptor (.json), or an .onnx file with its descriptor beside it or bundled.")
    private Path model;

    @Option(names = "--intra-op-threads", defaultValue = "2",
            description = "ONNX Runtime intra-op threads in both runs (default: ${DEFAULT-VALUE}).")
    private int intraOpThreads;

    @Override
    public Integer call() throws Exception {
        System.out.printf("Bare loop: %s with %s, %d intra-op thread(s)%n", video, model, intraOpThreads);
        InferenceLoop.Result bare = InferenceLoop.run(video, model, intraOpThreads, 0);
        System.out.printf("  %,d frames in %.1f s of inference: %.2f fps%n", bare.frames(), bare.inferenceSeconds(), bare.fps());

        Path output = Files.createTempDirectory("uavstream-bench-");
        RunSettings settings = RunSettings.builder()
                .video(video)
                .model(model)
                .intraOpThreads(intraOpThreads)
                .outputDirectory(output)
                .build();
        RunReport pipeline;
        try (EmbeddedRun run = new EmbeddedRun(settings)) {
            pipeline = run.execute(progress -> {});
        }
        pipeline.print(System.out);

        double ratio = bare.fps() <= 0 ? 0 : pipeline.analysedFps() / bare.fps();
        System.out.printf("%nanalysed fps: bare loop %.2f, pipeline %.2f, ratio pipeline/bare %.2f (%d of %d frames analysed)%n",
                bare.fps(), pipeline.analysedFps(), ratio, pipeline.counter(AnalysisCounters.FRAMES_ANALYSED),
                pipeline.counter(AnalysisCounters.FRAMES_DECODED));
        return 0;
    }
}
