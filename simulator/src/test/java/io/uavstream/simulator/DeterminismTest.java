package io.uavstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.simulator.noise.NoiseProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runs with the same seed write identical bytes, whatever the number of threads. */
class DeterminismTest {

    @TempDir
    Path dir;

    @Test
    void sameSeedWritesIdenticalFiles() throws IOException {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");

        new FleetSimulation(config(11, 2)).runToDirectory(first);
        new FleetSimulation(config(11, 1)).runToDirectory(second);

        List<Path> files = relativeFiles(first);
        assertThat(files).as("files of the second run").isEqualTo(relativeFiles(second));
        assertThat(files).contains(Path.of("drone-1", "video.ts"), Path.of("drone-2", "det", "det.txt"),
                Path.of("drone-2", "gt", "gt.txt"), Path.of("drone-1", "telemetry.csv"), Path.of("drone-1", "poses_tum.txt"),
                Path.of("drone-1", "objects.csv"), Path.of("scene.json"));
        for (Path file : files) {
            assertThat(Files.readAllBytes(second.resolve(file))).as("bytes of %s", file)
                    .isEqualTo(Files.readAllBytes(first.resolve(file)));
        }
    }

    @Test
    void otherSeedWritesOtherVideo() throws IOException {
        Path first = dir.resolve("seed-11");
        Path second = dir.resolve("seed-12");

        new FleetSimulation(config(11, 2)).runToDirectory(first);
        new FleetSimulation(config(12, 2)).runToDirectory(second);

        assertThat(Files.readAllBytes(second.resolve("drone-1/video.ts")))
                .isNotEqualTo(Files.readAllBytes(first.resolve("drone-1/video.ts")));
    }

    private static SimulationConfig config(long seed, int threads) {
        return SimulationConfig.builder()
                .drones(2).durationSeconds(2).fps(10).frameSize(320, 240).seed(seed).sceneSizeMetres(512)
                .patterns(List.of(FlightPattern.TRANSIT, FlightPattern.ORBIT))
                .noiseProfile(NoiseProfile.load("default")).snapshotEveryFrames(10).threads(threads)
                .build();
    }

    private static List<Path> relativeFiles(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
