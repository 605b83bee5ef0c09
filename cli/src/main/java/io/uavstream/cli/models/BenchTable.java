package io.uavstream.cli.models;

import io.uavstream.evaluation.detection.DetectionResult;
import io.uavstream.evaluation.detection.DetectionRow;
import io.uavstream.models.onnx.ModelInspection;
import java.util.List;
import java.util.Locale;

/** The Markdown table of {@code models bench}: one row per model. */
record BenchTable(List<BenchModel> models, List<ModelInspection> inspections, List<Integer> threads,
        List<LatencyBench.Result> latencies, List<DetectionResult> accuracy, List<TeacherAgreement.Result> agreement,
        String teacherLabel) {

    String render() {
        StringBuilder text = new StringBuilder("| model | file size | parameters | GFLOPs |");
        StringBuilder rule = new StringBuilder("|---|---:|---:|---:|");
        for (int count : threads) {
            text.append(" latency ").append(count).append(count == 1 ? " thread |" : " threads |");
            rule.append("---:|");
            if (count == 1) {
                text.append(" CPU time 1 thread |");
                rule.append("---:|");
            }
        }
        text.append(" AP50 sim | AP50 car |");
        rule.append("---:|---:|");
        if (agreement != null) {
            text.append(" agreement with ").append(teacherLabel).append(" |");
            rule.append("---:|");
        }
        text.append('\n').append(rule).append('\n');
        for (int m = 0; m < models.size(); m++) {
            text.append(row(m)).append('\n');
        }
        return text.toString();
    }

    private String row(int m) {
        ModelInspection inspection = inspections.get(m);
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %.2f MB | %,d | %s |",
                models.get(m).label(), inspection.sizeBytes() / 1e6, inspection.parameters(),
                inspection.gflops().isPresent() ? String.format(Locale.ROOT, "%.3f", inspection.gflops().getAsDouble())
                        : "n/a"));
        for (int t = 0; t < threads.size(); t++) {
            LatencyBench.Result latency = latencies.get(t);
            row.append(String.format(Locale.ROOT, " %.2f ms |", latency.wallMillis()[m]));
            if (threads.get(t) == 1) {
                row.append(String.format(Locale.ROOT, " %.2f ms |", latency.cpuMillis()[m]));
            }
        }
        DetectionResult result = accuracy.get(m);
        row.append(String.format(Locale.ROOT, " %.3f | %.3f |", result.combinedMean().ap50(), carAp50(result)));
        if (agreement != null) {
            TeacherAgreement.Result share = agreement.get(m);
            row.append(share.teacherBoxes() == 0 ? " n/a |" : String.format(Locale.ROOT, " %.0f%% (%d/%d) |",
                    100 * share.share(), share.matched(), share.teacherBoxes()));
        }
        return row.toString();
    }

    private static double carAp50(DetectionResult result) {
        try {
            return result.row(DetectionRow.COMBINED, String.valueOf(VisDroneClasses.CAR)).ap50();
        } catch (IllegalArgumentException e) {
            // A flight without cars has no car row; the table shows 0.
            return 0;
        }
    }
}
