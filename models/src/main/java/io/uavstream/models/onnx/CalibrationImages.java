package io.uavstream.models.onnx;

import io.uavstream.models.BgrImage;
import io.uavstream.models.BgrImages;
import io.uavstream.models.ModelDescriptor;
import io.uavstream.models.ModelInputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Reads a folder of calibration images into model inputs, pre-processed as a detector does. */
public final class CalibrationImages {

    private CalibrationImages() {}

    /**
     * Returns the model inputs of the JPEG and PNG files in {@code folder}, in file name order,
     * at most {@code maxImages} of them, spread evenly over the folder when it has more.
     *
     * @throws IllegalArgumentException if the folder has no JPEG or PNG files
     * @throws UncheckedIOException if the folder or an image cannot be read
     */
    public static List<float[]> load(Path folder, ModelDescriptor descriptor, int maxImages) {
        if (maxImages < 1) {
            throw new IllegalArgumentException("maxImages must be at least 1, got " + maxImages);
        }
        List<Path> files = imageFiles(folder);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("Calibration folder " + folder + " contains no"
                    + " .jpg, .jpeg or .png files");
        }
        List<float[]> inputs = new ArrayList<>();
        double step = Math.max(1.0, (double) files.size() / maxImages);
        for (double i = 0; i < files.size() && inputs.size() < maxImages; i += step) {
            Path file = files.get((int) i);
            try {
                BgrImage image = BgrImages.read(file);
                inputs.add(ModelInputs.tensor(descriptor, image));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read calibration image " + file, e);
            }
        }
        return inputs;
    }

    private static List<Path> imageFiles(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(file -> {
                        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                        return name.endsWith(".png") || name.endsWith(".jpg")
                                || name.endsWith(".jpeg");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list calibration folder " + folder, e);
        }
    }
}
