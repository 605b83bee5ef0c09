package io.uavstream.evaluation.odometry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uavstream.evaluation.report.JsonReports;
import io.uavstream.evaluation.report.MetricTable;
import io.uavstream.evaluation.report.MetricTable.Column;
import io.uavstream.evaluation.report.MetricTable.Format;
import java.util.List;

/** Result of {@link OdometryEvaluator#evaluate}: one row per sequence, then the combined row. */
public final class OdometryResult {

    private static final List<Column> COLUMNS = List.of(
            new Column("Poses", Format.COUNT), new Column("Scale", Format.DECIMAL),
            new Column("ATE_RMSE_m", Format.DECIMAL), new Column("ATE_Mean_m", Format.DECIMAL),
            new Column("ATE_Max_m", Format.DECIMAL), new Column("RPE_Pairs", Format.COUNT),
            new Column("RPE_Trans_RMSE_m", Format.DECIMAL), new Column("RPE_Trans_Mean_m", Format.DECIMAL),
            new Column("RPE_Rot_RMSE_deg", Format.DECIMAL), new Column("RPE_Rot_Mean_deg", Format.DECIMAL));

    private final OdometryConfig config;
    private final List<OdometryRow> rows;

    OdometryResult(OdometryConfig config, List<OdometryRow> rows) {
        this.config = config;
        this.rows = List.copyOf(rows);
    }

    public OdometryConfig config() {
        return config;
    }

    public List<OdometryRow> rows() {
        return rows;
    }

    /**
     * Returns the row of a sequence or of {@link OdometryRow#COMBINED}.
     *
     * @throws IllegalArgumentException if there is no such row
     */
    public OdometryRow row(String sequence) {
        for (OdometryRow row : rows) {
            if (row.sequence().equals(sequence)) {
                return row;
            }
        }
        throw new IllegalArgumentException("No result row for sequence '" + sequence + "'");
    }

    public OdometryRow combined() {
        return row(OdometryRow.COMBINED);
    }

    public MetricTable toTable() {
        MetricTable table = new MetricTable(List.of("sequence"), COLUMNS);
        for (OdometryRow row : rows) {
            table.addRow(List.of(row.sequence()), row.associatedPoses(), row.scale(),
                    row.ate().rmse(), row.ate().mean(), row.ate().maxOrNaN(), row.rpeTranslation().count(),
                    row.rpeTranslation().rmse(), row.rpeTranslation().mean(),
                    row.rpeRotationDegrees().rmse(), row.rpeRotationDegrees().mean());
        }
        return table;
    }

    public String renderText() {
        return toTable().renderText();
    }

    /** Returns {@code {"metric": "odometry", "config": {...}, "rows": [...]}} as indented JSON. */
    public String toJson() {
        ObjectNode settings = JsonReports.newObject();
        settings.put("alignment", config.alignment().name());
        settings.put("maxTimeDifference", config.maxTimeDifference());
        settings.put("timeOffset", config.timeOffset());
        settings.put("rpeDelta", config.rpeDelta());
        settings.put("rpeTolerance", config.rpeTolerance());
        return JsonReports.render("odometry", settings, toTable());
    }
}
