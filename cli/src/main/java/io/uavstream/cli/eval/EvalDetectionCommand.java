package io.uavstream.cli.eval;

import io.uavstream.evaluation.detection.DetectionConfig;
import io.uavstream.evaluation.detection.DetectionEvaluator;
import io.uavstream.evaluation.detection.DetectionResult;
import io.uavstream.evaluation.detection.DetectionSet;
import io.uavstream.evaluation.io.MotChallengeReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code uavstream eval det}: COCO-style average precision of detections. */
@Command(name = "det", mixinStandardHelpOptions = true,
        description = "Detection metrics, COCO style: AP at IoU 0.5 and AP over IoU 0.50:0.95, per class and mean."
                + " Files use the MOTChallenge layout; in predictions column 7 is the score and column 8 the class.")
final class EvalDetectionCommand implements Callable<Integer> {

    @Mixin
    private EvalInputs inputs;

    @Option(names = "--classes", split = ",", paramLabel = "ID", description = "Evaluate only these class IDs.")
    private List<Integer> classes;

    @Override
    public Integer call() throws Exception {
        DetectionConfig.Builder config = DetectionConfig.builder();
        if (classes != null) {
            config.classes(classes);
        }
        Map<String, DetectionSet> groundTruth = new LinkedHashMap<>();
        for (Map.Entry<String, Path> file : SequenceFiles.list(inputs.groundTruth, "gt.txt", inputs.groundTruth).entrySet()) {
            groundTruth.put(file.getKey(), MotChallengeReader.readDetectionGroundTruth(file.getValue()));
        }
        Map<String, DetectionSet> detections = new LinkedHashMap<>();
        for (Map.Entry<String, Path> file : SequenceFiles.list(inputs.predictions, "det.txt", inputs.groundTruth).entrySet()) {
            detections.put(file.getKey(), MotChallengeReader.readDetections(file.getValue()));
        }
        DetectionResult result = DetectionEvaluator.evaluate(groundTruth, detections, config.build());
        inputs.report(result.renderText(), result.toJson());
        return 0;
    }
}
