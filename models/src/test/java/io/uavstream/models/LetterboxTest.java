package io.uavstream.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LetterboxTest {

    @Test
    void centerSplitsVerticalPadding() {
        Letterbox letterbox = Letterbox.of(640, 480, 416, 416, LetterboxAlignment.CENTER);

        assertThat(letterbox.contentWidth()).isEqualTo(416);
        assertThat(letterbox.contentHeight()).isEqualTo(312);
        assertThat(letterbox.offsetX()).isZero();
        assertThat(letterbox.offsetY()).isEqualTo(52);
    }

    @Test
    void centerSplitsHorizontalPadding() {
        Letterbox letterbox = Letterbox.of(100, 200, 64, 64, LetterboxAlignment.CENTER);

        assertThat(letterbox.contentWidth()).isEqualTo(32);
        assertThat(letterbox.contentHeight()).isEqualTo(64);
        assertThat(letterbox.offsetX()).isEqualTo(16);
        assertThat(letterbox.offsetY()).isZero();
    }

    @Test
    void topLeftPutsPaddingAfterContent() {
        Letterbox letterbox = Letterbox.of(640, 480, 416, 416, LetterboxAlignment.TOP_LEFT);

        assertThat(letterbox.contentHeight()).isEqualTo(312);
        assertThat(letterbox.offsetX()).isZero();
        assertThat(letterbox.offsetY()).isZero();
    }

    @Test
    void upscalesSmallImage() {
        Letterbox letterbox = Letterbox.of(32, 16, 64, 64, LetterboxAlignment.CENTER);

        assertThat(letterbox.contentWidth()).isEqualTo(64);
        assertThat(letterbox.contentHeight()).isEqualTo(32);
        assertThat(letterbox.offsetY()).isEqualTo(16);
    }

    @Test
    void forwardThenBackReturnsPoint() {
        Letterbox letterbox = Letterbox.of(1920, 1080, 416, 416, LetterboxAlignment.CENTER);

        float inputX = letterbox.toInputX(1234.5f);
        float inputY = letterbox.toInputY(777.25f);

        assertThat(letterbox.toSourceX(inputX)).isCloseTo(1234.5f, within(1e-2f));
        assertThat(letterbox.toSourceY(inputY)).isCloseTo(777.25f, within(1e-2f));
    }

    @Test
    void forwardMapsKnownCorner() {
        Letterbox letterbox = Letterbox.of(640, 480, 416, 416, LetterboxAlignment.CENTER);

        assertThat(letterbox.toInputX(640f)).isCloseTo(416f, within(1e-4f));
        assertThat(letterbox.toInputY(480f)).isCloseTo(364f, within(1e-4f));
    }

    @Test
    void backMappingClipsToImage() {
        Letterbox letterbox = Letterbox.of(640, 480, 416, 416, LetterboxAlignment.CENTER);

        assertThat(letterbox.toSourceY(10f)).isZero();
        assertThat(letterbox.toSourceY(400f)).isEqualTo(480f);
        assertThat(letterbox.toSourceX(-5f)).isZero();
    }
}
