package io.uavstream.simulator.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.uavstream.simulator.output.MotRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectionNoiseModelTest {

    private static final int FRAMES = 2000;
    private static final int BOXES = 10;

    @TempDir
    Path dir;

    @Test
    void defaultProfileMatchesItsRates() {
        NoiseProfile profile = NoiseProfile.load("default");
        DetectionNoiseModel model = new DetectionNoiseModel(profile, 3);
        int truths = 0;
        int detections = 0;
        int falsePositives = 0;
        double squaredShift = 0;
        int shifts = 0;
        for (int frame = 1; frame <= FRAMES; frame++) {
            List<MotRecord> truth = truth(frame, 1.0);
            truths += truth.size();
            for (MotRecord detection : model.detect(frame, truth, 1280, 720)) {
                MotRecord match = nearest(truth, detection);
                if (match == null) {
                    falsePositives++;
                    continue;
                }
                detections++;
                squaredShift += Math.pow(detection.left() - match.left(), 2);
                shifts++;
            }
        }

        assertThat(profile.missRate()).isEqualTo(0.10);
        assertThat(1 - (double) detections / truths).as("miss rate").isCloseTo(0.10, within(0.015));
        assertThat(Math.sqrt(squaredShift / shifts)).as("left-edge jitter in pixels").isCloseTo(2.0, within(0.1));
        assertThat((double) falsePositives / truths).as("false positives per truth box")
                .isCloseTo(0.05 + 0.05 / BOXES, within(0.01));
    }

    @Test
    void occlusionRaisesMisses() {
        // Without false positives, every detection near a truth box belongs to it.
        NoiseProfile.ScoreDistribution scores = new NoiseProfile.ScoreDistribution(0.8, 0.1);
        NoiseProfile profile = new NoiseProfile("no-false-positives", 0.1, 1, 16, 2, 0, 0, scores, scores, 0.05, Map.of());
        DetectionNoiseModel model = new DetectionNoiseModel(profile, 3);
        int visible = 0;
        int halfHidden = 0;
        int hidden = 0;
        for (int frame = 1; frame <= 500; frame++) {
            visible += matched(model.detect(frame, truth(frame, 1.0), 1280, 720), truth(frame, 1.0));
            halfHidden += matched(model.detect(frame, truth(frame, 0.5), 1280, 720), truth(frame, 0.5));
            hidden += matched(model.detect(frame, truth(frame, 0.0), 1280, 720), truth(frame, 0.0));
        }

        assertThat(visible).isBetween(4400, 4600);
        assertThat(halfHidden).isBetween(2100, 2400);
        assertThat(hidden).isZero();
    }

    @Test
    void sameSeedGivesSameDetections() {
        List<MotRecord> truth = truth(7, 0.8);

        List<MotRecord> first = new DetectionNoiseModel(NoiseProfile.load("noisy"), 99).detect(7, truth, 640, 480);
        List<MotRecord> second = new DetectionNoiseModel(NoiseProfile.load("noisy"), 99).detect(7, truth, 640, 480);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void perfectProfileReproducesTruth() {
        List<MotRecord> truth = truth(4, 0.3);

        List<MotRecord> detections = new DetectionNoiseModel(NoiseProfile.load("perfect"), 1).detect(4, truth, 1280, 720);

        assertThat(detections).hasSameSizeAs(truth);
        for (int k = 0; k < truth.size(); k++) {
            assertThat(detections.get(k).left()).isEqualTo(truth.get(k).left());
            assertThat(detections.get(k).width()).isEqualTo(truth.get(k).width());
            assertThat(detections.get(k).categoryId()).isEqualTo(truth.get(k).categoryId());
            assertThat(detections.get(k).confidence()).isEqualTo(1.0);
            assertThat(detections.get(k).trackId()).isEqualTo(-1);
        }
    }

    @Test
    void confusionChangesSomeClasses() {
        DetectionNoiseModel model = new DetectionNoiseModel(NoiseProfile.load("noisy"), 5);
        int vans = 0;
        int cars = 0;
        for (int frame = 1; frame <= 300; frame++) {
            for (MotRecord detection : model.detect(frame, List.of(box(frame, 0, 5, 1.0)), 1280, 720)) {
                if (detection.categoryId() == 4) {
                    cars++;
                } else if (detection.categoryId() == 5) {
                    vans++;
                }
            }
        }

        assertThat(cars).as("vans reported as cars").isPositive();
        assertThat(vans).isGreaterThan(cars);
    }

    @Test
    void profileFileLoadsAndValidates() throws Exception {
        Path file = dir.resolve("strict.json");
        String valid = Files.readString(Path.of("src/main/resources/io/uavstream/simulator/noise/default.json"))
                .replace("\"default\"", "\"strict\"");
        Files.writeString(file, valid);
        Path invalid = dir.resolve("invalid.json");
        Files.writeString(invalid, valid.replace("\"missRate\": 0.10", "\"missRate\": 1.5"));

        assertThat(NoiseProfile.load(file.toString()).name()).isEqualTo("strict");
        assertThatThrownBy(() -> NoiseProfile.load(invalid.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missRate must be between 0.0 and 1.0, got 1.5");
    }

    @Test
    void unknownProfileNameIsRejected() {
        assertThatThrownBy(() -> NoiseProfile.load("fancy"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bundled profiles: [default, perfect, noisy]");
    }

    @Test
    void groundTruthFileGetsDetections() throws Exception {
        Path gt = dir.resolve("gt.txt");
        List<String> lines = new ArrayList<>();
        for (int frame = 1; frame <= 3; frame++) {
            for (MotRecord record : truth(frame, 1.0)) {
                lines.add(record.toLine());
            }
        }
        Files.write(gt, lines);
        Path det = dir.resolve("det/det.txt");

        long written = DetectionNoise.writeDetections(gt, det, new DetectionNoiseModel(NoiseProfile.load("perfect"), 1), 3, 1280, 720);

        assertThat(written).isEqualTo(3 * BOXES);
        assertThat(Files.readAllLines(det)).hasSize(3 * BOXES);
    }

    private static int matched(List<MotRecord> detections, List<MotRecord> truth) {
        int count = 0;
        for (MotRecord detection : detections) {
            if (nearest(truth, detection) != null) {
                count++;
            }
        }
        return count;
    }

    private static MotRecord nearest(List<MotRecord> truth, MotRecord detection) {
        for (MotRecord box : truth) {
            if (Math.abs(box.left() - detection.left()) < 15 && Math.abs(box.top() - detection.top()) < 15
                    && Math.abs(box.width() - detection.width()) < 15) {
                return box;
            }
        }
        return null;
    }

    private static List<MotRecord> truth(int frame, double visibility) {
        List<MotRecord> boxes = new ArrayList<>();
        for (int k = 0; k < BOXES; k++) {
            boxes.add(box(frame, k, 4, visibility));
        }
        return boxes;
    }

    private static MotRecord box(int frame, int k, int category, double visibility) {
        return new MotRecord(frame, k + 1, 100 + 100 * k, 300, 40, 20, 1, category, visibility);
    }
}
