package dev.hourglass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hourglass ui}'s errors, each one line with its exit code, like the other commands'. (Serving until Ctrl-C
 * is tested on the runnable jar, in {@link HourglassCliJarIT}: a signal stops only a process of its own.)
 */
@ExtendWith(OrdersStoreExtension.class)
class UiCommandTest {

    @Test
    void saysWhenThePortIsInUse(OrdersStore store) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Cli cli = Cli.run("ui", "--port", String.valueOf(taken.getLocalPort()), "--store", store.location());

            assertThat(cli.exitCode()).isEqualTo(1);
            assertThat(cli.out()).isEmpty();
            assertThat(cli.err()).startsWith("hourglass: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ")
                    .endsWith(" (is another program, or another 'hourglass ui', on that port? choose another with"
                            + " --port, or --port 0 for a free one)\n")
                    .hasLineCount(1);
        }
    }

    @Test
    void saysWhenTheStoreIsMissing(@TempDir Path directory) {
        Path missing = directory.resolve("missing.db");

        Cli cli = Cli.run("ui", "--port", "0", "--store", "sqlite:" + missing);

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("hourglass: no database file " + missing
                + " (check --store; hourglass never creates one)\n");
    }

    @Test
    void refusesAPortOutOfRange(OrdersStore store) {
        Cli cli = Cli.run("ui", "--port", "70000", "--store", store.location());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("hourglass: --port must be from 0 to 65535, not 70000\n");
    }

    @Test
    void refusesAnAddressThatIsNone(OrdersStore store) {
        Cli cli = Cli.run("ui", "--bind", "no such address", "--port", "0", "--store", store.location());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("hourglass: bad --bind 'no such address': no such address (give an IP"
                + " address such as 127.0.0.1 or 0.0.0.0)\n");
    }

    @Test
    void isListedInTheHelp() {
        assertThat(Cli.run("--help").out()).containsPattern("\n +ui +Serves a web UI of the store's workflow runs");
    }
}
