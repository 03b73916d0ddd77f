package dev.hourglass.replay.cli;

import dev.hourglass.replay.ReplayGate;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs the command line in this JVM and keeps what it printed; and the histories and classes the tests give it. */
final class Cli {

    static final Path RECORDED = Path.of("src/test/resources/histories/money-transfer.json");

    /** The code that recorded {@link #RECORDED}. */
    static final String TRANSFER = "dev.hourglass.replay.TransferWorkflows$MoneyTransferImpl";
    /** A change that {@link #RECORDED} cannot replay: deposits before it withdraws. */
    static final String SWAPPED_TRANSFER = "dev.hourglass.replay.TransferWorkflows$SwappedMoneyTransferImpl";
    /** A workflow of another type than {@link #RECORDED}'s. */
    static final String GREETING = "dev.hourglass.replay.TransferWorkflows$GreetingImpl";

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private Cli() {
    }

    /**
     * The text report the gate itself gives for these histories and classes, without the time replay took, for
     * comparing with what the command printed (see {@link #withoutDurations}) without depending on the report's
     * wording.
     */
    static String textReport(Path histories, String... classNames) throws Exception {
        ReplayGate.Builder gate = ReplayGate.newBuilder().addHistories(histories);
        for (String name : classNames) {
            gate.registerWorkflowImplementationTypes(Class.forName(name));
        }
        return gate.build().run().withoutDurations().toText();
    }

    /** A text report the command printed, less the time replay took, which differs from run to run. */
    static String withoutDurations(String report) {
        return report.replaceFirst("; \\d+\\.\\d{3} s of replay", "");
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = HourglassReplay.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** Copies the recorded history to {@code file}, creating its directories, and returns the file. */
    static Path copyRecorded(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.copy(RECORDED, file);
    }

    /** Writes the recorded history changed by {@code edit} to {@code file}, and returns the file. */
    static Path writeEdited(Path file, java.util.function.UnaryOperator<String> edit) throws Exception {
        Files.createDirectories(file.getParent());
        String json = Files.readString(RECORDED);
        String edited = edit.apply(json);
        if (edited.equals(json)) {
            throw new AssertionError("the edit changed nothing in " + RECORDED);
        }
        return Files.writeString(file, edited);
    }
}
