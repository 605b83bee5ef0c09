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
 * <p>The count starts from the pixel at the same position, which belongs to both neighbourhoods, so a
 * pixel within the margin of it in either neighbour frame cannot be transient. Only the few pixels
 * that differ from both (moving edges, damage) are compared with their whole neighbourhoods, and
 * the count stops once it reaches the threshold, so the check costs about one comparison per pixel
 * on most frames.
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
        Candidate next = new Candidate(frame, luma);
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
        int threshold = minTransientPixels(frame.luma.width() * frame.luma.height());
        boolean artefact = countTransientPixels(frame.luma, before.luma, after.luma, threshold) >= threshold;
        return artefact ? frame.frame.withIntegrity(FrameIntegrity.TRANSIENT_ARTEFACT) : frame.frame;
    }

    /** Returns the smallest transient-pixel count that flags a frame of {@code pixels} pixels. */
    static int minTransientPixels(int pixels) {
        return Math.max(MIN_TRANSIENT_PIXELS, (int) Math.ceil(MIN_TRANSIENT_FRACTION * pixels));
    }

    /**
     * Counts the transient pixels of {@code frame} between {@code before} and {@code after}, all of
     * the same size, and stops at {@code limit}.
     */
    static int countTransientPixels(LumaPlane frame, LumaPlane before, LumaPlane after, int limit) {
        byte[] pixels = frame.pixels();
        byte[] previous = before.pixels();
        byte[] next = after.pixels();
        int width = frame.width();
        int count = 0;
        for (int i = 0; i < pixels.length && count < limit; i++) {
            int value = pixels[i] & 0xff;
            if (Math.abs(value - (previous[i] & 0xff)) <= LUMA_MARGIN || Math.abs(value - (next[i] & 0xff)) <= LUMA_MARGIN) {
                continue;
            }
            int x = i % width;
            int y = i / width;
            if (outsideNeighbourhood(before, x, y, value) && outsideNeighbourhood(after, x, y, value)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Returns whether {@code value} lies more than the margin outside the luma range of the
     * neighbourhood of (x, y) in {@code plane}, clamped at the borders. The pixel at (x, y) sets
     * the side, so the value must be above every neighbour or below every neighbour.
     */
    private static boolean outsideNeighbourhood(LumaPlane plane, int x, int y, int value) {
        boolean above = value > plane.at(x, y);
        int left = Math.max(0, x - MOTION_RADIUS);
        int right = Math.min(plane.width() - 1, x + MOTION_RADIUS);
        int top = Math.max(0, y - MOTION_RADIUS);
        int bottom = Math.min(plane.height() - 1, y + MOTION_RADIUS);
        byte[] pixels = plane.pixels();
        for (int ny = top; ny <= bottom; ny++) {
            int row = ny * plane.width();
            for (int nx = left; nx <= right; nx++) {
                int difference = value - (pixels[row + nx] & 0xff);
                if (above ? difference <= LUMA_MARGIN : -difference <= LUMA_MARGIN) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean sameSize(LumaPlane a, LumaPlane b) {
        return a.width() == b.width() && a.height() == b.height();
    }

    private record Candidate(DecodedFrame frame, LumaPlane luma) {}
}
