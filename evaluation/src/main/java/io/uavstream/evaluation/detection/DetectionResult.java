package io.uavstream.evaluation.detection;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uavstream.evaluation.report.JsonReports;
import io.uavstream.evaluation.report.MetricTable;
import io.uavstream.evaluation.report.MetricTable.Column;
import io.uavstream.evaluation.report.MetricTable.Format;
import java.util.List;
import java.util.TreeSet;

/**
 * Result of {@link DetectionEvaluator#evaluate}: for each sequence and then for all combined,
 * one row per class followed by the {@link DetectionRow#MEAN} row.
 */
public final class DetectionResult {

    private static final List<Column> COLUMNS = List.of(
            new Column("AP", Format.DECIMAL), new Column("AP50", Format.DECIMAL), new Column("AP75", Format.DECIMAL),
            new Column("Objects", Format.COUNT), new Column("Detections", Format.COUNT));

    private final DetectionConfig config;
    private final List<DetectionRow> rows;

    DetectionResult(DetectionConfig config, List<DetectionRow> rows) {
        this.config = config;
        this.rows = List.copyOf(rows);
    }

    public DetectionConfig config() {
        return config;
    }

    public List<DetectionRow> rows() {
        return rows;
    }

    /**
     * Returns the row of a sequence (or {@link DetectionRow#COMBINED}) and class label (a class
     * ID or {@link DetectionRow#MEAN}).
     *
     * @throws IllegalArgumentException if there is no such row
     */
    public DetectionRow row(String sequence, String classLabel) {
        for (DetectionRow row : rows) {
            if (row.sequence().equals(sequence) && row.classLabel().equals(classLabel)) {
                return row;
            }
        }
        throw new IllegalArgumentException("No result row for sequence '" + sequence + "' and class '"
                + classLabel + "'");
    }

    /** Returns the mean over classes of all sequences combined: mAP. */
    public DetectionRow combinedMean() {
        return row(DetectionRow.COMBINED, DetectionRow.MEAN);
    }

    public MetricTable toTable() {
        MetricTable table = new MetricTable(List.of("sequence", "class"), COLUMNS);
        for (DetectionRow row : rows) {
            table.addRow(List.of(row.sequence(), row.classLabel()), row.ap(), row.ap50(), row.ap75(), row.objects(),
                    row.detections());
        }
        return table;
    }

    public String renderText() {
        return toTable().renderText();
    }

    /** Returns {@code {"metric": "detection", "config": {...}, "rows": [...]}} as indented JSON. */
    public String toJson() {
        ObjectNode settings = JsonReports.newObject();
        settings.put("maxDetectionsPerImage", config.maxDetectionsPerImage());
        settings.put("crowdRegions", config.crowdRegions());
        ArrayNode classes = settings.putArray("classes");
        new TreeSet<>(config.classes()).forEach(classes::add);
        return JsonReports.render("detection", settings, toTable());
    }
}
