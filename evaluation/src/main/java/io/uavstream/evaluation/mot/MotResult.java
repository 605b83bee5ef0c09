package io.uavstream.evaluation.mot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uavstream.evaluation.report.JsonReports;
import io.uavstream.evaluation.report.MetricTable;
import io.uavstream.evaluation.report.MetricTable.Column;
import io.uavstream.evaluation.report.MetricTable.Format;
import java.util.List;
import java.util.TreeSet;

/**
 * Result of {@link MotEvaluator#evaluate}: one row per sequence and class selection, followed by
 * the {@link MotRow#COMBINED} row of each class selection.
 */
public final class MotResult {

    private static final List<Column> COLUMNS = List.of(
            new Column("HOTA", Format.DECIMAL), new Column("DetA", Format.DECIMAL),
            new Column("AssA", Format.DECIMAL), new Column("LocA", Format.DECIMAL),
            new Column("DetRe", Format.DECIMAL), new Column("DetPr", Format.DECIMAL),
            new Column("AssRe", Format.DECIMAL), new Column("AssPr", Format.DECIMAL),
            new Column("MOTA", Format.DECIMAL), new Column("MOTP", Format.DECIMAL),
            new Column("IDF1", Format.DECIMAL), new Column("IDP", Format.DECIMAL), new Column("IDR", Format.DECIMAL),
            new Column("Recall", Format.DECIMAL), new Column("Precision", Format.DECIMAL),
            new Column("GT", Format.COUNT), new Column("Pred", Format.COUNT), new Column("TP", Format.COUNT),
            new Column("FP", Format.COUNT), new Column("FN", Format.COUNT), new Column("IDSW", Format.COUNT),
            new Column("Frag", Format.COUNT), new Column("GT_Tracks", Format.COUNT), new Column("MT", Format.COUNT),
            new Column("PT", Format.COUNT), new Column("ML", Format.COUNT), new Column("IDTP", Format.COUNT),
            new Column("IDFP", Format.COUNT), new Column("IDFN", Format.COUNT));

    private final MotConfig config;
    private final List<MotRow> rows;

    MotResult(MotConfig config, List<MotRow> rows) {
        this.config = config;
        this.rows = List.copyOf(rows);
    }

    public MotConfig config() {
        return config;
    }

    /** Returns every row: per sequence, then combined, for each class selection in turn. */
    public List<MotRow> rows() {
        return rows;
    }

    /**
     * Returns the row of a sequence (or {@link MotRow#COMBINED}) and class label.
     *
     * @throws IllegalArgumentException if there is no such row
     */
    public MotRow row(String sequence, String classLabel) {
        for (MotRow row : rows) {
            if (row.sequence().equals(sequence) && row.classLabel().equals(classLabel)) {
                return row;
            }
        }
        throw new IllegalArgumentException("No result row for sequence '" + sequence + "' and class '"
                + classLabel + "'");
    }

    /** Returns the row of a sequence when all selected classes were scored together. */
    public MotRow row(String sequence) {
        return row(sequence, ClassSelection.ALL_CLASSES);
    }

    /** Returns the combined row when all selected classes were scored together. */
    public MotRow combined() {
        return row(MotRow.COMBINED);
    }

    public MetricTable toTable() {
        MetricTable table = new MetricTable(List.of("sequence", "class"), COLUMNS);
        for (MotRow row : rows) {
            ClearMotCounts clear = row.clearMot();
            IdentityCounts identity = row.identity();
            HotaCounts hota = row.hota();
            table.addRow(List.of(row.sequence(), row.classLabel()),
                    hota.hota(), hota.detA(), hota.assA(), hota.locA(),
                    hota.detRe(), hota.detPr(), hota.assRe(), hota.assPr(),
                    clear.mota(), clear.motp(), identity.idf1(), identity.idPrecision(), identity.idRecall(),
                    clear.recall(), clear.precision(),
                    clear.gtBoxes(), clear.predBoxes(), clear.truePositives(), clear.falsePositives(),
                    clear.falseNegatives(), clear.idSwitches(), clear.fragmentations(), clear.gtTracks(),
                    clear.mostlyTracked(), clear.partiallyTracked(), clear.mostlyLost(),
                    identity.idTruePositives(), identity.idFalsePositives(), identity.idFalseNegatives());
        }
        return table;
    }

    public String renderText() {
        return toTable().renderText();
    }

    /** Returns {@code {"metric": "mot", "config": {...}, "rows": [...]}} as indented JSON. */
    public String toJson() {
        ObjectNode settings = JsonReports.newObject();
        settings.put("iouThreshold", config.iouThreshold());
        ArrayNode classes = settings.putArray("classes");
        new TreeSet<>(config.classes()).forEach(classes::add);
        settings.put("perClass", config.perClass());
        ArrayNode ignoredClasses = settings.putArray("ignoredClasses");
        new TreeSet<>(config.ignoredClasses()).forEach(ignoredClasses::add);
        settings.put("zeroFlagIgnored", config.zeroFlagIgnored());
        settings.put("minVisibility", config.minVisibility());
        return JsonReports.render("mot", settings, toTable());
    }
}
