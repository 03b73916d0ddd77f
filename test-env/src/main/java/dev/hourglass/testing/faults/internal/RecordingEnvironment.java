package dev.hourglass.testing.faults.internal;

import dev.hourglass.client.ActivityCompletionClient;
import dev.hourglass.client.BatchRequest;
import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.ExecutionPage;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowClientOptions;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowExecutionMetadata;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.History;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A test environment that remembers the workflow ids its client was given (stubs with a workflow id, fetched
 * histories), so that the fuzzer can show the timelines of a failing trial's executions; when told to, it renders
 * them as it closes, while its service is still open.
 */
public final class RecordingEnvironment implements TestWorkflowEnvironment {

    private final TestWorkflowEnvironment delegate;
    private final WorkflowClient client;
    private final boolean renderTimelines;
    private final Set<String> workflowIds = new LinkedHashSet<>();
    private String timelines;
    private boolean closed;

    /**
     * Wraps an environment.
     *
     * @param delegate the environment, just created
     * @param renderTimelines whether {@link #close()} renders the timelines of the named executions first
     */
    public RecordingEnvironment(TestWorkflowEnvironment delegate, boolean renderTimelines) {
        this.delegate = delegate;
        this.renderTimelines = renderTimelines;
        this.client = new RecordingClient(delegate.getWorkflowClient());
    }

    /** The timelines rendered by {@link #close()}, or an empty string. */
    public synchronized String timelines() {
        return timelines == null ? "" : timelines;
    }

    /** Whether {@link #close()} was called. */
    public synchronized boolean isClosed() {
        return closed;
    }

    private synchronized void record(String workflowId) {
        workflowIds.add(workflowId);
    }

    @Override
    public Worker newWorker(String taskQueue) {
        return delegate.newWorker(taskQueue);
    }

    @Override
    public Worker newWorker(String taskQueue, WorkerOptions options) {
        return delegate.newWorker(taskQueue, options);
    }

    @Override
    public WorkflowClient getWorkflowClient() {
        return client;
    }

    @Override
    public WorkflowService getWorkflowService() {
        return delegate.getWorkflowService();
    }

    @Override
    public void start() {
        delegate.start();
    }

    @Override
    public long currentTimeMillis() {
        return delegate.currentTimeMillis();
    }

    @Override
    public void sleep(Duration duration) {
        delegate.sleep(duration);
    }

    @Override
    public void registerDelayedCallback(Duration delay, Runnable callback) {
        delegate.registerDelayedCallback(delay, callback);
    }

    @Override
    public void setTimeSkippingDisabled(boolean disabled) {
        delegate.setTimeSkippingDisabled(disabled);
    }

    @Override
    public long getSeed() {
        return delegate.getSeed();
    }

    @Override
    public String getDiagnostics() {
        return delegate.getDiagnostics();
    }

    @Override
    public List<Path> exportHistories(Path directory) {
        return delegate.exportHistories(directory);
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return delegate.awaitTermination(timeout, unit);
    }

    @Override
    public void close() {
        List<String> ids;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            ids = new ArrayList<>(workflowIds);
        }
        if (renderTimelines) {
            String rendered = Timelines.render(delegate.getWorkflowClient(), ids);
            synchronized (this) {
                timelines = rendered;
            }
        }
        delegate.close();
    }

    /** The environment's client, remembering the workflow ids it is given. */
    private final class RecordingClient implements WorkflowClient {
        private final WorkflowClient client;

        RecordingClient(WorkflowClient client) {
            this.client = client;
        }

        @Override
        public WorkflowService getWorkflowService() {
            return client.getWorkflowService();
        }

        @Override
        public WorkflowClientOptions getOptions() {
            return client.getOptions();
        }

        @Override
        public <T> T newWorkflowStub(Class<T> workflowInterface, WorkflowOptions options) {
            T stub = client.newWorkflowStub(workflowInterface, options);
            if (options.getWorkflowId() != null) {
                record(options.getWorkflowId());
            }
            return stub;
        }

        @Override
        public <T> T newWorkflowStub(Class<T> workflowInterface, String workflowId) {
            T stub = client.newWorkflowStub(workflowInterface, workflowId);
            record(workflowId);
            return stub;
        }

        @Override
        public WorkflowStub newUntypedWorkflowStub(String workflowId) {
            WorkflowStub stub = client.newUntypedWorkflowStub(workflowId);
            record(workflowId);
            return stub;
        }

        @Override
        public WorkflowStub newUntypedWorkflowStub(String workflowType, WorkflowOptions options) {
            WorkflowStub stub = client.newUntypedWorkflowStub(workflowType, options);
            if (options.getWorkflowId() != null) {
                record(options.getWorkflowId());
            }
            return stub;
        }

        @Override
        public ActivityCompletionClient newActivityCompletionClient() {
            return client.newActivityCompletionClient();
        }

        @Override
        public History fetchHistory(String workflowId) {
            History history = client.fetchHistory(workflowId);
            record(workflowId);
            return history;
        }

        @Override
        public History fetchHistory(String workflowId, String runId) {
            History history = client.fetchHistory(workflowId, runId);
            record(workflowId);
            return history;
        }

        @Override
        public BatchRequest newSignalWithStartRequest() {
            return client.newSignalWithStartRequest();
        }

        @Override
        public WorkflowExecution signalWithStart(BatchRequest signalWithStartBatch) {
            WorkflowExecution execution = client.signalWithStart(signalWithStartBatch);
            record(execution.getWorkflowId());
            return execution;
        }

        @Override
        public ExecutionPage listExecutionsPage(ExecutionFilter filter, String pageToken) {
            return client.listExecutionsPage(filter, pageToken);
        }

        @Override
        public Stream<WorkflowExecutionMetadata> listExecutions(ExecutionFilter filter) {
            return client.listExecutions(filter);
        }

        @Override
        public long countExecutions(ExecutionFilter filter) {
            return client.countExecutions(filter);
        }

        @Override
        public List<String> listWorkflowTypes() {
            return client.listWorkflowTypes();
        }
    }
}
