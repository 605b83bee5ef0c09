package io.uavstream.cli.models;

import picocli.CommandLine.Command;

/** {@code uavstream models}: tools for ONNX detector models. */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = "Inspect, profile, quantize and benchmark ONNX detector models, and switch the model of"
                + " running jobs.",
        subcommands = {ModelsInspectCommand.class, ModelsProfileCommand.class, ModelsQuantizeCommand.class,
            ModelsFloat16Command.class, ModelsBenchCommand.class, ModelsUseCommand.class})
public final class ModelsCommand {}
