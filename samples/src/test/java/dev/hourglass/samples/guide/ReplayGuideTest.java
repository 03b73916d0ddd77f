package dev.hourglass.samples.guide;

import static dev.hourglass.testing.HourglassAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.EventType;
import dev.hourglass.replay.WorkflowReplayer;
import dev.hourglass.samples.guide.Notifier.Notice;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.TestWorkflowExtension;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Workflow;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A history recorded by today's transfer, replayed against changed code. */
class ReplayGuideTest {

    /** The transfer with a fraud check added before the withdrawal, without a version guard. */
    public static class FraudCheckedTransferImpl implements Transfer {
        private final Accounts accounts = Workflow.newActivityStub(Accounts.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
        private final Notifier notifier = Workflow.newActivityStub(Notifier.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
        private String cancelReason;

        // guide: unguarded-change begin
        @Override
        public String transfer(String from, String to, long cents) {
            accounts.checkFraud(from, cents);
            accounts.withdraw(from, cents);
            // the rest as before
            // guide: unguarded-change end
            if (Workflow.await(TransferImpl.HOLD, () -> cancelReason != null)) {
                accounts.refund(from, cents);
                return "refunded " + cents + " to " + from + ": " + cancelReason;
            }
            accounts.deposit(to, cents);
            notifier.send(new Notice(to, "received " + cents + " cents from " + from));
            return "moved " + cents + " from " + from + " to " + to;
        }

        @Override
        public void cancel(String reason) {
            cancelReason = reason;
        }

        @Override
        public String status() {
            return "";
        }
    }

    /** The same fraud check, guarded by {@code Workflow.getVersion}. */
    public static class VersionedTransferImpl implements Transfer {
        private final Accounts accounts = Workflow.newActivityStub(Accounts.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
        private final Notifier notifier = Workflow.newActivityStub(Notifier.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
        private String cancelReason;

        // guide: versioned-change begin
        @Override
        public String transfer(String from, String to, long cents) {
            int version = Workflow.getVersion("fraud-check", Workflow.DEFAULT_VERSION, 1);
            if (version >= 1) {
                accounts.checkFraud(from, cents);
            }
            accounts.withdraw(from, cents);
            // the rest as before
            // guide: versioned-change end
            if (Workflow.await(TransferImpl.HOLD, () -> cancelReason != null)) {
                accounts.refund(from, cents);
                return "refunded " + cents + " to " + from + ": " + cancelReason;
            }
            accounts.deposit(to, cents);
            notifier.send(new Notice(to, "received " + cents + " cents from " + from));
            return "moved " + cents + " from " + from + " to " + to;
        }

        @Override
        public void cancel(String reason) {
            cancelReason = reason;
        }

        @Override
        public String status() {
            return "";
        }
    }

    @RegisterExtension
    final TestWorkflowExtension workflows = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(TransferImpl.class)
            .setActivityImplementations(mock(Accounts.class), mock(Notifier.class))
            .build();

    private Path recorded;

    // guide: record-history begin
    @BeforeEach
    void recordATransfer(Transfer transfer, WorkflowClient client, @TempDir Path directory) {
        String workflowId = WorkflowClient.start(transfer::transfer, "alice", "bob", 100L).getWorkflowId();
        client.newUntypedWorkflowStub(workflowId).getResult(String.class);

        recorded = directory.resolve("transfer.json");
        client.fetchHistory(workflowId).write(recorded);
    }
    // guide: record-history end

    // guide: replay-today begin
    @Test
    void theCodeThatRecordedAHistoryReplaysIt() {
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(recorded, TransferImpl.class))
                .doesNotThrowAnyException();
    }
    // guide: replay-today end

    // guide: replay-unguarded begin
    @Test
    void anUnguardedFraudCheckCannotReplayATransferRecordedBeforeIt() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(recorded, FraudCheckedTransferImpl.class))
                .isInstanceOf(NonDeterministicException.class)
                .hasMessageContaining("the activityType differs (withdraw recorded, checkFraud now)");
    }
    // guide: replay-unguarded end

    // guide: replay-versioned begin
    @Test
    void aFraudCheckGuardedByGetVersionReplaysATransferRecordedBeforeIt() {
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(recorded, VersionedTransferImpl.class))
                .doesNotThrowAnyException();
    }
    // guide: replay-versioned end

    // guide: versioned-new-run begin
    @Test
    void aNewTransferRecordsTheVersionAndChecksForFraud() {
        Accounts accounts = mock(Accounts.class);
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            Worker worker = env.newWorker("transfers");
            worker.registerWorkflowImplementationTypes(VersionedTransferImpl.class);
            worker.registerActivitiesImplementations(accounts, mock(Notifier.class));
            env.start();
            Transfer transfer = env.getWorkflowClient().newWorkflowStub(Transfer.class,
                    WorkflowOptions.newBuilder().setTaskQueue("transfers").setWorkflowId("transfer-2").build());

            transfer.transfer("alice", "bob", 100);

            verify(accounts).checkFraud("alice", 100);
            assertThat(env.getWorkflowClient().fetchHistory("transfer-2"))
                    .hasEventsInOrder(EventType.MarkerRecorded, EventType.ActivityTaskScheduled)
                    .hasActivityScheduled("checkFraud");
        }
    }
    // guide: versioned-new-run end
}
