package dev.hourglass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error is one line on standard error and an exit code; a stack trace only under --verbose. */
class ErrorsTest {

    @TempDir
    Path directory;

    @Test
    void withoutAStoreSaysHowToNameOne() {
        Cli cli = Cli.run("workflows", "list");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("hourglass: no store: give --store sqlite:PATH or --store"
                + " postgresql://HOST:PORT/DATABASE, or set HOURGLASS_STORE\n");
    }

    @Test
    void refusesAStoreOfAnotherKind() {
        Cli cli = Cli.run("list", "--store", "mysql://db.example.com/orders");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("hourglass: bad --store 'mysql://db.example.com/orders': expected"
                + " sqlite:PATH, postgresql://HOST:PORT/DATABASE or jdbc:postgresql://HOST:PORT/DATABASE\n");
    }

    @Test
    void refusesABadStoreFromTheEnvironmentToo() {
        Cli cli = Cli.run(Map.of("HOURGLASS_STORE", "orders.db"), "list");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("hourglass: bad --store 'orders.db': expected sqlite:PATH");
    }

    @Test
    void saysThatTheDatabaseFileIsMissingAndDoesNotCreateIt() {
        Path file = directory.resolve("orders.db");

        Cli cli = Cli.run("list", "--store", "sqlite:" + file);

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("hourglass: no database file " + file
                + " (check --store; hourglass never creates one)\n");
        assertThat(file).doesNotExist();
    }

    @Test
    void doesNotCreateTheDatabaseFileForACommandThatWritesEither() {
        Path file = directory.resolve("orders.db");

        Cli cli = Cli.run("terminate", "order-1", "--store", "sqlite:" + file);

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(file).doesNotExist();
    }

    @Test
    void saysThatADirectoryIsNoDatabaseFile() {
        Cli cli = Cli.run("list", "--store", "sqlite:" + directory);

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("hourglass: " + directory + " is a directory, not a database file (check"
                + " --store)\n");
    }

    @Test
    void saysThatAFileIsNoStoreAndLeavesItAlone() throws IOException {
        Path file = Files.writeString(directory.resolve("notes.txt"), "not a database\n".repeat(100));

        Cli cli = Cli.run("show", "order-1", "--store", "sqlite:" + file);

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).startsWith("hourglass: cannot open: the store's file " + file.toAbsolutePath()
                + " is not a SQLite database, or it is damaged").hasLineCount(1);
        assertThat(file).hasContent("not a database\n".repeat(100).strip());
    }

    @Test
    void saysThatTheServerIsUnreachableWithoutAStackTrace() {
        Cli cli = Cli.run("list", "--store", "postgresql://127.0.0.1:1/orders?connectTimeout=2", "--user", "ops");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err())
                .startsWith("hourglass: cannot open (store jdbc:postgresql://127.0.0.1:1/orders): Connection to"
                        + " 127.0.0.1:1 refused.")
                .hasLineCount(1);
    }

    @Test
    void printsTheStackTraceUnderVerbose() {
        Cli cli = Cli.run("list", "--store", "postgresql://127.0.0.1:1/orders?connectTimeout=2", "--verbose");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err())
                .startsWith("hourglass: cannot open (store jdbc:postgresql://127.0.0.1:1/orders): Connection to"
                        + " 127.0.0.1:1 refused.")
                .contains("\tat dev.hourglass.cli.Store.open(");
    }

    @Test
    void namesTheUnknownOptionAndTheHelpOfItsCommand() {
        Cli cli = Cli.run("workflows", "list", "--colour");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("hourglass: Unknown option: '--colour' (see 'hourglass workflows list"
                + " --help')\n");
    }

    @Test
    void namesAMissingWorkflowId() {
        Cli cli = Cli.run("show", "--store", "sqlite:orders.db");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("hourglass: Missing required parameter: 'WORKFLOW_ID' (see 'hourglass show"
                + " --help')\n");
    }

    @Test
    void namesAStatusThatDoesNotExist() {
        Cli cli = Cli.run("list", "--status", "sleeping", "--store", "sqlite:orders.db");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("hourglass: Invalid value for option '--status': expected one of [RUNNING,"
                + " COMPLETED, FAILED, CANCELED, TERMINATED, CONTINUED_AS_NEW, TIMED_OUT] (case-insensitive) but was"
                + " 'sleeping'");
    }

    @Test
    void withoutACommandPrintsTheUsageAndFails() {
        Cli cli = Cli.run();

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("Usage: hourglass ");
    }

    @Test
    void helpDescribesTheCommandsAndExitCodes() {
        Cli cli = Cli.run("--help");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).startsWith("Usage: hourglass ")
                .contains("  workflows ", "  list ", "  show ", "  describe ", "  export ", "  signal ", "  cancel ",
                        "  terminate ", "  types ")
                .contains("Exit codes:");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"list", "show", "describe", "export", "signal", "cancel", "terminate",
            "types"}) {
            Cli topLevel = Cli.run(command, "--help");
            Cli grouped = Cli.run("workflows", command, "--help");

            assertThat(topLevel.exitCode()).as(command).isZero();
            assertThat(topLevel.out()).as(command).startsWith("Usage: hourglass " + command + " ").contains("--store");
            assertThat(grouped.out()).as(command).startsWith("Usage: hourglass workflows " + command + " ");
        }
    }

    @Test
    void versionNamesTheProjectsVersion() {
        Cli cli = Cli.run("--version");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).matches("hourglass \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    }
}
