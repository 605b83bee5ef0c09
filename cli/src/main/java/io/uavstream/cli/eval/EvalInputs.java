package io.uavstream.cli.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options shared by the {@code eval} subcommands. */
final class EvalInputs {

    @Option(names = "--gt", required = true, paramLabel = "PATH",
            description = "Ground truth: a file, or a directory of NAME.txt files or NAME/ subdirectories.")
    Path groundTruth;

    @Option(names = "--pred", required = true, paramLabel = "PATH",
            description = "Predictions, laid out like --gt; sequences are matched by name.")
    Path predictions;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    Path json;

    /** Prints the table and writes the JSON file when one is requested. */
    void report(String table, String jsonText) throws IOException {
        System.out.println(table);
        Optional<Path> target = Optional.ofNullable(json);
        if (target.isPresent()) {
            Files.writeString(target.get(), jsonText);
            System.out.println("Wrote " + target.get().toAbsolutePath());
        }
    }
}
