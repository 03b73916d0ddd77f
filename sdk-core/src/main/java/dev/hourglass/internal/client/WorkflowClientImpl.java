package dev.hourglass.internal.client;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowClientOptions;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.history.History;
import dev.hourglass.internal.common.Interfaces;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.common.WorkflowInterfaceMetadata;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.service.WorkflowService;
import java.lang.reflect.Proxy;
import java.util.Objects;

/** The {@link WorkflowClient} over a {@link WorkflowService}. */
public final class WorkflowClientImpl implements WorkflowClient {

    private final WorkflowService handle;
    private final WorkflowServiceSpi service;
    private final WorkflowClientOptions options;
    private final PayloadConverter converter;

    public WorkflowClientImpl(WorkflowService service, WorkflowClientOptions options) {
        this.handle = Objects.requireNonNull(service, "service");
        this.options = Objects.requireNonNull(options, "options");
        this.service = WorkflowServiceSpi.of(service);
        this.converter = PayloadConverter.of(options.getDataConverter());
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
                        null));
    }

    @Override
    public <T> T newWorkflowStub(Class<T> workflowInterface, String workflowId) {
        Objects.requireNonNull(workflowInterface, "workflowInterface");
        Objects.requireNonNull(workflowId, "workflowId");
        WorkflowInterfaceMetadata metadata = Interfaces.workflowInterface(workflowInterface);
        return typedStub(workflowInterface, metadata,
                new WorkflowStubImpl(service, converter, this.options.getIdentity(), metadata.workflowType(), null,
                        Objects.requireNonNull(workflowId, "workflowId")));
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
                Objects.requireNonNull(workflowId, "workflowId"));
    }

    @Override
    public WorkflowStub newUntypedWorkflowStub(String workflowType, WorkflowOptions options) {
        return new WorkflowStubImpl(service, converter, this.options.getIdentity(),
                Objects.requireNonNull(workflowType, "workflowType"),
                Objects.requireNonNull(options, "options"), null);
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
}
