package io.uavstream.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.uavstream.evaluation.report.MetricTable.Column;
import io.uavstream.evaluation.report.MetricTable.Format;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricTableTest {

    private static MetricTable table() {
        return new MetricTable(List.of("sequence"), List.of(new Column("MOTA", Format.DECIMAL),
                new Column("FP", Format.COUNT)));
    }

    @Test
    void textAlignsColumns() {
        String text = table().addRow(List.of("a"), 0.5, 3).addRow(List.of("longer"), Double.NaN, 120).renderText();

        assertThat(text).isEqualTo(""
                + "sequence    MOTA   FP\n"
                + "a         0.5000    3\n"
                + "longer         -  120\n");
    }

    @Test
    void jsonWritesCountsAndNulls() {
        ArrayNode rows = table().addRow(List.of("a"), Double.NaN, 3).toJson();

        assertThat(rows.get(0).get("sequence").asText()).isEqualTo("a");
        assertThat(rows.get(0).get("MOTA").isNull()).isTrue();
        assertThat(rows.get(0).get("FP").isIntegralNumber()).isTrue();
    }

    @Test
    void rowSizeMustMatchColumns() {
        assertThatThrownBy(() -> table().addRow(List.of("a"), 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 values");
    }
}
