package dev.hourglass.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The operating command line {@code hourglass}: shows and operates the workflow executions of a durable store.
 *
 * <pre>
 * java -jar hourglass-cli-0.1.0.jar workflows list --store sqlite:hourglass.db --status running
 * java -jar hourglass-cli-0.1.0.jar show transfer-42 --store postgresql://db.example.com:5432/hourglass --user ops
 * java -jar hourglass-cli-0.1.0.jar export --store sqlite:hourglass.db --out histories --since 7d
 * </pre>
 *
 * <p>It exits 0 when the command did what it was asked, 1 when it could not (no such workflow, no such database
 * file, an unreachable server, a closed execution), and 2 on bad usage (an unknown option, a malformed
 * {@code --store}, an argument that is not JSON). Errors are one line on standard error, with the stack trace only
 * under {@code --verbose}. Run {@code hourglass --help} for every command; {@code docs/cli.md} describes them
 * with examples.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HourglassCli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    /** The environment variable that names the store when {@code --store} is not given. */
    static final String STORE_VARIABLE = "HOURGLASS_STORE";

    /** The environment variable that holds the database password when {@code --password} is not given. */
    static final String PASSWORD_VARIABLE = "HOURGLASS_STORE_PASSWORD";

    private HourglassCli() {
    }

    /**
     * Runs the command line and exits the JVM with its exit code: 0 done, 1 failed, 2 bad usage.
     *
     * @param args the arguments, as in {@code workflows list --store sqlite:hourglass.db}
     */
    public static void main(String[] args) {
        if (List.of(args).contains("--verbose")) {
            // read by the logging provider when the first logger is made, which is later
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
        System.exit(run(out, err, System.getenv(), args));
    }

    /**
     * Runs the command line, writing to {@code out} and {@code err}, with {@code environment} as the environment
     * variables, and returns its exit code.
     */
    static int run(PrintWriter out, PrintWriter err, Map<String, String> environment, String... args) {
        int exitCode = RootCommand.newCommandLine(out, err, environment).execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }
}
