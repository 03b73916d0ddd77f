package dev.hourglass.replay.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hourglass-replay}: its subcommands, and how its errors are reported. */
@Command(name = "hourglass-replay", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        subcommands = VerifyCommand.class, usageHelpAutoWidth = true,
        description = "Replays recorded workflow histories against new workflow code, for CI.")
final class RootCommand implements Callable<Integer> {

    /** What every error line starts with. */
    static final String PREFIX = "hourglass-replay: ";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** A command line that writes to {@code out} and {@code err} and reports every error in one line. */
    static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new RootCommand());
        commandLine.setOut(out).setErr(err);
        commandLine.setParameterExceptionHandler(RootCommand::usageError);
        commandLine.setExecutionExceptionHandler(RootCommand::failure);
        return commandLine;
    }

    /** No subcommand: says how to use the command. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return HourglassReplay.BAD_INPUT;
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println(PREFIX + e.getMessage() + " (see '" + command.getCommandSpec().qualifiedName()
                + " --help')");
        command.getErr().flush();
        return HourglassReplay.BAD_INPUT;
    }

    private static int failure(Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
        PrintWriter err = command.getErr();
        if (e instanceof BadInputException) {
            err.println(PREFIX + e.getMessage());
        } else {
            err.println(PREFIX + "failed unexpectedly: " + e);
            e.printStackTrace(err);
        }
        err.flush();
        return HourglassReplay.BAD_INPUT;
    }

    /** The project's version, from a resource written by the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties properties = new Properties();
            try (InputStream in = RootCommand.class.getResourceAsStream("version.properties")) {
                if (in == null) {
                    throw new IllegalStateException("version.properties is missing beside " + RootCommand.class);
                }
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read version.properties: " + e, e);
            }
            return new String[] {"hourglass-replay " + properties.getProperty("version")};
        }
    }
}
