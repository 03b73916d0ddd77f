package dev.hourglass.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.client.WorkflowExecution;
import dev.hourglass.history.History;
import dev.hourglass.internal.service.InMemoryWorkflowService;
import dev.hourglass.service.ActivityTask;
import dev.hourglass.service.Command;
import dev.hourglass.service.StartWorkflowRequest;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.service.WorkflowTask;
import dev.hourglass.testing.WorkflowTaskFailedException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The test environment's view of the in-memory service: result waits let virtual time skip, fail fast on
 * workflow task failures, and complete only after the self-check replay of the closed run.
 */
final class TestWorkflowService implements WorkflowService {

    private final InMemoryWorkflowService delegate;
    private final VirtualScheduler scheduler;
    private final Function<History, CompletableFuture<Void>> selfCheck;
    private final Map<String, List<CompletableFuture<History>>> waiters = new LinkedHashMap<>();

    TestWorkflowService(InMemoryWorkflowService delegate, VirtualScheduler scheduler, boolean failFast,
            Function<History, CompletableFuture<Void>> selfCheck) {
        this.delegate = delegate;
        this.scheduler = scheduler;
        this.selfCheck = selfCheck;
        if (failFast) {
            delegate.addWorkflowTaskFailureListener(this::failWaiters);
        }
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

    @Override
    public CompletableFuture<History> awaitClose(String workflowId, String runId) {
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
        delegate.awaitClose(workflowId, runId).whenComplete((history, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
                return;
            }
            selfCheck.apply(history).whenComplete((ignored, replayError) -> {
                if (replayError != null) {
                    result.completeExceptionally(replayError);
                } else {
                    result.complete(history);
                }
            });
        });
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
    public WorkflowTask pollWorkflowTask(String taskQueue, Duration timeout) {
        return delegate.pollWorkflowTask(taskQueue, timeout);
    }

    @Override
    public void completeWorkflowTask(String taskToken, List<Command> commands) {
        delegate.completeWorkflowTask(taskToken, commands);
    }

    @Override
    public void failWorkflowTask(String taskToken, Throwable failure) {
        delegate.failWorkflowTask(taskToken, failure);
    }

    @Override
    public void respondQueryTask(String taskToken, JsonNode result, ObjectNode failure) {
        delegate.respondQueryTask(taskToken, result, failure);
    }

    @Override
    public ActivityTask pollActivityTask(String taskQueue, Duration timeout) {
        return delegate.pollActivityTask(taskQueue, timeout);
    }

    @Override
    public void completeActivityTask(String taskToken, JsonNode result) {
        delegate.completeActivityTask(taskToken, result);
    }

    @Override
    public void failActivityTask(String taskToken, ObjectNode failure) {
        delegate.failActivityTask(taskToken, failure);
    }

    @Override
    public boolean recordActivityHeartbeat(String taskToken, JsonNode details) {
        return delegate.recordActivityHeartbeat(taskToken, details);
    }

    @Override
    public void signalWorkflow(String workflowId, String runId, String signalName, ArrayNode input) {
        delegate.signalWorkflow(workflowId, runId, signalName, input);
    }

    @Override
    public JsonNode queryWorkflow(String workflowId, String runId, String queryType, ArrayNode args) {
        return delegate.queryWorkflow(workflowId, runId, queryType, args);
    }

    @Override
    public void requestCancelWorkflow(String workflowId, String runId) {
        delegate.requestCancelWorkflow(workflowId, runId);
    }

    @Override
    public void terminateWorkflow(String workflowId, String runId, String reason) {
        delegate.terminateWorkflow(workflowId, runId, reason);
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
