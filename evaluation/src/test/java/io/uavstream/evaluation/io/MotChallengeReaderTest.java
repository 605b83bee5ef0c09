package io.uavstream.evaluation.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uavstream.evaluation.detection.DetectionRecord;
import io.uavstream.evaluation.detection.DetectionSet;
import io.uavstream.evaluation.geometry.BoundingBox;
import io.uavstream.evaluation.mot.MotRecord;
import io.uavstream.evaluation.mot.Sequence;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MotChallengeReaderTest {

    @TempDir
    Path directory;

    private static List<MotRecord> read(String text) throws IOException {
        return MotChallengeReader.read(new BufferedReader(new StringReader(text)), "gt.txt");
    }

    @Test
    void groundTruthLineReadsAllColumns() throws IOException {
        List<MotRecord> records = read("1,2,794.2,47.5,71.2,174.8,1,1,0.8\n");

        MotRecord record = records.get(0);
        assertThat(record.frame()).isEqualTo(1);
        assertThat(record.trackId()).isEqualTo(2);
        assertThat(record.box()).isEqualTo(new BoundingBox(794.2, 47.5, 71.2, 174.8));
        assertThat(record.confidence()).isEqualTo(1.0);
        assertThat(record.classId()).isEqualTo(1);
        assertThat(record.visibility()).isEqualTo(0.8);
    }

    @Test
    void trackerLineWithWorldColumns() throws IOException {
        // MOT15-style tracker output: columns 8-10 are world coordinates, -1 when unused.
        MotRecord record = read("3, 7, 10.5, 20, 30, 40, 0.93, -1, -1, -1").get(0);

        assertThat(record.confidence()).isEqualTo(0.93);
        assertThat(record.classId()).isEqualTo(MotRecord.NOT_GIVEN);
        assertThat(record.visibility()).isEqualTo(MotRecord.NOT_GIVEN);
    }

    @Test
    void sixColumnsGetDefaults() throws IOException {
        MotRecord record = read("3 7 10 20 30 40").get(0);

        assertThat(record.confidence()).isEqualTo(1.0);
        assertThat(record.classId()).isEqualTo(MotRecord.NOT_GIVEN);
        assertThat(record.box().height()).isEqualTo(40.0);
    }

    @Test
    void blankAndCommentLinesSkipped() throws IOException {
        assertThat(read("# frame,id,...\n\n1,1,0,0,1,1\n   \n2.0,1.0,0,0,1,1\n")).hasSize(2);
    }

    @Test
    void tooFewColumnsNamesLine() {
        assertThatThrownBy(() -> read("1,1,0,0,1,1\n\n1,2,3,4\n"))
                .isInstanceOf(MalformedFileException.class)
                .hasMessage("gt.txt:3: expected 6 to 10 columns (frame, id, left, top, width, height, conf, class,"
                        + " visibility), found 4");
    }

    @Test
    void malformedNumbersNameColumn() {
        assertThatThrownBy(() -> read("1,1,abc,0,1,1"))
                .hasMessage("gt.txt:1: column 3 (left) is not a number: 'abc'");
        assertThatThrownBy(() -> read("1.5,1,0,0,1,1"))
                .hasMessage("gt.txt:1: column 1 (frame) must be an integer, got '1.5'");
        assertThatThrownBy(() -> read("1,1,NaN,0,1,1"))
                .hasMessage("gt.txt:1: column 3 (left) must be finite, got 'NaN'");
        assertThatThrownBy(() -> read("1,1,0,0,-1,1"))
                .hasMessage("gt.txt:1: box width and height must not be negative, got -1.0 x 1.0");
        assertThatThrownBy(() -> read("-1,1,0,0,1,1"))
                .hasMessage("gt.txt:1: column 1 (frame) must not be negative, got -1");
    }

    @Test
    void malformedFileExceptionCarriesLine() {
        MalformedFileException error = new MalformedFileException("a.txt", 12, "bad");

        assertThat(error.source()).isEqualTo("a.txt");
        assertThat(error.lineNumber()).isEqualTo(12);
    }

    @Test
    void duplicateTrackInFrameRejected() {
        String text = "1,1,0,0,1,1\n1,2,0,0,1,1\n1,1,5,5,1,1\n";

        assertThatThrownBy(() -> MotChallengeReader.readSequence(new BufferedReader(new StringReader(text)), "pred.txt"))
                .isInstanceOf(MalformedFileException.class)
                .hasMessage("pred.txt:3: track ID 1 appears again in frame 1 (first on line 1)");
    }

    @Test
    void writerRoundTrip() throws IOException {
        Sequence sequence = Sequence.of(List.of(
                new MotRecord(2, 5, new BoundingBox(1.25, 2, 30, 40.5), 0.75, 3, 0.5),
                new MotRecord(1, 4, new BoundingBox(0, 0, 10, 10), 1, -1, -1)));
        Path file = directory.resolve("pred.txt");

        MotChallengeWriter.write(file, sequence);
        Sequence readBack = MotChallengeReader.readSequence(file);

        assertThat(Files.readAllLines(file)).containsExactly("1,4,0,0,10,10,1,-1,-1", "2,5,1.25,2,30,40.5,0.75,3,0.5");
        assertThat(readBack.recordsOf(2)).isEqualTo(sequence.recordsOf(2));
        assertThat(readBack.size()).isEqualTo(2);
    }

    @Test
    void detectionFilesUseFlagAndScore() throws IOException {
        // Ground truth: flag 0 marks a crowd region. Detections: column 7 is the score.
        Path truth = directory.resolve("gt.txt");
        Path detections = directory.resolve("det.txt");
        Files.writeString(truth, "1,1,0,0,10,10,1,2,1\n1,2,50,0,100,10,0,2,1\n");
        Files.writeString(detections, "1,-1,0,0,10,10,0.87,2\n");

        DetectionSet truthSet = MotChallengeReader.readDetectionGroundTruth(truth);
        DetectionSet detectionSet = MotChallengeReader.readDetections(detections);

        List<DetectionRecord> image = truthSet.recordsByImage().get(1);
        assertThat(image).extracting(DetectionRecord::crowd).containsExactly(false, true);
        assertThat(detectionSet.recordsByImage().get(1).get(0).score()).isEqualTo(0.87);
        assertThat(detectionSet.recordsByImage().get(1).get(0).classId()).isEqualTo(2);
    }
}
