package io.uavstream.simulator.output;

import java.util.Locale;

/**
 * One line of a MOTChallenge-style file: ground truth ({@code gt.txt}) or detections ({@code det.txt}).
 *
 * <p>Boxes are in continuous pixel coordinates with the image spanning [0, width] x [0, height]
 * (0-based; the MOTChallenge devkit counts from 1, which shifts both boxes alike and leaves IoU
 * unchanged).
 *
 * @param frame frame number, from 1
 * @param trackId object ID from 1 for ground truth, -1 for detections
 * @param left left edge in pixels
 * @param top top edge in pixels
 * @param width box width in pixels
 * @param height box height in pixels
 * @param confidence 1 for ground truth (consider the entry), the score for detections
 * @param categoryId VisDrone category ID (see {@code ObjectClass})
 * @param visibility visible share of the object, 0 to 1, for ground truth; -1 for detections
 */
public record MotRecord(int frame, int trackId, double left, double top, double width, double height,
        double confidence, int categoryId, double visibility) {

    /** Formats the record as a comma-separated line without a line break. */
    public String toLine() {
        return String.format(Locale.ROOT, "%d,%d,%.2f,%.2f,%.2f,%.2f,%s,%d,%s", frame, trackId, left, top, width, height,
                trackId > 0 ? String.format(Locale.ROOT, "%.0f", confidence) : String.format(Locale.ROOT, "%.4f", confidence),
                categoryId, visibility < 0 ? "-1" : String.format(Locale.ROOT, "%.3f", visibility));
    }

    /**
     * Parses a line written by {@link #toLine()}.
     *
     * @throws IllegalArgumentException if it does not have nine numeric fields
     */
    public static MotRecord parse(String line) {
        String[] fields = line.trim().split(",");
        if (fields.length != 9) {
            throw new IllegalArgumentException("Invalid MOT line, expected 9 comma-separated fields: '" + line + "'");
        }
        try {
            return new MotRecord(Integer.parseInt(fields[0]), Integer.parseInt(fields[1]), Double.parseDouble(fields[2]),
                    Double.parseDouble(fields[3]), Double.parseDouble(fields[4]), Double.parseDouble(fields[5]),
                    Double.parseDouble(fields[6]), Integer.parseInt(fields[7]), Double.parseDouble(fields[8]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid number in MOT line '" + line + "'", e);
        }
    }
}
