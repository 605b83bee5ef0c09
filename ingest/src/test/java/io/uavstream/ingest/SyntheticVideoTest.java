package io.uavstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticVideoTest {

    @TempDir
    Path dir;

    @Test
    void lgplBuildEncodesH264WithOpenH264() {
        assertThat(SyntheticVideo.Codec.H264.isAvailable()).isTrue();
        assertThat(SyntheticVideo.defaultCodec()).isEqualTo(SyntheticVideo.Codec.H264);
    }

    @Test
    void sameSettingsWriteSameBytes() throws Exception {
        Path first = SyntheticVideo.builder().frames(12).gop(6).write(dir.resolve("first.ts"));
        Path second = SyntheticVideo.builder().frames(12).gop(6).write(dir.resolve("second.ts"));

        assertThat(Files.size(first)).isPositive();
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void framesDifferOverTime() {
        SyntheticFramePainter painter = new SyntheticFramePainter(64, 48);
        byte[] first = new byte[64 * 48 * 3];
        byte[] later = new byte[64 * 48 * 3];

        painter.paint(0, first, 64 * 3);
        painter.paint(5, later, 64 * 3);

        assertThat(later).isNotEqualTo(first);
    }

    @Test
    void bounceFoldsCoordinateIntoRange() {
        assertThat(SyntheticFramePainter.bounce(7, 10)).isEqualTo(7);
        assertThat(SyntheticFramePainter.bounce(13, 10)).isEqualTo(7);
        assertThat(SyntheticFramePainter.bounce(-3, 10)).isEqualTo(3);
        assertThat(SyntheticFramePainter.bounce(20, 10)).isZero();
    }

    @Test
    void oddWidthIsRejected() {
        assertThatThrownBy(() -> SyntheticVideo.builder().size(321, 240))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("width must be even");
    }

    @Test
    void zeroGopIsRejected() {
        assertThatThrownBy(() -> SyntheticVideo.builder().gop(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gop");
    }
}
