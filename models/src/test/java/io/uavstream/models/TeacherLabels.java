package io.uavstream.models;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the detections of a teacher model on every JPEG and PNG frame of a folder as CSV, for
 * the distillation of UavDet ({@code models/training/README.md}). A tool main, not a test.
 *
 * <p>Arguments: model ({@code .onnx} or descriptor), score threshold, frame folder, output CSV.
 * Rows: {@code file,class_name,score,x1,y1,x2,y2}, boxes in frame pixels. The threshold replaces
 * the descriptor's, and up to 300 boxes per frame are kept after NMS. Run from the repository root
 * with the class path of {@link DefaultModelLatency}:
 * {@code java -cp "$(cat /tmp/models-cp.txt):models/target/classes:models/target/test-classes"
 * io.uavstream.models.TeacherLabels ../shared/data/models/nanodet-plus-m-416.onnx 0.15 FRAMES OUT.csv}.
 */
public final class TeacherLabels {

    private static final Logger LOG = LoggerFactory.getLogger(TeacherLabels.class);

    private static final int MAX_BOXES = 300;

    private TeacherLabels() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException(
                    "Expected MODEL SCORE_THRESHOLD FRAME_FOLDER OUT_CSV, got " + List.of(args));
        }
        ModelDescriptor descriptor = DescriptorLocator.locate(Path.of(args[0])).toBuilder()
                .scoreThreshold(Float.parseFloat(args[1]))
                .maxDetections(MAX_BOXES)
                .build();
        List<Path> frames;
        try (Stream<Path> files = Files.list(Path.of(args[2]))) {
            frames = files.filter(TeacherLabels::isImage).sorted().toList();
        }
        long boxes = 0;
        try (ObjectDetector detector = ObjectDetectors.open(descriptor, 2);
                BufferedWriter out = Files.newBufferedWriter(Path.of(args[3]))) {
            out.write("file,class_name,score,x1,y1,x2,y2\n");
            for (Path frame : frames) {
                for (Detection box : detector.detect(BgrImages.read(frame))) {
                    out.write(String.format(Locale.ROOT, "%s,%s,%.4f,%.1f,%.1f,%.1f,%.1f%n",
                            frame.getFileName(), box.className(), box.score(),
                            box.x1(), box.y1(), box.x2(), box.y2()));
                    boxes++;
                }
            }
        }
        LOG.info("{}: {} boxes on {} frames of {} written to {}", descriptor.id(), boxes,
                frames.size(), args[2], args[3]);
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
    }
}
