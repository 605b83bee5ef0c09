package io.uavstream.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CandidatesTest {

    @Test
    void centredBoxBecomesCorners() {
        Candidates candidates = new Candidates(1);

        candidates.addCentered(3, 0.5f, 20, 30, 10, 40);

        assertThat(candidates.x1(0)).isEqualTo(15f);
        assertThat(candidates.y1(0)).isEqualTo(10f);
        assertThat(candidates.x2(0)).isEqualTo(25f);
        assertThat(candidates.y2(0)).isEqualTo(50f);
    }

    @Test
    void arraysGrowPastCapacity() {
        Candidates candidates = new Candidates(1);

        for (int i = 0; i < 10; i++) {
            candidates.add(i, i / 10f, i, i, i + 1, i + 1);
        }

        assertThat(candidates.size()).isEqualTo(10);
        assertThat(candidates.classId(9)).isEqualTo(9);
        assertThat(candidates.x2(9)).isEqualTo(10f);
    }

    @Test
    void mapToSourceScalesAndShifts() {
        // 128x64 source in a 64x64 input: scale 0.5, content rows 16 to 48.
        Letterbox letterbox = Letterbox.of(128, 64, 64, 64, LetterboxAlignment.CENTER);
        Candidates candidates = new Candidates(4);
        candidates.add(0, 0.9f, 10, 20, 30, 40);

        candidates.mapToSource(letterbox);

        assertThat(candidates.x1(0)).isEqualTo(20f);
        assertThat(candidates.y1(0)).isEqualTo(8f);
        assertThat(candidates.x2(0)).isEqualTo(60f);
        assertThat(candidates.y2(0)).isEqualTo(48f);
    }

    @Test
    void mapToSourceDropsPaddingBoxes() {
        Letterbox letterbox = Letterbox.of(128, 64, 64, 64, LetterboxAlignment.CENTER);
        Candidates candidates = new Candidates(4);
        candidates.add(1, 0.9f, 10, 2, 30, 12);
        candidates.add(2, 0.8f, 10, 10, 30, 20);

        candidates.mapToSource(letterbox);

        assertThat(candidates.size()).isEqualTo(1);
        assertThat(candidates.classId(0)).isEqualTo(2);
        assertThat(candidates.y1(0)).isZero();
        assertThat(candidates.y2(0)).isEqualTo(8f);
    }
}
