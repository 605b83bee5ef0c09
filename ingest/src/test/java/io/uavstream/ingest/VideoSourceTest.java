package io.uavstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class VideoSourceTest {

    @Test
    void plainPathIsFileSource() {
        VideoSource source = VideoSource.parse("clips/flight 1.ts");

        assertThat(source.isNetwork()).isFalse();
        assertThat(source.file()).isEqualTo(Path.of("clips/flight 1.ts"));
        assertThat(source.ffmpegUrl()).startsWith("file:/").endsWith("clips/flight 1.ts");
    }

    @Test
    void fileUriIsFileSource() {
        VideoSource source = VideoSource.parse("file:///data/flight.ts");

        assertThat(source.isNetwork()).isFalse();
        assertThat(source.file()).isEqualTo(Path.of("/data/flight.ts"));
    }

    @Test
    void rtspUrlIsNetworkSource() {
        VideoSource source = VideoSource.parse("RTSP://127.0.0.1:8554/live");

        assertThat(source.isNetwork()).isTrue();
        assertThat(source.scheme()).isEqualTo("rtsp");
        assertThat(source.hasSocketTimeoutOption()).isTrue();
        assertThat(source.ffmpegUrl()).isEqualTo("RTSP://127.0.0.1:8554/live");
    }

    @Test
    void rtmpUrlHasNoSocketTimeoutOption() {
        assertThat(VideoSource.parse("rtmp://127.0.0.1/live/drone").hasSocketTimeoutOption()).isFalse();
    }

    @Test
    void unsupportedSchemeIsRejected() {
        assertThatThrownBy(() -> VideoSource.parse("gopher://127.0.0.1/video"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'gopher'")
                .hasMessageContaining("rtsp");
    }

    @Test
    void blankSourceIsRejected() {
        assertThatThrownBy(() -> VideoSource.parse("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
    }

    @Test
    void networkSourceHasNoFile() {
        assertThatThrownBy(() -> VideoSource.parse("udp://127.0.0.1:5000").file())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("udp://127.0.0.1:5000");
    }
}
