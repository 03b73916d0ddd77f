package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.LocalActivityOptions;
import dev.hourglass.client.UpdateOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowExecutionClosedException;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.client.WorkflowUpdateHandle;
import dev.hourglass.client.WorkflowUpdateStage;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionContinuedAsNewAttributes;
import dev.hourglass.history.WorkflowExecutionUpdateAcceptedAttributes;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.internal.spi.UpdateCall;
import dev.hourglass.internal.spi.UpdateRequest;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.UpdateMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Updates and continue-as-new: an update the old run never accepted is answered by the new run (unless its sender
 * named the old run), one accepted whose handler had not finished fails saying what to do, and
 * {@code Workflow.isEveryHandlerFinished} lets the workflow wait for its handlers before it continues as new.
 */
class UpdatesAcrossContinueAsNewTest {

    /** A gate the first run passes right before it continues as new: the test holds it shut to send meanwhile. */
    @ActivityInterface
    public interface Gate {
        void pass();
    }

    /** Lets every caller through unless {@link #shut()}; says when a caller waits. */
    public static final class GateImpl implements Gate {
        private volatile CountDownLatch open = new CountDownLatch(0);
        private final CountDownLatch reached = new CountDownLatch(1);

        void shut() {
            open = new CountDownLatch(1);
        }

        void open() {
            open.countDown();
        }

        void awaitReached() throws InterruptedException {
            assertThat(reached.await(30, TimeUnit.SECONDS)).as("the first run reached the gate").isTrue();
        }

        @Override
        public void pass() {
            reached.countDown();
            try {
                open.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @WorkflowInterface
    public interface Ledger {
        @WorkflowMethod
        List<String> keep(int generation, boolean waitForHandlers);

        /** Adds an entry at once; answers with the generation of the run that took it. */
        @UpdateMethod
        String post(String entry);

        /** Adds an entry once released. */
        @UpdateMethod
        String hold(String entry);

        @SignalMethod
        void rollOver();

        @SignalMethod
        void release();

        @SignalMethod
        void finish();
    }

    /** The first generation continues as new when told to (waiting for its handlers, or not); the next one keeps. */
    public static class LedgerImpl implements Ledger {
        private final Gate gate = Workflow.newLocalActivityStub(Gate.class, LocalActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(60)).build());
        private final List<String> entries = new ArrayList<>();
        private int generation;
        private boolean rollOver;
        private boolean released;
        private boolean finished;

        @Override
        public List<String> keep(int generation, boolean waitForHandlers) {
            this.generation = generation;
            if (generation == 0) {
                Workflow.await(() -> rollOver);
                gate.pass();
                if (waitForHandlers) {
                    Workflow.await(Workflow::isEveryHandlerFinished);
                }
                Workflow.continueAsNew(generation + 1, waitForHandlers);
            }
            Workflow.await(() -> finished);
            return entries;
        }

        @Override
        public String post(String entry) {
            entries.add(entry);
            return entry + " in generation " + generation;
        }

        @Override
        public String hold(String entry) {
            Workflow.await(() -> released);
            entries.add(entry);
            return entry + " held in generation " + generation;
        }

        @Override
        public void rollOver() {
            rollOver = true;
        }

        @Override
        public void release() {
            released = true;
        }

        @Override
        public void finish() {
            finished = true;
        }
    }

    private final GateImpl gate = new GateImpl();

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(LedgerImpl.class)
            .registerActivitiesImplementations(gate)
            .build();

    private WorkflowExecution started(String workflowId, boolean waitForHandlers) {
        Ledger ledger = env.newWorkflowStub(Ledger.class, workflowId);
        return WorkflowClient.start(ledger::keep, 0, waitForHandlers);
    }

    /** Sends {@code post} to the first run while it is about to continue as new; the run takes no update then. */
    private UpdateCall postWhileContinuingAsNew(WorkflowExecution first, String runId, String updateId)
            throws InterruptedException {
        gate.shut();
        WorkflowStub stub = env.client().newUntypedWorkflowStub(first.getWorkflowId());
        stub.signal("rollOver");
        gate.awaitReached();
        // the workflow task that continues as new runs: an update recorded now is not delivered to it
        UpdateCall call = env.service().updateWorkflow(first.getWorkflowId(), runId,
                new UpdateRequest(updateId, "post", Payload.ofArguments("rent"), "test"));
        gate.open();
        return call;
    }

    private static List<EventType> types(History history) {
        return history.getEvents().stream().map(HistoryEvent::getEventType).toList();
    }

    private String nextRunId(WorkflowExecution first) {
        History firstRun = env.client().fetchHistory(first.getWorkflowId(), first.getRunId());
        HistoryEvent last = firstRun.getEvents().get(firstRun.getEvents().size() - 1);
        return last.getAttributes(WorkflowExecutionContinuedAsNewAttributes.class).newRunId();
    }

    @Test
    void anUpdateSentWhileTheRunContinuesAsNewIsAnsweredByTheNewRun() throws Exception {
        WorkflowExecution first = started("ledger-1", false);

        UpdateCall call = postWhileContinuingAsNew(first, null, "post-rent");

        assertThat(call.completed().get(30, TimeUnit.SECONDS).result().toJson())
                .isEqualTo("\"rent in generation 1\"");
        String next = nextRunId(first);
        assertThat(call.execution()).isEqualTo(new WorkflowExecution("ledger-1", next));
        assertThat(types(env.client().fetchHistory("ledger-1", first.getRunId())))
                .doesNotContain(EventType.WorkflowExecutionUpdateAccepted);
        assertThat(env.history("ledger-1").getEvents()).filteredOn(event ->
                event.getEventType() == EventType.WorkflowExecutionUpdateAccepted)
                .extracting(event -> event.getAttributes(WorkflowExecutionUpdateAcceptedAttributes.class).updateId())
                .containsExactly("post-rent");
        env.client().newUntypedWorkflowStub("ledger-1").signal("finish");
        assertThat(env.client().newUntypedWorkflowStub("ledger-1").getResult(List.class)).containsExactly("rent");
    }

    @Test
    void theClientsHandleOfACarriedOverUpdateGetsTheNewRunsResult() throws Exception {
        WorkflowExecution first = started("ledger-2", false);
        postWhileContinuingAsNew(first, null, "post-rent");
        WorkflowStub stub = env.client().newUntypedWorkflowStub("ledger-2");

        // sent again with its id, as a client that retries does: the same update, not a second one
        WorkflowUpdateHandle<String> handle = stub.startUpdate("post", UpdateOptions.newBuilder()
                .setUpdateId("post-rent").setWaitForStage(WorkflowUpdateStage.COMPLETED).build(), String.class,
                "rent");

        assertThat(handle.getResult()).isEqualTo("rent in generation 1");
        assertThat(handle.getExecution().getRunId()).isEqualTo(nextRunId(first));
        stub.signal("finish");
        assertThat(stub.getResult(List.class)).containsExactly("rent");
    }

    @Test
    void anUpdateSentToTheOldRunByItsIdFailsWhenItContinuesAsNew() throws Exception {
        WorkflowExecution first = started("ledger-3", false);

        UpdateCall call = postWhileContinuingAsNew(first, first.getRunId(), "post-pinned");

        assertThatThrownBy(() -> call.completed().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(WorkflowExecutionClosedException.class)
                .hasMessageContaining("update 'post' (id post-pinned)")
                .hasMessageContaining("sent to run " + first.getRunId() + " by its run id")
                .hasMessageContaining("continued as new")
                .hasMessageContaining("no run id");
        WorkflowStub stub = env.client().newUntypedWorkflowStub("ledger-3");
        stub.signal("finish");
        assertThat(stub.getResult(List.class)).isEmpty();
    }

    @Test
    void anAcceptedUpdateWhoseHandlerHasNotFinishedFailsSayingToWaitForHandlers() {
        WorkflowExecution first = started("ledger-4", false);
        WorkflowStub stub = env.client().newUntypedWorkflowStub("ledger-4");
        WorkflowUpdateHandle<String> held = stub.startUpdate("hold", UpdateOptions.newBuilder()
                .setUpdateId("hold-desk").setWaitForStage(WorkflowUpdateStage.ACCEPTED).build(), String.class,
                "desk");

        stub.signal("rollOver");

        assertThatThrownBy(held::getResult)
                .isInstanceOf(WorkflowExecutionClosedException.class)
                .hasMessageContaining("update 'hold' (id hold-desk) of workflow ledger-4 was accepted by run "
                        + first.getRunId())
                .hasMessageContaining("had not finished when the run closed: it continued as new")
                .hasMessageContaining("Workflow.await(Workflow::isEveryHandlerFinished)");
        stub.signal("finish");
        assertThat(stub.getResult(List.class)).isEmpty();
    }

    @Test
    void aRunThatContinuesAsNewWhileAnUpdateHandlerRunsNamesTheUpdateOnce() {
        started("ledger-6", false);
        WorkflowStub stub = env.client().newUntypedWorkflowStub("ledger-6");
        WorkflowUpdateHandle<String> held = stub.startUpdate("hold", UpdateOptions.newBuilder()
                .setUpdateId("hold-chair").setWaitForStage(WorkflowUpdateStage.ACCEPTED).build(), String.class,
                "chair");

        String output = SystemErr.capture(() -> {
            stub.signal("rollOver");
            assertThatThrownBy(held::getResult).isInstanceOf(WorkflowExecutionClosedException.class);
        });

        assertThat(output).containsOnlyOnce("continued as new while handlers were still running (signals [],"
                + " updates [hold (id hold-chair)])");
        stub.signal("finish");
        stub.getResult(List.class);
    }

    @Test
    void theReplayOfARunCutShortWhileAnUpdateHandlerRanSaysNothing() {
        WorkflowExecution first = started("ledger-7", false);
        WorkflowStub stub = env.client().newUntypedWorkflowStub("ledger-7");
        WorkflowUpdateHandle<String> held = stub.startUpdate("hold", UpdateOptions.newBuilder()
                .setUpdateId("hold-lamp").setWaitForStage(WorkflowUpdateStage.ACCEPTED).build(), String.class,
                "lamp");
        stub.signal("rollOver");
        assertThatThrownBy(held::getResult).isInstanceOf(WorkflowExecutionClosedException.class);
        History firstRun = env.client().fetchHistory("ledger-7", first.getRunId());

        String replayed = SystemErr.capture(() -> Replayer.replay(firstRun, false, LedgerImpl.class));

        assertThat(replayed).doesNotContain("still running");
        stub.signal("finish");
        stub.getResult(List.class);
    }

    @Test
    void aWorkflowThatWaitsForEveryHandlerLetsTheUpdateCompleteBeforeContinuingAsNew() {
        WorkflowExecution first = started("ledger-5", true);
        WorkflowStub stub = env.client().newUntypedWorkflowStub("ledger-5");
        WorkflowUpdateHandle<String> held = stub.startUpdate("hold", UpdateOptions.newBuilder()
                .setUpdateId("hold-desk").setWaitForStage(WorkflowUpdateStage.ACCEPTED).build(), String.class,
                "desk");
        stub.signal("rollOver");

        stub.signal("release");

        assertThat(held.getResult()).isEqualTo("desk held in generation 0");
        env.awaitHistory("ledger-5", "the next run", history -> !history.getRunId().equals(first.getRunId()));
        assertThat(types(env.client().fetchHistory("ledger-5", first.getRunId()))).containsSubsequence(
                EventType.WorkflowExecutionSignaled, EventType.WorkflowExecutionUpdateCompleted,
                EventType.WorkflowExecutionContinuedAsNew);
        stub.signal("finish");
        assertThat(stub.getResult(List.class)).isEmpty();
    }
}
