package io.uavstream.evaluation.mot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The boxes of one video sequence, for ground truth or for a tracker's predictions, grouped by
 * frame. A track ID appears at most once per frame.
 */
public final class Sequence {

    private static final Sequence EMPTY = new Sequence(new TreeMap<>(), 0);

    private final NavigableMap<Integer, List<MotRecord>> recordsByFrame;
    private final int size;

    private Sequence(NavigableMap<Integer, List<MotRecord>> recordsByFrame, int size) {
        this.recordsByFrame = Collections.unmodifiableNavigableMap(recordsByFrame);
        this.size = size;
    }

    public static Sequence empty() {
        return EMPTY;
    }

    /**
     * Groups the records by frame, keeping their order within a frame.
     *
     * @throws IllegalArgumentException if a track ID appears twice in one frame
     */
    public static Sequence of(Collection<MotRecord> records) {
        NavigableMap<Integer, List<MotRecord>> byFrame = new TreeMap<>();
        Map<Integer, Set<Integer>> idsByFrame = new TreeMap<>();
        for (MotRecord record : records) {
            if (!idsByFrame.computeIfAbsent(record.frame(), frame -> new HashSet<>()).add(record.trackId())) {
                throw new IllegalArgumentException("Track ID " + record.trackId() + " appears twice in frame "
                        + record.frame() + ". Each track may have one box per frame");
            }
            byFrame.computeIfAbsent(record.frame(), frame -> new ArrayList<>()).add(record);
        }
        byFrame.replaceAll((frame, list) -> List.copyOf(list));
        return new Sequence(byFrame, records.size());
    }

    /** Returns the records of each frame that has any, in ascending frame order. */
    public NavigableMap<Integer, List<MotRecord>> recordsByFrame() {
        return recordsByFrame;
    }

    /** Returns the records of one frame, empty when the frame has none. */
    public List<MotRecord> recordsOf(int frame) {
        return recordsByFrame.getOrDefault(frame, List.of());
    }

    /** Number of records (boxes) in all frames. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }
}
