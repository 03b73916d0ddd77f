package dev.hourglass.testing.internal;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.ExecutionPage;
import dev.hourglass.client.WorkflowExecutionDescription;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.History;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.service.InMemoryWorkflowService;
import dev.hourglass.internal.spi.ActivityHeartbeatResponse;
import dev.hourglass.internal.spi.ActivityTask;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.spi.ServiceClosedException;
import dev.hourglass.internal.spi.StartWorkflowRequest;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.internal.spi.UpdateCall;
import dev.hourglass.internal.spi.UpdateRejection;
import dev.hourglass.internal.spi.UpdateRequest;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.testing.WorkflowTaskFailedException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The test environment's view of the in-memory service: result waits let virtual time skip and fail fast on
 * workflow task failures, queries and result waits from the driver thread hand the driver role away first,
 * and activity attempts are watched for hangs.
 */
final class TestWorkflowService implements WorkflowServiceSpi {

    private final InMemoryWorkflowService delegate;
    private final VirtualScheduler scheduler;
    private final HungActivities hungActivities;
    private final Map<String, List<CompletableFuture<History>>> waiters = new LinkedHashMap<>();
    /** The faults of the environment's plan, or {@code null} without any: then calls pass straight through. */
    private volatile FaultInjector faults;

    TestWorkflowService(InMemoryWorkflowService delegate, VirtualScheduler scheduler, boolean failFast,
            Duration hungActivityThreshold) {
        this.delegate = delegate;
        this.hungActivities = new HungActivities(delegate, hungActivityThreshold, System::nanoTime);
        scheduler.setHungActivityCheck(hungActivities::check);
        this.scheduler = scheduler;
        if (failFast) {
            delegate.addWorkflowTaskFailureListener(this::failWaiters);
        }
    }

    /** Sets what injects the faults of the environment's plan; set once, before any worker starts. */
    void setFaults(FaultInjector faults) {
        this.faults = faults;
    }

    private void failWaiters(InMemoryWorkflowService.WorkflowTaskFailure failure) {
        List<CompletableFuture<History>> pending;
        synchronized (waiters) {
            pending = waiters.remove(failure.execution().getWorkflowId());
        }
        if (pending != null) {
            WorkflowTaskFailedException error = new WorkflowTaskFailedException(failure.execution(),
                    failure.workflowType(), failure.failure());
            pending.forEach(future -> future.completeExceptionally(error));
        }
    }

    /**
     * Fails every call waiting for a result with a {@link ServiceClosedException} that says {@code why}, naming
     * the workflow it waited for.
     */
    void failWaiters(String why) {
        Map<String, List<CompletableFuture<History>>> pending;
        synchronized (waiters) {
            pending = new LinkedHashMap<>(waiters);
            waiters.clear();
        }
        pending.forEach((workflowId, futures) -> futures.forEach(future -> future.completeExceptionally(
                new ServiceClosedException(why + " for the result of workflow " + workflowId
                        + "; the workflow was still open"))));
    }

    @Override
    public java.time.Duration getWorkflowTaskTimeout() {
        return delegate.getWorkflowTaskTimeout();
    }

    @Override
    public boolean isClosed() {
        return delegate.isClosed();
    }

    @Override
    public CompletableFuture<History> awaitClose(String workflowId, String runId) {
        scheduler.handOver(); // the caller may block on the result: not on the driver thread
        CompletableFuture<History> closedAlready = delegate.awaitClose(workflowId, runId);
        if (closedAlready.isDone()) {
            // nothing to wait for, so virtual time has no reason to move: a result read after the run closed must
            // not let the clock jump to the next timer of other runs
            return closedAlready.copy();
        }
        CompletableFuture<History> result = new CompletableFuture<>();
        synchronized (waiters) {
            waiters.computeIfAbsent(workflowId, id -> new ArrayList<>()).add(result);
        }
        AutoCloseable permit = scheduler.allowSkipping();
        result.whenComplete((history, error) -> {
            closeQuietly(permit);
            synchronized (waiters) {
                List<CompletableFuture<History>> list = waiters.get(workflowId);
                if (list != null) {
                    list.remove(result);
                    if (list.isEmpty()) {
                        waiters.remove(workflowId);
                    }
                }
            }
        });
        // The run closes under the service lock, often on the scheduler's thread in the middle of a task:
        // complete the caller's future after that, so that its callbacks never run under the lock.
        delegate.awaitClose(workflowId, runId).whenComplete((history, error) -> scheduler.runOutsideTask(() -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(history);
            }
        }));
        return result;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Clock getClock() {
        return delegate.getClock();
    }

    @Override
    public WorkflowExecution startWorkflow(StartWorkflowRequest request) {
        return delegate.startWorkflow(request);
    }

    @Override
    public WorkflowExecution signalWithStart(StartWorkflowRequest request, String signalName, Payload signalInput) {
        return delegate.signalWithStart(request, signalName, signalInput);
    }

    @Override
    public WorkflowExecutionDescription describeWorkflow(String workflowId, String runId) {
        return delegate.describeWorkflow(workflowId, runId);
    }

    @Override
    public ExecutionPage listWorkflowExecutions(ExecutionFilter filter, String pageToken) {
        return delegate.listWorkflowExecutions(filter, pageToken);
    }

    @Override
    public long countWorkflowExecutions(ExecutionFilter filter) {
        return delegate.countWorkflowExecutions(filter);
    }

    @Override
    public List<String> listWorkflowTypes() {
        return delegate.listWorkflowTypes();
    }

    @Override
    public WorkflowTask pollWorkflowTask(String taskQueue, Duration timeout) {
        return delegate.pollWorkflowTask(taskQueue, timeout);
    }

    @Override
    public void completeWorkflowTask(String taskToken, List<Command> commands) {
        delegate.completeWorkflowTask(taskToken, commands);
        FaultInjector injector = faults;
        if (injector != null) {
            injector.workflowTaskCompleted();
        }
    }

    @Override
    public void failWorkflowTask(String taskToken, Throwable failure) {
        delegate.failWorkflowTask(taskToken, failure);
    }

    @Override
    public void respondQueryTask(String taskToken, Payload result, Payload failure) {
        delegate.respondQueryTask(taskToken, result, failure);
    }

    @Override
    public ActivityTask pollActivityTask(String taskQueue, String identity, Duration timeout) {
        FaultInjector injector = faults;
        ActivityTask task = injector == null ? delegate.pollActivityTask(taskQueue, identity, timeout)
                : injector.pollActivityTask(taskQueue, identity, timeout);
        hungActivities.started(task);
        return task;
    }

    /** Completes the attempt; an outcome the fault plan loses counts as taken, as the sender cannot tell. */
    @Override
    public boolean completeActivityTask(String taskToken, Payload result) {
        hungActivities.ended(taskToken);
        return losesOutcome(taskToken) || delegate.completeActivityTask(taskToken, result);
    }

    @Override
    public boolean failActivityTask(String taskToken, Payload failure) {
        hungActivities.ended(taskToken);
        return losesOutcome(taskToken) || delegate.failActivityTask(taskToken, failure);
    }

    /**
     * The attempt's method returned and it awaits completion from outside the worker: it is no longer watched for
     * hangs, and virtual time may move on to its timeouts.
     */
    @Override
    public void activityAwaitsCompletion(String taskToken) {
        hungActivities.ended(taskToken);
        delegate.activityAwaitsCompletion(taskToken);
    }

    @Override
    public long taskQueueBacklog(String taskQueue) {
        return delegate.taskQueueBacklog(taskQueue);
    }

    @Override
    public String runningActivityTaskToken(String workflowId, String runId, String activityId) {
        return delegate.runningActivityTaskToken(workflowId, runId, activityId);
    }

    private boolean losesOutcome(String taskToken) {
        FaultInjector injector = faults;
        return injector != null && injector.losesOutcome(taskToken);
    }

    @Override
    public ActivityHeartbeatResponse recordActivityHeartbeat(String taskToken, Payload details) {
        hungActivities.progressed(taskToken);
        return delegate.recordActivityHeartbeat(taskToken, details);
    }

    @Override
    public boolean reportActivityTaskCanceled(String taskToken, Payload details) {
        hungActivities.ended(taskToken);
        return losesOutcome(taskToken) || delegate.reportActivityTaskCanceled(taskToken, details);
    }

    @Override
    public void signalWorkflow(String workflowId, String runId, String signalName, Payload input, String identity) {
        delegate.signalWorkflow(workflowId, runId, signalName, input, identity);
    }

    @Override
    public Payload queryWorkflow(String workflowId, String runId, String queryType, Payload args) {
        // a query waits for the driver to answer it: called from the driver thread (a delayed callback), that
        // thread gives the driver role away first
        scheduler.handOver();
        return delegate.queryWorkflow(workflowId, runId, queryType, args);
    }

    @Override
    public UpdateCall updateWorkflow(String workflowId, String runId, UpdateRequest update) {
        return awaited(() -> delegate.updateWorkflow(workflowId, runId, update));
    }

    @Override
    public UpdateCall updateWithStart(StartWorkflowRequest request, UpdateRequest update) {
        return awaited(() -> delegate.updateWithStart(request, update));
    }

    /**
     * Sends an update whose caller blocks on it, as on a result: virtual time may skip ahead until the update
     * completes (its handler may sleep), and the caller's futures complete outside the task that records the outcome.
     */
    private UpdateCall awaited(Supplier<UpdateCall> send) {
        scheduler.handOver(); // the caller may block on the update: not on the driver thread
        UpdateCall sent = send.get();
        UpdateCall call = sent.relayedTo(new CompletableFuture<>(), new CompletableFuture<>());
        AutoCloseable permit = scheduler.allowSkipping();
        call.completed().whenComplete((completed, error) -> closeQuietly(permit));
        relay(sent.accepted(), call.accepted());
        relay(sent.completed(), call.completed());
        return call;
    }

    private <T> void relay(CompletableFuture<T> from, CompletableFuture<T> to) {
        from.whenComplete((value, error) -> scheduler.runOutsideTask(() -> {
            if (error != null) {
                to.completeExceptionally(error);
            } else {
                to.complete(value);
            }
        }));
    }

    @Override
    public void rejectUpdates(String taskToken, List<UpdateRejection> rejections) {
        delegate.rejectUpdates(taskToken, rejections);
    }

    @Override
    public void requestCancelWorkflow(String workflowId, String runId, String identity) {
        delegate.requestCancelWorkflow(workflowId, runId, identity);
    }

    @Override
    public void terminateWorkflow(String workflowId, String runId, String reason, String identity) {
        delegate.terminateWorkflow(workflowId, runId, reason, identity);
    }

    @Override
    public History getHistory(String workflowId, String runId) {
        return delegate.getHistory(workflowId, runId);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
