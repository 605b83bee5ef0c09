package io.uavstream.cli.odometry;

import picocli.CommandLine.Command;

/** {@code uavstream odometry}: visual odometry measurements and tools. */
@Command(
        name = "odometry",
        mixinStandardHelpOptions = true,
        description = "Visual odometry: accuracy and speed on simulated flights, homography of an image pair.",
        subcommands = {OdometryBenchCommand.class, OdometrySpeedCommand.class, RegisterImagesCommand.class})
public final class OdometryCommand {}
