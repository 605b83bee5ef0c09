package io.uavstream.cli.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds the sequence files that {@code --gt} or {@code --pred} names: one file is one sequence,
 * named after the ground-truth file so that a single prediction file matches it; a directory contains one sequence per {@code NAME.txt} file, or per
 * subdirectory {@code NAME/} with a file of the preferred name inside (for example the
 * simulator's {@code drone-1/gt.txt}).
 */
final class SequenceFiles {

    private SequenceFiles() {}

    /**
     * Returns the sequence files under {@code path} by sequence name, sorted by name.
     *
     * @param preferredName file name looked up in each subdirectory, for example {@code gt.txt}
     * @param groundTruth the {@code --gt} path, whose file name names a single-file sequence
     * @throws IllegalArgumentException if {@code path} does not exist or contains no sequence
     */
    static Map<String, Path> list(Path path, String preferredName, Path groundTruth) throws IOException {
        if (Files.isRegularFile(path)) {
            return Map.of(stripExtension(groundTruth.getFileName().toString()), path);
        }
        if (!Files.isDirectory(path)) {
            String option = path.equals(groundTruth) ? "--gt" : "--pred";
            throw new IllegalArgumentException(option + " path not found: " + path.toAbsolutePath());
        }
        Map<String, Path> sequences = new TreeMap<>();
        for (Path child : children(path)) {
            String name = child.getFileName().toString();
            if (Files.isRegularFile(child) && name.endsWith(".txt")) {
                sequences.put(stripExtension(name), child);
            } else if (Files.isRegularFile(child.resolve(preferredName))) {
                sequences.put(name, child.resolve(preferredName));
            }
        }
        if (sequences.isEmpty()) {
            throw new IllegalArgumentException("No sequence files in " + path.toAbsolutePath()
                    + ": expected NAME.txt files or NAME/" + preferredName);
        }
        return sequences;
    }

    private static List<Path> children(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return new ArrayList<>(entries.sorted().toList());
        }
    }

    private static String stripExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
