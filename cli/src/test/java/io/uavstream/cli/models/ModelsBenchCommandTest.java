package io.uavstream.cli.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.models.Detection;
import io.uavstream.models.testing.TinyModels;
import io.uavstream.simulator.FleetSimulation;
import io.uavstream.simulator.SimulationConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ModelsBenchCommandTest {

    @TempDir
    static Path flight;

    @TempDir
    Path temp;

    @BeforeAll
    static void simulateFlight() {
        SimulationConfig config = SimulationConfig.builder().drones(1).durationSeconds(1).seed(3).build();
        new FleetSimulation(config).runToDirectory(flight);
    }

    @Test
    void benchPrintsOneRowPerModel() {
        Path yolox = TinyModels.yolox(temp);
        Path nanoDet = TinyModels.nanoDetPlus(temp);
        Path video = firstVideo();
        StringWriter out = new StringWriter();

        int exitCode = new CommandLine(new ModelsCommand()).setOut(new PrintWriter(out)).execute("bench",
                "--sim", flight.toString(), "--every", "5", "--threads", "1", "--rounds", "1", "--calls", "1",
                "--teacher", yolox.toString(), "--real-video", video.toString(), "--real-every", "5",
                yolox.toString(), nanoDet.toString());

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("| model | file size | parameters | GFLOPs | latency 1 thread |");
        assertThat(out.toString()).contains("| tiny-yolox |").contains("| tiny-nanodet-plus |");
        assertThat(out.toString()).contains("100% (");
    }

    @Test
    void benchRejectsTeacherWithoutVideo() {
        Path yolox = TinyModels.yolox(temp);
        StringWriter err = new StringWriter();

        int exitCode = new CommandLine(new ModelsCommand()).setErr(new PrintWriter(err)).execute("bench",
                "--sim", flight.toString(), "--teacher", yolox.toString(), yolox.toString());

        assertThat(exitCode).isNotZero();
        assertThat(err.toString()).contains("--teacher and --real-video go together");
    }

    @Test
    void matchCountIsClassAwareAndOneToOne() {
        List<Detection> reference = List.of(new Detection(0, "person", 0.9f, 0, 0, 10, 10),
                new Detection(2, "car", 0.8f, 20, 20, 40, 40));
        List<Detection> candidates = List.of(new Detection(0, "person", 0.7f, 1, 0, 11, 10),
                new Detection(0, "person", 0.6f, 0, 0, 10, 10), new Detection(0, "person", 0.5f, 20, 20, 40, 40));

        int matched = TeacherAgreement.matchCount(reference, candidates);

        assertThat(matched).isEqualTo(1);
    }

    @Test
    void medianOfEvenCountAveragesMiddle() {
        assertThat(LatencyBench.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(LatencyBench.median(new double[] {5, 1, 3})).isEqualTo(3);
    }

    private static Path firstVideo() {
        try (var entries = Files.list(flight)) {
            return entries.map(d -> d.resolve("video.ts")).filter(Files::isRegularFile).findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
