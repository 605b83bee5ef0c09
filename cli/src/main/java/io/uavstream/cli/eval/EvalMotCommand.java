package io.uavstream.cli.eval;

import io.uavstream.evaluation.io.MotChallengeReader;
import io.uavstream.evaluation.mot.MotConfig;
import io.uavstream.evaluation.mot.MotEvaluator;
import io.uavstream.evaluation.mot.MotResult;
import io.uavstream.evaluation.mot.Sequence;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code uavstream eval mot}: CLEAR MOT, IDF1 and HOTA of tracks in MOTChallenge text format. */
@Command(name = "mot", mixinStandardHelpOptions = true,
        description = "Tracking metrics (MOTA, MOTP, IDF1, ID switches, fragmentations, HOTA, DetA, AssA) of"
                + " MOTChallenge files: frame, id, left, top, width, height, conf, class, visibility.")
final class EvalMotCommand implements Callable<Integer> {

    @Mixin
    private EvalInputs inputs;

    @Option(names = "--iou", defaultValue = "0.5", description = "IoU threshold of CLEAR MOT and IDF1 (default: ${DEFAULT-VALUE}).")
    private double iouThreshold;

    @Option(names = "--classes", split = ",", paramLabel = "ID", description = "Evaluate only these class IDs.")
    private List<Integer> classes;

    @Option(names = "--per-class", description = "Add one row per class.")
    private boolean perClass;

    @Override
    public Integer call() throws Exception {
        MotConfig.Builder config = MotConfig.builder().iouThreshold(iouThreshold).perClass(perClass);
        if (classes != null) {
            config.classes(classes);
        }
        MotResult result = MotEvaluator.evaluate(read(inputs.groundTruth, "gt.txt"),
                read(inputs.predictions, "pred.txt"), config.build());
        inputs.report(result.renderText(), result.toJson());
        return 0;
    }

    private Map<String, Sequence> read(Path path, String preferredName) throws Exception {
        Map<String, Sequence> sequences = new LinkedHashMap<>();
        for (Map.Entry<String, Path> file : SequenceFiles.list(path, preferredName, inputs.groundTruth).entrySet()) {
            sequences.put(file.getKey(), MotChallengeReader.readSequence(file.getValue()));
        }
        return sequences;
    }
}
