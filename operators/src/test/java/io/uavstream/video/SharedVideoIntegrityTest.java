package io.uavstream.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.models.testing.SharedData;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Frame verdicts on real footage from the shared test data.
 *
 * <p>{@code Megamind_bugy.avi} (MPEG-4 Part 2, Xvid with packed B-frames, 270 frames) decodes
 * without any FFmpeg error even at the strictest error recognition, once its packed B-frames are
 * unpacked: its damage (white and green blocks, bars, smeared rows, sparkles) was encoded into
 * every fifth picture. The indices below were checked by eye on frames exported with FFmpeg.
 */
class SharedVideoIntegrityTest {

    /** Frames with clearly visible damage that the artefact check must flag. */
    private static final Set<Integer> MEGAMIND_DAMAGED = Set.of(
            5, 10, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 75, 80, 85, 90, 95, 100, 105, 115, 120);

    /**
     * Frames that may be flagged: every fifth frame up to 180 carries damage, but after frame 120
     * it shrinks to a few pixels, below the check's threshold.
     */
    private static final Set<Integer> MEGAMIND_MAY_BE_FLAGGED =
            IntStream.rangeClosed(1, 36).map(i -> i * 5).boxed().collect(java.util.stream.Collectors.toSet());

    /** Verdicts on Megamind_bugy.avi, decoded once for all tests; frames are not kept (300 MB). */
    private static List<FrameIntegrity> megamindVerdicts;

    @Test
    void megamindDamagedFramesAreFlagged() {
        List<Integer> flagged = flaggedFrames(megamindVerdicts());

        assertThat(flagged).containsAll(MEGAMIND_DAMAGED);
    }

    @Test
    void megamindCleanFramesAreNotFlagged() {
        List<Integer> flagged = flaggedFrames(megamindVerdicts());

        assertThat(flagged).isSubsetOf(MEGAMIND_MAY_BE_FLAGGED);
    }

    @Test
    void megamindHasNoFfmpegReportedDamage() {
        List<FrameIntegrity> verdicts = megamindVerdicts();

        assertThat(verdicts).hasSize(270);
        assertThat(verdicts).doesNotContain(FrameIntegrity.DECODER_REPORTED_DAMAGE, FrameIntegrity.DAMAGED_REFERENCE);
    }

    @Test
    void pedestrianFootageIsNotFlagged() {
        List<FrameIntegrity> verdicts = decodeVerdicts("video/vtest.avi");

        assertThat(verdicts).hasSize(795);
        assertThat(flaggedFrames(verdicts)).isEmpty();
    }

    private static synchronized List<FrameIntegrity> megamindVerdicts() {
        if (megamindVerdicts == null) {
            megamindVerdicts = decodeVerdicts("video/Megamind_bugy.avi");
        }
        return megamindVerdicts;
    }

    private static List<FrameIntegrity> decodeVerdicts(String sharedFile) {
        Clips.Demuxed clip = Clips.demux(SharedData.require(sharedFile));
        try (PacketDecoder decoder = clip.decoder().declaredSize(clip.stream().width(), clip.stream().height()).open()) {
            return Clips.decodeVerdicts(clip, decoder);
        }
    }

    private static List<Integer> flaggedFrames(List<FrameIntegrity> verdicts) {
        return IntStream.range(0, verdicts.size()).filter(i -> verdicts.get(i).isCorrupt()).boxed().toList();
    }
}
