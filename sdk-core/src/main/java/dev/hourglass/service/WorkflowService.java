package dev.hourglass.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.History;
import dev.hourglass.internal.service.InMemoryWorkflowService;
import dev.hourglass.internal.service.RealTimeScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apiguardian.api.API;

/**
 * The service that stores executions and hands out work: workflow tasks, activity tasks, durable timers,
 * activity retries and timeouts, signals, queries, cancellation and termination.
 *
 * <p>The service never runs user code: workers poll it for tasks and report what the code did. Clients and
 * workers take a {@code WorkflowService}; which implementation stands behind it (in memory, a database, a
 * virtual clock in tests) does not change the engine.
 *
 * <pre>{@code
 * WorkflowService service = WorkflowService.inMemory();
 * WorkflowClient client = WorkflowClient.newInstance(service);
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface WorkflowService extends AutoCloseable {

    /** Returns a new in-memory service on the system clock; state lives as long as the object. */
    static WorkflowService inMemory() {
        return inMemory(Clock.systemUTC());
    }

    /** Returns a new in-memory service whose event times and deadlines follow the given clock. */
    static WorkflowService inMemory(Clock clock) {
        return new InMemoryWorkflowService(clock, new RealTimeScheduler(clock), ServiceOptions.getDefaultInstance());
    }

    /** Returns the clock that stamps event times and drives deadlines; never {@code null}. */
    Clock getClock();

    /**
     * Starts a new execution, or throws {@link dev.hourglass.client.WorkflowExecutionAlreadyStartedException}
     * when the workflow id is taken by an open execution or the reuse policy forbids it.
     */
    WorkflowExecution startWorkflow(StartWorkflowRequest request);

    /** Waits up to {@code timeout} for a workflow task (or a query) of the task queue; {@code null} if none. */
    WorkflowTask pollWorkflowTask(String taskQueue, Duration timeout);

    /** Records the commands of a completed workflow task, atomically, as events of the execution. */
    void completeWorkflowTask(String taskToken, List<Command> commands);

    /** Reports a workflow task that failed (a bug or nondeterminism); the task is retried later. */
    void failWorkflowTask(String taskToken, Throwable failure);

    /** Answers a query task handed out by {@link #pollWorkflowTask}; exactly one of the two is non-null. */
    void respondQueryTask(String taskToken, JsonNode result, ObjectNode failure);

    /** Waits up to {@code timeout} for an activity task of the task queue; {@code null} if none. */
    ActivityTask pollActivityTask(String taskQueue, Duration timeout);

    /** Completes an activity attempt; ignored if the attempt is no longer current (timed out, canceled). */
    void completeActivityTask(String taskToken, JsonNode result);

    /** Fails an activity attempt; the service retries it according to its retry policy. */
    void failActivityTask(String taskToken, ObjectNode failure);

    /**
     * Records a heartbeat of an activity attempt and resets its heartbeat timeout.
     *
     * @return {@code true} if cancellation of the activity has been requested (or the attempt is no longer
     *     current), so that the activity should stop
     */
    boolean recordActivityHeartbeat(String taskToken, JsonNode details);

    /** Delivers a signal to the open run of a workflow id ({@code runId} may be {@code null}: the latest). */
    void signalWorkflow(String workflowId, String runId, String signalName, ArrayNode input);

    /** Asks a worker to answer a query from the execution's replayed state; adds no events. */
    JsonNode queryWorkflow(String workflowId, String runId, String queryType, ArrayNode args);

    /** Requests cancellation; the workflow code decides how to react. */
    void requestCancelWorkflow(String workflowId, String runId);

    /** Terminates the execution at once, without running workflow code. */
    void terminateWorkflow(String workflowId, String runId, String reason);

    /** Returns a snapshot of the history of a run ({@code runId} {@code null}: the latest run of the id). */
    History getHistory(String workflowId, String runId);

    /** Returns a future completed with the closed history of the run once it closes. */
    CompletableFuture<History> awaitClose(String workflowId, String runId);

    /** Releases the service's threads; the in-memory state is dropped. Declares no checked exception. */
    @Override
    void close();
}
