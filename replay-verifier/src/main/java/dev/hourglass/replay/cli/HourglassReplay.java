package dev.hourglass.replay.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The replay gate's command line: {@code hourglass-replay verify} replays history files against workflow classes
 * and exits 0 when every history is compatible, 1 when some is incompatible, and 2 on bad input or usage.
 *
 * <pre>
 * java -jar hourglass-replay-verifier-0.1.0-cli.jar verify \
 *     --histories src/test/resources/histories \
 *     --workflows com.acme.TransferImpl,com.acme.BillingImpl \
 *     --classpath target/classes --format junit --output target/replay-gate.xml
 * </pre>
 *
 * <p>The command line is the contract; run {@code verify --help} for every option.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Command(name = "hourglass-replay", mixinStandardHelpOptions = true, versionProvider = HourglassReplay.Version.class,
        subcommands = VerifyCommand.class, usageHelpAutoWidth = true,
        description = "Replays recorded workflow histories against new workflow code, for CI.")
public final class HourglassReplay implements Callable<Integer> {

    static final int COMPATIBLE = 0;
    static final int INCOMPATIBLE = 1;
    static final int BAD_INPUT = 2;

    /** What every error line starts with. */
    static final String PREFIX = "hourglass-replay: ";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private HourglassReplay() {
    }

    /**
     * Runs the command line and exits the JVM with its exit code: 0 every history compatible, 1 some incompatible,
     * 2 bad input or usage.
     *
     * @param args the arguments, as in {@code verify --histories DIR --workflows com.acme.TransferImpl}
     */
    public static void main(String[] args) {
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
        System.exit(run(out, err, args));
    }

    /** Runs the command line, writing to {@code out} and {@code err}, and returns its exit code. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new HourglassReplay());
        commandLine.setOut(out).setErr(err);
        commandLine.setParameterExceptionHandler(HourglassReplay::usageError);
        commandLine.setExecutionExceptionHandler(HourglassReplay::failure);
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    /** No subcommand: says how to use the command. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return BAD_INPUT;
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println(PREFIX + e.getMessage() + " (see '" + command.getCommandSpec().qualifiedName()
                + " --help')");
        command.getErr().flush();
        return BAD_INPUT;
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
        return BAD_INPUT;
    }

    /** The project's version, from a resource written by the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties properties = new Properties();
            try (InputStream in = HourglassReplay.class.getResourceAsStream("version.properties")) {
                if (in == null) {
                    throw new IllegalStateException("version.properties is missing beside " + HourglassReplay.class);
                }
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read version.properties: " + e, e);
            }
            return new String[] {"hourglass-replay " + properties.getProperty("version")};
        }
    }
}
