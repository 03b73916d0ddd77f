package dev.hourglass.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hourglass.client.WorkflowQueryException;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.spi.ServiceClosedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Queries of the in-memory service: a query is queued on the workflow's task queue like a workflow task,
 * a worker answers it from the replayed state, and no event is added to the history.
 */
final class Queries {

    private final InMemoryWorkflowService service;
    private final Map<String, CompletableFuture<Payload>> pending = new HashMap<>();

    Queries(InMemoryWorkflowService service) {
        this.service = service;
    }

    Payload query(String workflowId, String runId, String queryType, Payload args) {
        CompletableFuture<Payload> answer = new CompletableFuture<>();
        Run run;
        String token;
        service.lock.lock();
        try {
            service.requireOpen("query " + queryType + " of workflow " + workflowId);
            run = service.findRun(workflowId, runId);
            token = service.newToken("q-");
            pending.put(token, answer);
            TaskQueue queue = service.queue(run.taskQueue);
            queue.addQuery(new TaskQueue.QueryItem(token, run, queryType, args));
            service.workQueued(queue, false);
        } finally {
            service.lock.unlock();
        }
        long timeoutMillis = service.options.getQueryTimeout().toMillis();
        try {
            return answer.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new WorkflowQueryException(run.execution(), queryType, "no worker answered query '" + queryType
                    + "' within " + service.options.getQueryTimeout() + ": is a worker polling task queue '"
                    + run.taskQueue + "' with workflow type " + run.workflowType + " registered?", null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WorkflowQueryException) {
                // the worker's answer knows neither the execution nor the query type: name them
                throw new WorkflowQueryException(run.execution(), queryType, e.getCause().getMessage(),
                        e.getCause().getCause());
            }
            throw (RuntimeException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkflowQueryException(run.execution(), queryType, "interrupted while waiting for the query", e);
        } finally {
            service.lock.lock();
            try {
                pending.remove(token);
            } finally {
                service.lock.unlock();
            }
        }
    }

    void respond(String taskToken, Payload result, Payload failure) {
        CompletableFuture<Payload> answer;
        service.lock.lock();
        try {
            answer = pending.remove(taskToken);
        } finally {
            service.lock.unlock();
        }
        if (answer == null) {
            return;
        }
        if (failure != null) {
            JsonNode node = JsonPayload.node(failure);
            answer.completeExceptionally(new WorkflowQueryException(null, null,
                    "query failed: " + node.path("message").asText(), FailureConverter.fromJson(node)));
        } else {
            answer.complete(result);
        }
    }

    /** Fails every query still waiting for an answer: the service closed. */
    void closeAll() {
        List<CompletableFuture<Payload>> waiting;
        service.lock.lock();
        try {
            waiting = new ArrayList<>(pending.values());
            pending.clear();
        } finally {
            service.lock.unlock();
        }
        waiting.forEach(answer -> answer.completeExceptionally(
                new ServiceClosedException("the workflow service was closed before a worker answered the query")));
    }
}
