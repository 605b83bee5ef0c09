package io.uavstream.cli.eval;

import picocli.CommandLine.Command;

/** {@code uavstream eval}: scores tracking, detection or odometry output against ground truth. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Scores predictions against ground truth and prints a table; --json also writes the results as JSON.",
        subcommands = {EvalMotCommand.class, EvalDetectionCommand.class, EvalOdometryCommand.class})
public final class EvalCommand {}
