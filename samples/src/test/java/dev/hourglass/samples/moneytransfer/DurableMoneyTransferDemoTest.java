package dev.hourglass.samples.moneytransfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the durable demo of the quick start once, with its worker processes and their two {@code kill -9}s, and checks
 * what it printed. About 20 s: the demo waits out a hold and an activity timeout of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DurableMoneyTransferDemoTest {

    private static final Pattern KILL = Pattern.compile("kill -9 (\\d+)");

    private boolean passed;
    private String output;

    @BeforeAll
    void runTheDemo(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            passed = DurableMoneyTransferDemo.run(new String[] {"--dir=" + dir, "--hold=PT2S"}, out);
        }
        output = bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void reportsThatBothTransfersCompletedWithTheMoneyConserved() {
        assertThat(passed).as("the demo's verdict; it printed:%n%s", output).isTrue();
        assertThat(output)
                .contains("Balances before: alice 500.00, bob 0.00, carol 0.00; total 500.00")
                .contains("Balances after:  alice 350.00, bob 100.00, carol 50.00; total 500.00")
                .contains("Check: 2 of 2 transfers completed; 4 bank operations applied")
                .contains("money conserved.")
                .contains("PASSED: both transfers survived kill -9 of their worker.");
    }

    @Test
    void killsTwoWorkerProcessesWithSigkill() {
        Matcher kills = KILL.matcher(output);
        List<String> pids = kills.results().map(kill -> kill.group(1)).toList();
        assertThat(pids).as("the pids killed; the demo printed:%n%s", output).hasSize(2).doesNotHaveDuplicates();
        for (String pid : pids) {
            assertThat(output).contains("(process " + pid + ") is gone: exit status 137 (killed by SIGKILL)");
        }
    }

    @Test
    void killsTheFirstWorkerWhileTheTransferWaitsInItsTimer() {
        assertThat(output).as("the demo printed:%n%s", output)
                .containsSubsequence("TimerStarted", "Killing worker 1 while transfer-1 waits in its hold timer",
                        "Starting worker 2", "TimerFired", "deposit transfer-1 attempt 1: applied",
                        "Recovery: transfer-1 completed");
    }

    @Test
    void killsTheSecondWorkerInsideTheWithdrawalWhichTheThirdRetries() {
        assertThat(output).as("the demo printed:%n%s", output)
                .containsSubsequence("[worker 2] withdraw transfer-2 attempt 1: started",
                        "Killing worker 2 while it runs withdraw for transfer-2 (attempt 1)",
                        "[worker 3] withdraw transfer-2 attempt 2: started", "Recovery: worker 3 started attempt 2",
                        "Recovery: transfer-2 completed")
                .doesNotContain("withdraw transfer-2 attempt 1: applied")
                .containsPattern("withdraw attempt 1 ran in process \\d+, killed before it ended");
    }

    @Test
    void printsEachHistoryAsItGrows() {
        assertThat(output).as("the demo printed:%n%s", output)
                .containsSubsequence("Timeline of transfer-1", "#1  +0d", "WorkflowExecutionStarted",
                        "Killing worker 1", "#6  +0d", "TimerFired", "#10  +0d", "WorkflowExecutionCompleted",
                        "The whole history of transfer-1:")
                .containsSubsequence("Timeline of transfer-2", "ActivityTaskScheduled", "Killing worker 2",
                        "ActivityTaskStarted       activityId=1 attempt=2", "The whole history of transfer-2:");
    }
}
