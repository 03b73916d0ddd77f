package dev.hourglass.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hourglass}: its commands, and how their errors are reported. */
@Command(name = "hourglass", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        usageHelpAutoWidth = true,
        description = {"Shows and operates the workflow executions of a durable store.",
            "Every command of 'hourglass workflows' may also be typed without 'workflows': 'hourglass show ID'."},
        subcommands = {WorkflowsCommand.class, ListCommand.class, ShowCommand.class, DescribeCommand.class,
            ExportCommand.class, SignalCommand.class, CancelCommand.class, TerminateCommand.class, TypesCommand.class,
            UiCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:failed: no such workflow or database file, an unreachable server, a closed execution, ...",
            "2:bad usage: an unknown option, a malformed --store, an argument that is not JSON, ..."})
final class RootCommand implements Callable<Integer> {

    /** What every error line starts with. */
    static final String PREFIX = "hourglass: ";

    private final Map<String, String> environment;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private RootCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** A command line that writes to {@code out} and {@code err} and reports every error in one line. */
    static CommandLine newCommandLine(PrintWriter out, PrintWriter err, Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new RootCommand(environment));
        commandLine.setOut(out).setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(RootCommand::usageError);
        commandLine.setExecutionExceptionHandler(RootCommand::failure);
        return commandLine;
    }

    /** The environment variables the command line was started with. */
    Map<String, String> environment() {
        return environment;
    }

    /** No command: says how to use the command line. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return HourglassCli.USAGE;
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println(PREFIX + e.getMessage() + " (see '" + command.getCommandSpec().qualifiedName()
                + " --help')");
        command.getErr().flush();
        return HourglassCli.USAGE;
    }

    private static int failure(Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
        PrintWriter err = command.getErr();
        boolean verbose = command.getCommand() instanceof StoreCommand storeCommand && storeCommand.verbose();
        int exitCode;
        if (e instanceof CliException known) {
            err.println(PREFIX + known.getMessage());
            exitCode = known.exitCode();
        } else {
            err.println(PREFIX + "failed unexpectedly: " + oneLine(String.valueOf(e))
                    + (verbose ? "" : " (--verbose shows the stack trace)"));
            exitCode = HourglassCli.FAILED;
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return exitCode;
    }

    /** The text on one line: line breaks become spaces. */
    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
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
            return new String[] {"hourglass " + properties.getProperty("version")};
        }
    }
}
