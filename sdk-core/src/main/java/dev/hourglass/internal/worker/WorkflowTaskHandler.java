package dev.hourglass.internal.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.history.History;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.internal.replay.WorkflowExecutor;
import dev.hourglass.internal.replay.WorkflowImplementation;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.service.WorkflowTask;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs workflow tasks and queries of one worker, using the factory's execution cache. */
final class WorkflowTaskHandler {

    private static final Logger log = LoggerFactory.getLogger(WorkflowTaskHandler.class);

    private final WorkflowService service;
    private final WorkflowCache cache;
    private final Map<String, WorkflowImplementation> implementations;
    private final String taskQueue;
    private final boolean strictReplay;

    WorkflowTaskHandler(WorkflowService service, WorkflowCache cache,
            Map<String, WorkflowImplementation> implementations, String taskQueue, boolean strictReplay) {
        this.strictReplay = strictReplay;
        this.service = service;
        this.cache = cache;
        this.implementations = implementations;
        this.taskQueue = taskQueue;
    }

    void handle(WorkflowTask task) {
        if (task.isQuery()) {
            answerQuery(task);
            return;
        }
        History history = task.history();
        WorkflowImplementation implementation = implementations.get(history.getWorkflowType());
        if (implementation == null) {
            service.failWorkflowTask(task.taskToken(), new IllegalStateException("no implementation of workflow type '"
                    + history.getWorkflowType() + "' is registered on the worker of task queue '" + taskQueue
                    + "'; registered: " + implementations.keySet()));
            return;
        }
        WorkflowExecutor executor = executorFor(history.getRunId(), task.completedEventCount(), implementation);
        WorkflowExecutor.TaskResult result;
        try {
            result = executor.processWorkflowTask(history);
        } catch (RuntimeException | Error e) {
            result = new WorkflowExecutor.TaskResult(java.util.List.of(), e);
        }
        if (result.failure() != null) {
            executor.destroy();
            log.error("workflow task of {} (workflowId={}, runId={}) failed; it will be retried:",
                    history.getWorkflowType(), history.getWorkflowId(), history.getRunId(), result.failure());
            service.failWorkflowTask(task.taskToken(), result.failure());
            return;
        }
        // Cached before the service hears of the completion: from then on the run's next task, or a query,
        // may arrive on another poller and must find this execution rather than rebuild an older copy.
        if (executor.isClosed()) {
            executor.destroy();
        } else {
            cache.put(history.getRunId(), new WorkflowCache.Entry(executor,
                    history.getEvents().size() + result.commands().size()));
        }
        try {
            service.completeWorkflowTask(task.taskToken(), result.commands());
        } catch (RuntimeException e) {
            WorkflowCache.Entry stale = cache.take(history.getRunId());
            if (stale != null) {
                stale.executor().destroy();
            }
            throw e;
        }
    }

    private WorkflowExecutor executorFor(String runId, int completedEventCount, WorkflowImplementation implementation) {
        WorkflowCache.Entry cached = cache.take(runId);
        if (cached != null) {
            if (cached.processedEventCount() == completedEventCount) {
                return cached.executor();
            }
            cached.executor().destroy();
        }
        return new WorkflowExecutor(implementation, strictReplay);
    }

    private void answerQuery(WorkflowTask task) {
        History history = task.history();
        WorkflowImplementation implementation = implementations.get(history.getWorkflowType());
        if (implementation == null) {
            service.respondQueryTask(task.taskToken(), null, FailureConverter.toJson(new IllegalStateException(
                    "no implementation of workflow type '" + history.getWorkflowType() + "' is registered")));
            return;
        }
        WorkflowCache.Entry cached = cache.take(history.getRunId());
        if (cached != null && cached.processedEventCount() != history.getEvents().size()) {
            // the cached execution has not seen every event of the history the query is about: answer from
            // a replay of that history and keep the cached one for the run's next task
            cache.put(history.getRunId(), cached);
            cached = null;
        }
        WorkflowExecutor executor = cached != null ? cached.executor() : new WorkflowExecutor(implementation, strictReplay);
        try {
            if (cached == null) {
                executor.replay(history);
            }
            JsonNode answer = executor.query(task.queryType(), task.queryArgs());
            service.respondQueryTask(task.taskToken(), answer, null);
        } catch (RuntimeException | Error e) {
            ObjectNode failure = FailureConverter.toJson(e);
            service.respondQueryTask(task.taskToken(), null, failure);
        } finally {
            if (cached != null) {
                cache.put(history.getRunId(), cached);
            } else {
                executor.destroy();
            }
        }
    }
}
