package io.uavstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PacketTimestampsTest {

    private static final long MISSING = Long.MIN_VALUE;

    @Test
    void rescalesMpegTsTicksToMicros() {
        PacketTimestamps timestamps = new PacketTimestamps(1, 90_000, 25, MISSING);

        PacketTimestamps.Micros micros = timestamps.convert(126_000, 122_400, 3_600);

        assertThat(micros.pts()).isEqualTo(1_400_000);
        assertThat(micros.dts()).isEqualTo(1_360_000);
        assertThat(micros.duration()).isEqualTo(40_000);
        assertThat(micros.ptsDerived()).isFalse();
    }

    @Test
    void roundsHalfAwayFromZero() {
        PacketTimestamps timestamps = new PacketTimestamps(1, 3, 0, MISSING);

        assertThat(timestamps.toMicros(1)).isEqualTo(333_333);
        assertThat(timestamps.toMicros(2)).isEqualTo(666_667);
        assertThat(timestamps.toMicros(-2)).isEqualTo(-666_667);
    }

    @Test
    void rescalesTicksBeyondLongProduct() {
        PacketTimestamps timestamps = new PacketTimestamps(1, 1_000_000_000, 0, MISSING);
        long ticks = Long.MAX_VALUE / 10;

        assertThat(timestamps.toMicros(ticks)).isEqualTo(ticks / 1_000 + 1);
    }

    @Test
    void missingDtsEqualsPts() {
        PacketTimestamps timestamps = new PacketTimestamps(1, 1_000, 10, MISSING);

        PacketTimestamps.Micros micros = timestamps.convert(500, MISSING, 0);

        assertThat(micros.dts()).isEqualTo(500_000);
        assertThat(micros.duration()).isZero();
    }

    @Test
    void missingPtsComesFromDts() {
        PacketTimestamps timestamps = new PacketTimestamps(1, 1_000, 10, MISSING);

        PacketTimestamps.Micros micros = timestamps.convert(MISSING, 700, 100);

        assertThat(micros.pts()).isEqualTo(700_000);
        assertThat(micros.ptsDerived()).isTrue();
    }

    @Test
    void missingTimestampsFollowFrameRate() {
        PacketTimestamps timestamps = new PacketTimestamps(1, 1_000, 25, MISSING);

        assertThat(timestamps.convert(MISSING, MISSING, 0).pts()).isZero();
        assertThat(timestamps.convert(MISSING, MISSING, 0).pts()).isEqualTo(40_000);
        assertThat(timestamps.convert(MISSING, MISSING, 0).pts()).isEqualTo(80_000);
    }

    @Test
    void missingTimestampsFollowPacketDuration() {
        PacketTimestamps timestamps = new PacketTimestamps(1, 1_000, 25, MISSING);

        timestamps.convert(1_000, 1_000, 50);
        PacketTimestamps.Micros next = timestamps.convert(MISSING, MISSING, 50);

        assertThat(next.pts()).isEqualTo(1_050_000);
        assertThat(next.dts()).isEqualTo(1_050_000);
    }

    @Test
    void invalidTimeBaseIsRejected() {
        assertThatThrownBy(() -> new PacketTimestamps(0, 90_000, 25, MISSING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0/90000");
    }
}
