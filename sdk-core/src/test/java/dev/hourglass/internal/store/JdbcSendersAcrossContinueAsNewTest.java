package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.StoreFixtures.T0;
import static dev.hourglass.internal.store.StoreFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowExecutionClosedException;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.history.WorkflowExecutionContinuedAsNewAttributes;
import dev.hourglass.history.WorkflowExecutionSignaledAttributes;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.spi.UpdateCall;
import dev.hourglass.internal.spi.UpdateRequest;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.internal.store.StoreFixtures.SettableClock;
import dev.hourglass.service.ServiceOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signal, cancellation request, termination or update sent to a workflow id whose run continues as new between the
 * sender's look-up of the run and its lock of it: it reaches the run that continues it. The interleaving is made
 * exactly, by committing the continue-as-new from another thread at {@link JdbcWorkflowService#afterLookUp}.
 *
 * <p>PostgreSQL only: there a sender's look-up locks nothing, so another transaction can close the run before the
 * sender locks it. On SQLite a sender's transaction holds the database's one write lock from its
 * {@code BEGIN IMMEDIATE} on, look-up included, so a continue-as-new commits before it or after it, never between (a
 * continue-as-new committed from the hook would wait for the sender forever).
 */
class JdbcSendersAcrossContinueAsNewTest {

    private static final String WORKFLOW_ID = "transfer-1";
    private static final Payload APPROVED = Payload.fromJson("[true]");

    @TempDir
    Path directory;

    private final SettableClock clock = new SettableClock(T0);
    private ServiceFixture fixture;
    private JdbcWorkflowService service;

    @BeforeEach
    void openService() {
        fixture = ServiceFixture.create(Dialect.POSTGRESQL, directory);
        service = fixture.open(clock, ServiceOptions.getDefaultInstance(), Duration.ofDays(1));
    }

    @AfterEach
    void closeService() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** Starts the workflow and hands its first task to a worker. */
    private WorkflowTask startAndHandOutTask() {
        service.startWorkflow(start(WORKFLOW_ID));
        WorkflowTask task = service.pollWorkflowTask("payments", Duration.ZERO);
        assertThat(task).isNotNull();
        return task;
    }

    /**
     * Has the worker's task record {@code closing} in another transaction, committed at the first look-up of a run
     * the sender makes from now on, before the sender locks the run it found.
     */
    private void closeAtFirstLookUp(WorkflowTask task, EventAttributes closing) {
        AtomicInteger lookUps = new AtomicInteger();
        service.afterLookUp(runId -> {
            if (lookUps.incrementAndGet() == 1) {
                CompletableFuture.runAsync(() -> service.completeWorkflowTask(task.taskToken(),
                        List.of(new Command(closing)))).orTimeout(30, TimeUnit.SECONDS).join();
            }
        });
    }

    private static WorkflowExecutionContinuedAsNewAttributes continueAsNew() {
        return new WorkflowExecutionContinuedAsNewAttributes(null, Payload.fromJson("[\"again\"]"), null, null);
    }

    private History currentRun() {
        return service.getHistory(WORKFLOW_ID, null);
    }

    private static List<EventType> types(History history) {
        return history.getEvents().stream().map(HistoryEvent::getEventType).toList();
    }

    @Test
    void aSignalToTheWorkflowIdReachesTheRunThatContinuesTheOneItFound() {
        WorkflowTask task = startAndHandOutTask();
        closeAtFirstLookUp(task, continueAsNew());

        service.signalWorkflow(WORKFLOW_ID, null, "approve", APPROVED);

        History next = currentRun();
        assertThat(next.getRunId()).isNotEqualTo(task.history().getRunId());
        assertThat(types(next)).containsExactly(EventType.WorkflowExecutionStarted,
                EventType.WorkflowExecutionSignaled);
        assertThat(types(service.getHistory(WORKFLOW_ID, task.history().getRunId())))
                .doesNotContain(EventType.WorkflowExecutionSignaled);
    }

    @Test
    void aCancellationRequestToTheWorkflowIdReachesTheRunThatContinuesTheOneItFound() {
        closeAtFirstLookUp(startAndHandOutTask(), continueAsNew());

        service.requestCancelWorkflow(WORKFLOW_ID, null, "ops");

        assertThat(types(currentRun())).containsExactly(EventType.WorkflowExecutionStarted,
                EventType.WorkflowExecutionCancelRequested);
    }

    @Test
    void aTerminationOfTheWorkflowIdEndsTheRunThatContinuesTheOneItFound() {
        WorkflowTask task = startAndHandOutTask();
        closeAtFirstLookUp(task, continueAsNew());

        service.terminateWorkflow(WORKFLOW_ID, null, "stuck", "ops");

        History next = currentRun();
        assertThat(next.getRunId()).isNotEqualTo(task.history().getRunId());
        assertThat(types(next)).containsExactly(EventType.WorkflowExecutionStarted,
                EventType.WorkflowExecutionTerminated);
    }

    @Test
    void aSignalWithStartSignalsTheRunThatContinuesTheOneItFoundAndStartsNone() {
        WorkflowTask task = startAndHandOutTask();
        closeAtFirstLookUp(task, continueAsNew());

        WorkflowExecution signaled = service.signalWithStart(start(WORKFLOW_ID), "approve", APPROVED);

        History next = currentRun();
        assertThat(signaled.getRunId()).isEqualTo(next.getRunId());
        assertThat(next.getEvents().get(0).getAttributes(
                WorkflowExecutionStartedAttributes.class).continuedFromRunId())
                .isEqualTo(task.history().getRunId());
        assertThat(next.getEvents()).extracting(HistoryEvent::getEventType).containsExactly(
                EventType.WorkflowExecutionStarted, EventType.WorkflowExecutionSignaled);
        assertThat(next.getEvents().get(1).getAttributes(WorkflowExecutionSignaledAttributes.class).withStart())
                .isFalse();
    }

    @Test
    void anUpdateToTheWorkflowIdGoesToTheRunThatContinuesTheOneItFound() {
        WorkflowTask task = startAndHandOutTask();
        closeAtFirstLookUp(task, continueAsNew());

        UpdateCall call = service.updateWorkflow(WORKFLOW_ID, null,
                new UpdateRequest("raise-1", "raiseLimit", Payload.fromJson("[500]"), "ops"));

        assertThat(call.execution().getRunId()).isEqualTo(currentRun().getRunId())
                .isNotEqualTo(task.history().getRunId());
    }

    @Test
    void anUpdateWithStartGoesToTheRunThatContinuesTheOneItFoundAndStartsNone() {
        WorkflowTask task = startAndHandOutTask();
        closeAtFirstLookUp(task, continueAsNew());

        UpdateCall call = service.updateWithStart(start(WORKFLOW_ID),
                new UpdateRequest("raise-1", "raiseLimit", Payload.fromJson("[500]"), "ops"));

        History next = currentRun();
        assertThat(call.execution().getRunId()).isEqualTo(next.getRunId());
        assertThat(next.getEvents().get(0).getAttributes(
                WorkflowExecutionStartedAttributes.class).continuedFromRunId())
                .isEqualTo(task.history().getRunId());
    }

    @Test
    void aSignalToTheRunIdOfARunThatContinuesAsNewMeanwhileFailsSayingItContinued() {
        WorkflowTask task = startAndHandOutTask();
        String first = task.history().getRunId();
        closeAtFirstLookUp(task, continueAsNew());

        assertThatThrownBy(() -> service.signalWorkflow(WORKFLOW_ID, first, "approve", APPROVED))
                .isInstanceOf(WorkflowExecutionClosedException.class)
                .hasMessageContaining("cannot signal approve to workflow " + WORKFLOW_ID + ": its run " + first
                        + " is closed: it continued as new");
        assertThat(types(currentRun())).containsExactly(EventType.WorkflowExecutionStarted);
    }

    @Test
    void aSignalToTheWorkflowIdOfARunThatCompletesMeanwhileFailsSayingItCompleted() {
        WorkflowTask task = startAndHandOutTask();
        closeAtFirstLookUp(task, new WorkflowExecutionCompletedAttributes(Payload.fromJson("\"done\"")));

        assertThatThrownBy(() -> service.signalWorkflow(WORKFLOW_ID, null, "approve", APPROVED))
                .isInstanceOf(WorkflowExecutionClosedException.class)
                .hasMessageContaining("its run " + task.history().getRunId() + " is closed: it completed");
    }

    @Test
    void aSignalWhoseEveryLookUpFindsARunThatContinuesAsNewMeanwhileGivesUpAfterAFewRunsSayingSo() {
        service.startWorkflow(start(WORKFLOW_ID));
        AtomicInteger lookUps = new AtomicInteger();
        service.afterLookUp(runId -> {
            lookUps.incrementAndGet();
            CompletableFuture.runAsync(() -> {
                WorkflowTask task = service.pollWorkflowTask("payments", Duration.ZERO);
                service.completeWorkflowTask(task.taskToken(), List.of(new Command(continueAsNew())));
            }).orTimeout(30, TimeUnit.SECONDS).join();
        });

        assertThatThrownBy(() -> service.signalWorkflow(WORKFLOW_ID, null, "approve", APPROVED))
                .isInstanceOf(WorkflowExecutionClosedException.class)
                .hasMessageContaining("cannot signal approve to workflow " + WORKFLOW_ID + ": each of the 5 runs"
                        + " found open in turn had continued as new")
                .hasMessageContaining("send it again");
        assertThat(lookUps).hasValue(5);
        assertThat(types(currentRun())).containsExactly(EventType.WorkflowExecutionStarted);
    }
}
