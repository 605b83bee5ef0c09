package io.uavstream.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/**
 * Help command, {@code uavstream help [COMMAND...]}, that prints the usage of a command at any depth,
 * such as {@code help models inspect}. picocli's {@code HelpCommand} prints the first level's usage.
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
                String parent = target.getCommandSpec().qualifiedName();
                throw new ParameterException(self, "Unknown command '" + String.join(" ", path) + "': '" + parent
                        + "' has no subcommand '" + name + "'. Run " + parent + " --help for its subcommands.");
            }
            target = subcommand;
        }
        target.usage(out, colorScheme);
    }
}
