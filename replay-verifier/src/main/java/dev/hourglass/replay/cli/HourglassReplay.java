package dev.hourglass.replay.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import org.apiguardian.api.API;

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
public final class HourglassReplay {

    static final int COMPATIBLE = 0;
    static final int INCOMPATIBLE = 1;
    static final int BAD_INPUT = 2;

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
        int exitCode = RootCommand.newCommandLine(out, err).execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }
}
