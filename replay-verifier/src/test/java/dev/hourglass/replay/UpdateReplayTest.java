package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.WorkflowExecutionUpdateAcceptedAttributes;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.UpdateMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replay of histories with updates: the accepted update is delivered again to its handler, and what the handler
 * records (its commands, its completion) must match what the history holds.
 */
class UpdateReplayTest {

    @WorkflowInterface
    public interface Ledger {
        @WorkflowMethod
        int run();

        @UpdateMethod
        int credit(int amount);

        @SignalMethod
        void close();
    }

    public static class LedgerImpl implements Ledger {
        int balance;
        boolean closed;

        @Override
        public int run() {
            Workflow.await(() -> closed);
            return balance;
        }

        @Override
        public int credit(int amount) {
            Workflow.sleep(Duration.ofMinutes(5));
            balance += amount;
            return balance;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Its handler now returns twice the balance: the recorded completion no longer matches. */
    public static class DoublingLedgerImpl extends LedgerImpl {
        @Override
        public int credit(int amount) {
            Workflow.sleep(Duration.ofMinutes(5));
            balance += amount;
            return 2 * balance;
        }
    }

    /** Its handler no longer sleeps: the recorded timer is missing. */
    public static class HastyLedgerImpl extends LedgerImpl {
        @Override
        public int credit(int amount) {
            balance += amount;
            return balance;
        }
    }

    private static History recorded;
    private static String updateId;

    @BeforeAll
    static void record() {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            env.newWorker("ledgers").registerWorkflowImplementationTypes(LedgerImpl.class);
            env.start();
            WorkflowClient client = env.getWorkflowClient();
            Ledger ledger = client.newWorkflowStub(Ledger.class, WorkflowOptions.newBuilder()
                    .setWorkflowId("ledger").setTaskQueue("ledgers").build());
            WorkflowClient.start(ledger::run);
            ledger.credit(30);
            ledger.close();
            WorkflowStub.fromTyped(ledger).getResult(Integer.class);
            recorded = client.fetchHistory("ledger");
        }
        updateId = recorded.getEvents().stream().map(HistoryEvent::getAttributes)
                .filter(WorkflowExecutionUpdateAcceptedAttributes.class::isInstance)
                .map(attributes -> ((WorkflowExecutionUpdateAcceptedAttributes) attributes).updateId())
                .findFirst().orElseThrow();
    }

    @Test
    void theSameCodeReplaysAHistoryWithAnUpdate() {
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(recorded, LedgerImpl.class))
                .doesNotThrowAnyException();
    }

    @Test
    void aHandlerThatNowCompletesDifferentlyIsNondeterministicAndTheReportNamesTheUpdate() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(recorded, DoublingLedgerImpl.class))
                .isInstanceOf(NonDeterministicException.class)
                .hasMessageContaining("WorkflowExecutionUpdateCompleted")
                .hasMessageContaining(updateId);
    }

    @Test
    void aHandlerThatNoLongerStartsItsTimerIsNondeterministic() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(recorded, HastyLedgerImpl.class))
                .isInstanceOf(NonDeterministicException.class)
                .hasMessageContaining("TimerStarted");
    }

    @Test
    void theGateFindsTheChangedHandlerIncompatible() {
        ReplayReport report = ReplayGate.newBuilder().registerWorkflowImplementationTypes(DoublingLedgerImpl.class)
                .addHistory(recorded).build().run();

        assertThat(report.isCompatible()).isFalse();
    }
}
