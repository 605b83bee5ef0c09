package io.uavstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.ingest.IngestProgress;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void rendersBarWhenDurationKnown() {
        IngestProgress progress = new IngestProgress(250, 2_000_000, 25.0, OptionalDouble.of(100.0));

        String line = ProgressBar.render(progress, 5.0);

        assertThat(line).startsWith("ingest [########......................]  25%");
        assertThat(line).contains("250 access units");
        assertThat(line).contains("5.0x real time");
    }

    @Test
    void rendersCountsWhenDurationUnknown() {
        IngestProgress progress = new IngestProgress(10, 1000, 1.0, OptionalDouble.empty());

        String line = ProgressBar.render(progress, 0);

        assertThat(line).isEqualTo("ingest: 10 access units, 0.0 MB, media 1.0 s");
    }
}
