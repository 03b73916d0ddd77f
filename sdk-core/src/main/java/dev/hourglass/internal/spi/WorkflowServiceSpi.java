package dev.hourglass.internal.spi;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.ExecutionPage;
import dev.hourglass.client.WorkflowExecutionDescription;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.History;
import dev.hourglass.history.Payload;
import dev.hourglass.service.WorkflowService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The protocol behind a {@link WorkflowService}: what clients and workers ask of the service that stores
 * executions. The in-memory service, the test environment's virtual-time service and the durable stores
 * implement it; applications never call it (they use {@code WorkflowClient} and workers).
 *
 * <p>The contract an implementation keeps, whether it holds state in memory or in a database:
 *
 * <ul>
 *   <li><b>A history only grows.</b> Events are appended with ids 1, 2, 3… and never changed. The commands of a
 *       completed workflow task are appended atomically, all or none, and only if the run has not closed and
 *       the task is still the one handed out: a store appends them in one transaction that checks the next
 *       event id.
 *   <li><b>Tasks are leases.</b> A token names one handing-out of a workflow task or an activity attempt. Until
 *       it is answered or its time runs out (the workflow task timeout; an attempt's start-to-close or heartbeat
 *       timeout), nobody else gets the task. After that the token is stale: a completion with it is ignored,
 *       and the task is handed out again (a workflow task) or retried by its policy (an activity attempt). So a
 *       worker that dies loses nothing, and work is at least once.
 *   <li><b>One workflow task at a time per run.</b> Events that arrive while a task runs are appended once it
 *       ends, and cause the next task. A task may not close the run over events that arrived while it ran.
 *   <li><b>Time is the service's.</b> Event times, timers, retry backoffs and timeouts follow
 *       {@link #getClock()}; timers are durable: they fire after a restart.
 *   <li><b>The service runs no user code.</b> Queries are answered by a worker (they go out like workflow
 *       tasks and add no event).
 * </ul>
 *
 * <p>Polls wait at most their timeout and return {@code null} when nothing came.
 *
 * <p>Calls that cause an event take the {@code identity} of the client or worker that makes them (a plain string,
 * {@code null} for none), which the service records as the event's optional {@code identity} attribute and never
 * interprets; a store keeps it as one nullable text column of the event. The overloads without it are calls with
 * no identity.
 */
public interface WorkflowServiceSpi extends WorkflowService {

    /**
     * The protocol of a service created by Hourglass.
     *
     * @throws IllegalArgumentException if {@code service} is not one (an application's own implementation)
     */
    static WorkflowServiceSpi of(WorkflowService service) {
        if (service instanceof WorkflowServiceSpi) {
            return (WorkflowServiceSpi) service;
        }
        throw new IllegalArgumentException(service.getClass().getName() + " is not a workflow service of Hourglass;"
                + " create one with WorkflowService.inMemory() or use the test environment's");
    }

    /**
     * Starts a new execution, or throws {@link dev.hourglass.client.WorkflowExecutionAlreadyStartedException}
     * when the workflow id is taken by an open execution or the reuse policy forbids it.
     */
    WorkflowExecution startWorkflow(StartWorkflowRequest request);

    /**
     * Signals the open run of the request's workflow id, or, if there is none, starts a run and records the
     * signal right after its {@code WorkflowExecutionStarted} event, before its first workflow task: atomically,
     * so that no other start, signal or task comes in between.
     *
     * @return the run signaled or started
     * @throws dev.hourglass.client.WorkflowExecutionAlreadyStartedException if no run is open and the reuse policy
     *     forbids starting one
     */
    WorkflowExecution signalWithStart(StartWorkflowRequest request, String signalName, Payload signalInput);

    /**
     * Describes a run ({@code runId} {@code null}: the latest run of the id): its metadata, and while it is open the
     * activities, child workflows and timers it waits for. {@link ExecutionViews} derives everything but the
     * pending activities from the history.
     *
     * @throws dev.hourglass.client.WorkflowNotFoundException if there is no such run
     */
    WorkflowExecutionDescription describeWorkflow(String workflowId, String runId);

    /**
     * Returns one page of the runs (open and closed, each run of a workflow id on its own) that match
     * {@code filter}, at most {@link ExecutionFilter#getPageSize()} of them, in {@link ExecutionPageToken#ORDER};
     * the page's token is {@link ExecutionPageToken#encode() the position} of its last run when more follow.
     *
     * @param pageToken {@code null} for the first page, else a token of a previous page
     * @throws IllegalArgumentException if {@code pageToken} is not such a token
     */
    ExecutionPage listWorkflowExecutions(ExecutionFilter filter, String pageToken);

    /**
     * Counts the runs (open and closed, each run of a workflow id on its own) that match {@code filter}, as
     * {@link #listWorkflowExecutions} would list them all; the filter's page size and order play no part. A store
     * counts them where they are (a database with {@code COUNT(*)}), without reading them out.
     */
    long countWorkflowExecutions(ExecutionFilter filter);

    /**
     * Returns the distinct workflow types of the runs the service holds, open and closed, in the natural order of
     * strings ({@link String#compareTo}), whatever order the store keeps them in.
     */
    List<String> listWorkflowTypes();

    /** Waits up to {@code timeout} for a workflow task (or a query) of the task queue; {@code null} if none. */
    WorkflowTask pollWorkflowTask(String taskQueue, Duration timeout);

    /** Records the commands of a completed workflow task, atomically; ignored if the token is stale. */
    void completeWorkflowTask(String taskToken, List<Command> commands);

    /**
     * Records the commands of a completed workflow task as {@link #completeWorkflowTask} does, and hands out the next
     * workflow task (or query) of {@code taskQueue} that is due, as a poll that does not wait would: a store claims
     * it in the completion's own transaction. The caller runs the task it gets as if it had polled for it.
     *
     * @return the next task, or {@code null} if none is due (or the store takes none this way: by default, it
     *     completes the task and returns {@code null}); the caller then polls
     */
    default WorkflowTask completeWorkflowTaskAndTakeNext(String taskToken, List<Command> commands, String taskQueue) {
        completeWorkflowTask(taskToken, commands);
        return null;
    }

    /** Reports a workflow task that failed (a bug or nondeterminism); the task is handed out again later. */
    void failWorkflowTask(String taskToken, Throwable failure);

    /** Answers a query task handed out by {@link #pollWorkflowTask}; exactly one of the two is non-null. */
    void respondQueryTask(String taskToken, Payload result, Payload failure);

    /**
     * Waits up to {@code timeout} for an activity attempt of the task queue; {@code null} if none. The attempt's
     * {@code ActivityTaskStarted} event records {@code identity}, the polling worker's ({@code null} for none).
     */
    ActivityTask pollActivityTask(String taskQueue, String identity, Duration timeout);

    /** Waits up to {@code timeout} for an activity attempt of the task queue, for a worker without an identity. */
    default ActivityTask pollActivityTask(String taskQueue, Duration timeout) {
        return pollActivityTask(taskQueue, null, timeout);
    }

    /**
     * Completes an activity attempt; ignored if the attempt is no longer current (timed out, canceled).
     *
     * @return whether the attempt was current, so that its result was taken
     */
    boolean completeActivityTask(String taskToken, Payload result);

    /**
     * Records an attempt's result as {@link #completeActivityTask} does, and hands out the next due attempt of
     * {@code taskQueue} to worker {@code identity}, as a poll that does not wait would: a store claims it in the
     * completion's own transaction. The caller runs the attempt it gets as if it had polled for it.
     *
     * @return the next attempt, or {@code null} if none is due (or the store hands none out this way: by default,
     *     it completes the attempt and returns {@code null})
     */
    default ActivityTask completeActivityTaskAndTakeNext(String taskToken, Payload result, String taskQueue,
            String identity) {
        completeActivityTask(taskToken, result);
        return null;
    }

    /**
     * Fails an activity attempt with a failure object; the service retries it according to its retry policy, unless
     * cancellation of the activity was requested (the failure then closes the activity). Ignored if the attempt is
     * no longer current.
     *
     * @return whether the attempt was current, so that its failure was taken
     */
    boolean failActivityTask(String taskToken, Payload failure);

    /**
     * Records a heartbeat of an activity attempt and resets its heartbeat timeout.
     *
     * @return whether the attempt goes on, should stop because cancellation of its activity was requested, or is
     *     no longer current (its heartbeat then is not recorded); never {@code null}
     */
    ActivityHeartbeatResponse recordActivityHeartbeat(String taskToken, Payload details);

    /**
     * Reports that an activity attempt stopped because cancellation of its activity was requested: the activity
     * closes as canceled ({@code ActivityTaskCanceled}). Ignored if the attempt is no longer current. If no
     * cancellation was requested, the report counts as a failure of the attempt, retried by its policy.
     *
     * @param details what the attempt reports with its cancellation, recorded in the {@code ActivityTaskCanceled}
     *     event; {@code null} for none
     * @return whether the attempt was current, so that the report was taken
     */
    boolean reportActivityTaskCanceled(String taskToken, Payload details);

    /** Reports that an activity attempt stopped because of a cancellation request, without details. */
    default boolean reportActivityTaskCanceled(String taskToken) {
        return reportActivityTaskCanceled(taskToken, null);
    }

    /**
     * Tells the service that the worker let go of a running attempt without answering it: its activity method
     * returned after asking not to be completed on return, and the attempt awaits an answer through an activity
     * completion client (with its token, from any process on the same store). The attempt keeps running, with its
     * timeouts, until that answer or a timeout. A service that counts running attempts as work in progress (a virtual
     * clock's) stops counting this one; the others need do nothing. Ignored if the attempt is no longer current.
     */
    default void activityAwaitsCompletion(String taskToken) {
    }

    /**
     * Returns the token of the running attempt of activity {@code activityId} of a run, for answering it by id.
     *
     * @param runId the run, or {@code null} for the open run of {@code workflowId}
     * @return the token, or {@code null} if there is no such running attempt: the workflow id or run is unknown, the
     *     run closed, it has no open activity of that id, or the activity has no attempt running now (it is queued for
     *     a worker or waits for a retry)
     */
    String runningActivityTaskToken(String workflowId, String runId, String activityId);

    /**
     * Delivers a signal to the open run of a workflow id ({@code runId} may be {@code null}: the latest), sent by
     * the client of {@code identity} ({@code null} for none).
     */
    void signalWorkflow(String workflowId, String runId, String signalName, Payload input, String identity);

    /** Delivers a signal from a sender without an identity. */
    default void signalWorkflow(String workflowId, String runId, String signalName, Payload input) {
        signalWorkflow(workflowId, runId, signalName, input, null);
    }

    /**
     * Sends an update to the open run of a workflow id ({@code runId} {@code null}: the latest run): keeps it until a
     * workflow task accepts or rejects it, and queues a workflow task to deliver it. An update whose id the run already
     * has is not sent again: the call returns that update's futures.
     *
     * @throws dev.hourglass.client.WorkflowExecutionClosedException if the run has closed
     * @throws dev.hourglass.client.WorkflowNotFoundException if there is no such run
     * @throws UnsupportedOperationException if the service does not take updates
     */
    default UpdateCall updateWorkflow(String workflowId, String runId, UpdateRequest update) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not take workflow updates (update '"
                + update.updateName() + "' to workflow " + workflowId + "); send updates through a service created with"
                + " WorkflowService.inMemory() or the test environment");
    }

    /**
     * Sends an update to the open run of the request's workflow id, or, if there is none, starts a run and sends the
     * update to it, atomically, as {@link #signalWithStart} does for a signal.
     *
     * @throws dev.hourglass.client.WorkflowExecutionAlreadyStartedException if no run is open and the reuse policy
     *     forbids starting one
     * @throws UnsupportedOperationException if the service does not take updates
     */
    default UpdateCall updateWithStart(StartWorkflowRequest request, UpdateRequest update) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not take workflow updates (update '"
                + update.updateName() + "' with start to workflow " + request.workflowId() + "); send updates through"
                + " a service created with WorkflowService.inMemory() or the test environment");
    }

    /**
     * Rejects updates that the workflow task of {@code taskToken} delivered: no event records them, their senders get
     * the failures. Ignored for a stale token, whose updates the next task delivers again.
     */
    default void rejectUpdates(String taskToken, List<UpdateRejection> rejections) {
    }

    /** Asks a worker to answer a query from the execution's replayed state; adds no events. */
    Payload queryWorkflow(String workflowId, String runId, String queryType, Payload args);

    /**
     * Requests cancellation for the client of {@code identity} ({@code null} for none); the workflow code decides
     * how to react.
     */
    void requestCancelWorkflow(String workflowId, String runId, String identity);

    /** Requests cancellation for a client without an identity. */
    default void requestCancelWorkflow(String workflowId, String runId) {
        requestCancelWorkflow(workflowId, runId, null);
    }

    /**
     * Terminates the execution at once, without running workflow code, for the client of {@code identity}
     * ({@code null} for none).
     */
    void terminateWorkflow(String workflowId, String runId, String reason, String identity);

    /** Terminates the execution for a client without an identity. */
    default void terminateWorkflow(String workflowId, String runId, String reason) {
        terminateWorkflow(workflowId, runId, reason, null);
    }

    /**
     * Counts the work of a task queue that is due and not yet taken by a worker: workflow tasks (and queries) and
     * activity attempts. A reading for a metric: it may be out of date by the time it is returned.
     *
     * @return the count, or {@code -1} if this service cannot tell
     */
    default long taskQueueBacklog(String taskQueue) {
        return -1;
    }

    /**
     * Returns how long a worker may hold a workflow task before the service hands it out again; a worker that runs
     * local activities within a task keeps well under it.
     */
    default java.time.Duration getWorkflowTaskTimeout() {
        return dev.hourglass.service.ServiceOptions.getDefaultInstance().getWorkflowTaskTimeout();
    }

    /** Returns a snapshot of the history of a run ({@code runId} {@code null}: the latest run of the id). */
    History getHistory(String workflowId, String runId);

    /**
     * Returns a future completed with the closed history of the run once it closes. The future is the caller's
     * own: canceling it stops that wait (and releases what it holds) without affecting other waiters.
     */
    CompletableFuture<History> awaitClose(String workflowId, String runId);

    /**
     * Returns whether the service is closed: it then takes no new work (a {@link ServiceClosedException}), and
     * the calls that waited on it when it closed got that exception too.
     */
    boolean isClosed();
}
