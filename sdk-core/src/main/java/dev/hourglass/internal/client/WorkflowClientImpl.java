package dev.hourglass.internal.client;

import dev.hourglass.client.ActivityCompletionClient;
import dev.hourglass.client.BatchRequest;
import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.ExecutionPage;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowClientCallsInterceptor;
import dev.hourglass.client.WorkflowClientOptions;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowExecutionMetadata;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.History;
import dev.hourglass.internal.common.Interfaces;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.common.WorkflowInterfaceMetadata;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.service.WorkflowService;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** The {@link WorkflowClient} over a {@link WorkflowService}. */
public final class WorkflowClientImpl implements WorkflowClient {

    private final WorkflowService handle;
    private final WorkflowServiceSpi service;
    private final WorkflowClientOptions options;
    private final PayloadConverter converter;
    /** The head of the client's interceptor chain, which every workflow stub's calls go through. */
    private final WorkflowClientCallsInterceptor calls;

    public WorkflowClientImpl(WorkflowService service, WorkflowClientOptions options) {
        this.handle = Objects.requireNonNull(service, "service");
        this.options = Objects.requireNonNull(options, "options");
        this.service = WorkflowServiceSpi.of(service);
        this.converter = PayloadConverter.of(options.getDataConverter(),
                options.getPayloadCodecs());
        this.calls = RootWorkflowClientCalls.chain(this.service, converter, options.getIdentity(),
                options.getInterceptors());
    }

    @Override
    public WorkflowClientOptions getOptions() {
        return options;
    }

    @Override
    public WorkflowService getWorkflowService() {
        return handle;
    }

    @Override
    public <T> T newWorkflowStub(Class<T> workflowInterface, WorkflowOptions options) {
        Objects.requireNonNull(workflowInterface, "workflowInterface");
        Objects.requireNonNull(options, "options");
        WorkflowInterfaceMetadata metadata = Interfaces.workflowInterface(workflowInterface);
        return typedStub(workflowInterface, metadata,
                new WorkflowStubImpl(service, converter, this.options.getIdentity(), metadata.workflowType(), options,
                        null, calls));
    }

    @Override
    public <T> T newWorkflowStub(Class<T> workflowInterface, String workflowId) {
        Objects.requireNonNull(workflowInterface, "workflowInterface");
        Objects.requireNonNull(workflowId, "workflowId");
        WorkflowInterfaceMetadata metadata = Interfaces.workflowInterface(workflowInterface);
        return typedStub(workflowInterface, metadata,
                new WorkflowStubImpl(service, converter, this.options.getIdentity(), metadata.workflowType(), null,
                        Objects.requireNonNull(workflowId, "workflowId"), calls));
    }

    private static <T> T typedStub(Class<T> workflowInterface, WorkflowInterfaceMetadata metadata,
            WorkflowStubImpl untyped) {
        Object proxy = Proxy.newProxyInstance(workflowInterface.getClassLoader(), new Class<?>[] {workflowInterface},
                new TypedStubHandler(metadata, untyped));
        return workflowInterface.cast(proxy);
    }

    @Override
    public WorkflowStub newUntypedWorkflowStub(String workflowId) {
        return new WorkflowStubImpl(service, converter, this.options.getIdentity(), null, null,
                Objects.requireNonNull(workflowId, "workflowId"), calls);
    }

    @Override
    public WorkflowStub newUntypedWorkflowStub(String workflowType, WorkflowOptions options) {
        return new WorkflowStubImpl(service, converter, this.options.getIdentity(),
                Objects.requireNonNull(workflowType, "workflowType"),
                Objects.requireNonNull(options, "options"), null, calls);
    }

    @Override
    public ActivityCompletionClient newActivityCompletionClient() {
        return new ActivityCompletionClientImpl(service, converter);
    }

    @Override
    public History fetchHistory(String workflowId) {
        Objects.requireNonNull(workflowId, "workflowId");
        return service.getHistory(workflowId, null);
    }

    @Override
    public History fetchHistory(String workflowId, String runId) {
        Objects.requireNonNull(workflowId, "workflowId");
        return service.getHistory(workflowId, runId);
    }

    @Override
    public BatchRequest newSignalWithStartRequest() {
        return new BatchRequestImpl();
    }

    @Override
    public WorkflowExecution signalWithStart(BatchRequest signalWithStartBatch) {
        Objects.requireNonNull(signalWithStartBatch, "signalWithStartBatch");
        if (!(signalWithStartBatch instanceof BatchRequestImpl)) {
            throw new IllegalArgumentException("signalWithStart needs a request from"
                    + " WorkflowClient.newSignalWithStartRequest(), got " + signalWithStartBatch.getClass().getName());
        }
        return ((BatchRequestImpl) signalWithStartBatch).send();
    }

    @Override
    public ExecutionPage listExecutionsPage(ExecutionFilter filter, String pageToken) {
        Objects.requireNonNull(filter, "filter");
        ExecutionPage page = service.listWorkflowExecutions(filter, pageToken);
        // memo values decode with this client's converter and codecs
        List<WorkflowExecutionMetadata> executions = new ArrayList<>();
        page.getExecutions().forEach(run -> executions.add(new WorkflowExecutionMetadata(run,
                converter.dataConverter(), converter.codecs().codecs())));
        return new ExecutionPage(executions, page.getNextPageToken().orElse(null));
    }

    @Override
    public long countExecutions(ExecutionFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return service.countWorkflowExecutions(filter);
    }

    @Override
    public List<String> listWorkflowTypes() {
        return List.copyOf(service.listWorkflowTypes());
    }

    @Override
    public Stream<WorkflowExecutionMetadata> listExecutions(ExecutionFilter filter) {
        Objects.requireNonNull(filter, "filter");
        Iterator<WorkflowExecutionMetadata> pages = new Iterator<>() {
            private Iterator<WorkflowExecutionMetadata> page;
            private String nextPageToken;
            private boolean last;

            @Override
            public boolean hasNext() {
                while ((page == null || !page.hasNext()) && !last) {
                    ExecutionPage fetched = listExecutionsPage(filter, nextPageToken);
                    page = fetched.getExecutions().iterator();
                    nextPageToken = fetched.getNextPageToken().orElse(null);
                    last = nextPageToken == null;
                }
                return page.hasNext();
            }

            @Override
            public WorkflowExecutionMetadata next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more executions match " + filter);
                }
                return page.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
