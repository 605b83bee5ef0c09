package io.uavstream.video;

import java.util.ArrayList;
import java.util.List;

/**
 * Flags frames with damage that exists in that frame only, such as blocks, bars or streaks left by a
 * broken decode that was re-encoded into a valid bitstream. FFmpeg cannot report such damage
 * because the bitstream itself is clean.
 *
 * <p>The test works on a small luma plane (about {@value #ANALYSIS_WIDTH} pixels wide). A pixel of
 * frame <i>t</i> is transient when its value lies more than {@value #LUMA_MARGIN} levels outside the
 * range of the {@code (2r+1)x(2r+1)} neighbourhood (r = {@value #MOTION_RADIUS}) at the same
 * position in frame <i>t-1</i> and also in frame <i>t+1</i>. The neighbourhood absorbs local motion
 * of up to r analysis pixels, and demanding both neighbours keeps scene cuts, which match the next
 * frame, from being flagged. A frame is flagged when at least {@value #MIN_TRANSIENT_FRACTION} of
 * its pixels are transient.
 *
 * <p>The verdict on a frame needs the next one, so {@link #push} returns each frame one frame late
 * and {@link #flush} returns the last frame unjudged. The first frame of a stream and frames around
 * a size change are not judged either.
 *
 * <p>NOTE: the thresholds were set on real footage at 10 and 30 frames per second (a pedestrian
 * scene and an animated clip with baked-in damage). Motion faster than about 1% of the frame width
 * per frame, for example a fast pan at a low frame rate, can exceed the neighbourhood and be flagged.
 */
final class TransientArtefactDetector {

    static final int ANALYSIS_WIDTH = 360;
    static final int MOTION_RADIUS = 4;
    static final int LUMA_MARGIN = 32;
    static final double MIN_TRANSIENT_FRACTION = 0.0015;
    private static final int MIN_TRANSIENT_PIXELS = 8;

    private Candidate previous;
    private Candidate current;

    /** Returns the analysis width and height for frames of {@code width} x {@code height}. */
    static int[] analysisSize(int width, int height) {
        int factor = Math.max(1, Math.round(width / (float) ANALYSIS_WIDTH));
        return new int[] {Math.max(1, width / factor), Math.max(1, height / factor)};
    }

    /**
     * Adds the next frame in presentation order with its analysis luma, and returns the frames whose
     * verdict is now final: none for the first frame, otherwise the frame before this one.
     */
    List<DecodedFrame> push(DecodedFrame frame, LumaPlane luma) {
        List<DecodedFrame> ready = new ArrayList<>(1);
        if (current != null && !sameSize(current.luma, luma)) {
            ready.addAll(flush());
        }
        Candidate next = new Candidate(frame, luma, NeighbourhoodRange.of(luma, MOTION_RADIUS));
        if (current != null) {
            ready.add(previous == null ? current.frame : judge(previous, current, next));
        }
        previous = current;
        current = next;
        return ready;
    }

    /** Returns the frame still waiting for a neighbour, unjudged, and clears all state. */
    List<DecodedFrame> flush() {
        List<DecodedFrame> rest = current == null ? List.of() : List.of(current.frame);
        previous = null;
        current = null;
        return rest;
    }

    private static DecodedFrame judge(Candidate before, Candidate frame, Candidate after) {
        if (frame.frame.corrupt()) {
            return frame.frame;
        }
        int transientPixels = countTransientPixels(frame.luma, before.range, after.range);
        int pixels = frame.luma.width() * frame.luma.height();
        boolean artefact = transientPixels >= MIN_TRANSIENT_PIXELS
                && transientPixels >= MIN_TRANSIENT_FRACTION * pixels;
        return artefact ? frame.frame.withIntegrity(FrameIntegrity.TRANSIENT_ARTEFACT) : frame.frame;
    }

    static int countTransientPixels(LumaPlane frame, NeighbourhoodRange before, NeighbourhoodRange after) {
        byte[] pixels = frame.pixels();
        int count = 0;
        for (int i = 0; i < pixels.length; i++) {
            int value = pixels[i] & 0xff;
            if (before.distance(i, value) > LUMA_MARGIN && after.distance(i, value) > LUMA_MARGIN) {
                count++;
            }
        }
        return count;
    }

    private static boolean sameSize(LumaPlane a, LumaPlane b) {
        return a.width() == b.width() && a.height() == b.height();
    }

    private record Candidate(DecodedFrame frame, LumaPlane luma, NeighbourhoodRange range) {}

    /**
     * Per-pixel minimum and maximum luma over a square neighbourhood, clamped at the borders.
     *
     * <p>Each axis is filtered with the van Herk/Gil-Werman algorithm (M. van Herk, "A fast
     * algorithm for local minimum and maximum filters on rectangular and octagonal kernels",
     * Pattern Recognition Letters, 1992), which costs about three comparisons per pixel whatever
     * the radius.
     */
    record NeighbourhoodRange(byte[] min, byte[] max) {

        static NeighbourhoodRange of(LumaPlane luma, int radius) {
            int width = luma.width();
            int height = luma.height();
            byte[] pixels = luma.pixels();
            MovingExtremum rows = new MovingExtremum(width, radius);
            MovingExtremum columns = new MovingExtremum(height, radius);
            byte[] rowMin = new byte[width * height];
            byte[] rowMax = new byte[width * height];
            for (int y = 0; y < height; y++) {
                rows.filter(pixels, y * width, 1, rowMin, rowMax);
            }
            byte[] min = new byte[width * height];
            byte[] max = new byte[width * height];
            byte[] unused = new byte[width * height];
            for (int x = 0; x < width; x++) {
                columns.filter(rowMin, x, width, min, unused);
                columns.filter(rowMax, x, width, unused, max);
            }
            return new NeighbourhoodRange(min, max);
        }

        /** Returns how far {@code value} lies outside the range at pixel {@code index}, 0 inside. */
        int distance(int index, int value) {
            int low = min[index] & 0xff;
            int high = max[index] & 0xff;
            return Math.max(0, Math.max(low - value, value - high));
        }
    }
}
