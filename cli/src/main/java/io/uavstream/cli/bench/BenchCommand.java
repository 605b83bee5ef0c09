package io.uavstream.cli.bench;

import picocli.CommandLine.Command;

/** {@code uavstream bench}: measurements whose results go into docs/benchmarks.md. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Speed and accuracy measurements; each prints the figures that docs/benchmarks.md records.",
        subcommands = {BenchPipelineCommand.class, BenchTrackingCommand.class, BenchTrackingVideoCommand.class,
            io.uavstream.cli.replay.BenchReplayCommand.class})
public final class BenchCommand {}
