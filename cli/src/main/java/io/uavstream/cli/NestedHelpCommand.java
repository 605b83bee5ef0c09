package io.uavstream.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/**
 * {@code uavstream help [COMMAND...]}: prints the usage of a command at any depth, such as {@code help
 * models inspect}. picocli's own help command resolves only one level.
 */
@Command(
        name = "help",
        helpCommand = true,
        description = "Print the usage of a command or subcommand, for example: help models inspect.")
final class NestedHelpCommand implements IHelpCommandInitializable2, Runnable {

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command and subcommands to describe.")
    private String[] path = new String[0];

    private CommandLine self;
    private Help.ColorScheme colorScheme;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter outWriter,
            PrintWriter errWriter) {
        this.self = helpCommandLine;
        this.colorScheme = colorScheme;
        this.out = outWriter;
    }

    @Override
    public void run() {
        CommandLine target = self.getParent();
        for (String name : path) {
            CommandLine subcommand = target.getSubcommands().get(name);
            if (subcommand == null) {
                throw new ParameterException(self, "Unknown command '" + String.join(" ", path) + "': '"
                        + target.getCommandSpec().qualifiedName() + "' has no subcommand '" + name + "'");
            }
            target = subcommand;
        }
        target.usage(out, colorScheme);
    }
}
