package io.uavstream.evaluation.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rows of metric values under named columns, rendered as an aligned text table or as JSON.
 *
 * <p>Each row starts with text keys (such as the sequence and the class) and continues with one
 * number per metric column. In text, {@link Format#COUNT} columns are written as integers and
 * {@link Format#DECIMAL} columns with four decimals. An undefined value (NaN) is written as
 * {@code -} in text and as {@code null} in JSON.
 */
public final class MetricTable {

    /** Number format of a metric column. */
    public enum Format {
        /** A whole number such as a box count. */
        COUNT,
        /** A fraction or a measurement, written with four decimals in text. */
        DECIMAL
    }

    /** A metric column: its name (the JSON field and the text header) and its format. */
    public record Column(String name, Format format) {
    }

    private final List<String> keyNames;
    private final List<Column> columns;
    private final List<List<String>> keys = new ArrayList<>();
    private final List<double[]> values = new ArrayList<>();

    public MetricTable(List<String> keyNames, List<Column> columns) {
        this.keyNames = List.copyOf(keyNames);
        this.columns = List.copyOf(columns);
    }

    /**
     * Appends a row.
     *
     * @throws IllegalArgumentException if the number of keys or values does not match the columns
     */
    public MetricTable addRow(List<String> rowKeys, double... rowValues) {
        if (rowKeys.size() != keyNames.size() || rowValues.length != columns.size()) {
            throw new IllegalArgumentException("Row has " + rowKeys.size() + " keys and " + rowValues.length
                    + " values. The table has " + keyNames.size() + " key columns and " + columns.size()
                    + " metric columns");
        }
        keys.add(List.copyOf(rowKeys));
        values.add(rowValues.clone());
        return this;
    }

    public List<Column> columns() {
        return columns;
    }

    public int rowCount() {
        return keys.size();
    }

    /** Returns the table as aligned text: a header line, then one line per row. */
    public String renderText() {
        List<String[]> cells = new ArrayList<>();
        String[] header = new String[keyNames.size() + columns.size()];
        for (int k = 0; k < keyNames.size(); k++) {
            header[k] = keyNames.get(k);
        }
        for (int c = 0; c < columns.size(); c++) {
            header[keyNames.size() + c] = columns.get(c).name();
        }
        cells.add(header);
        for (int r = 0; r < keys.size(); r++) {
            String[] line = new String[header.length];
            for (int k = 0; k < keyNames.size(); k++) {
                line[k] = keys.get(r).get(k);
            }
            for (int c = 0; c < columns.size(); c++) {
                line[keyNames.size() + c] = formatText(values.get(r)[c], columns.get(c).format());
            }
            cells.add(line);
        }
        return align(cells);
    }

    /** Returns the rows as a JSON array of objects, one field per key and metric column. */
    public ArrayNode toJson() {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (int r = 0; r < keys.size(); r++) {
            ObjectNode row = rows.addObject();
            for (int k = 0; k < keyNames.size(); k++) {
                row.put(keyNames.get(k), keys.get(r).get(k));
            }
            for (int c = 0; c < columns.size(); c++) {
                double value = values.get(r)[c];
                String name = columns.get(c).name();
                if (Double.isNaN(value)) {
                    row.putNull(name);
                } else if (columns.get(c).format() == Format.COUNT) {
                    row.put(name, Math.round(value));
                } else {
                    row.put(name, value);
                }
            }
        }
        return rows;
    }

    private static String formatText(double value, Format format) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (format == Format.COUNT) {
            return Long.toString(Math.round(value));
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** Left-aligns the key columns and right-aligns the metric columns. */
    private String align(List<String[]> cells) {
        int[] widths = new int[cells.get(0).length];
        for (String[] line : cells) {
            for (int c = 0; c < line.length; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] line : cells) {
            for (int c = 0; c < line.length; c++) {
                if (c > 0) {
                    text.append("  ");
                }
                String padding = " ".repeat(widths[c] - line[c].length());
                if (c < keyNames.size()) {
                    text.append(line[c]).append(c == line.length - 1 ? "" : padding);
                } else {
                    text.append(padding).append(line[c]);
                }
            }
            text.append('\n');
        }
        return text.toString();
    }
}
