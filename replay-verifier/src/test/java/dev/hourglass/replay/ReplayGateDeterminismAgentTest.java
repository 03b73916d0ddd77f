package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.replay.ClockReadingReceipts;
import com.example.replay.ClockReadingReceipts.StampedReceipt;
import dev.hourglass.failure.NondeterministicCallError;
import dev.hourglass.replay.ReplayResult.Status;
import org.junit.jupiter.api.Test;

/** The gate replays with the determinism agent on: a nondeterministic call on a replayed path is incompatible. */
class ReplayGateDeterminismAgentTest {

    @Test
    void aWallClockReadOnTheReplayedPathMakesTheHistoryIncompatibleNamingTheLine() {
        ReplayResult result = ReplayGate.newBuilder().registerWorkflowImplementationTypes(StampedReceipt.class)
                .addHistory(ClockReadingReceipts.record()).build().run().getResults().get(0);

        assertThat(result.getStatus()).isEqualTo(Status.INCOMPATIBLE);
        assertThat(result.getFailure()).get().isInstanceOf(NondeterministicCallError.class);
        assertThat(result.getFailure().orElseThrow().getMessage()).startsWith("workflow code called"
                + " System.currentTimeMillis() at " + StampedReceipt.class.getName() + ".issue(ClockReadingReceipts.java:"
                + ClockReadingReceipts.CLOCK_LINE + ")");
    }

    @Test
    void withTheAgentTurnedOffTheSameHistoryIsCompatible() {
        ReplayResult result = ReplayGate.newBuilder().registerWorkflowImplementationTypes(StampedReceipt.class)
                .addHistory(ClockReadingReceipts.record()).setDeterminismAgentEnabled(false).build().run()
                .getResults().get(0);

        assertThat(result.getStatus()).isEqualTo(Status.COMPATIBLE);
    }
}
