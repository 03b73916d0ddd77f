package dev.hourglass.internal.client;

import dev.hourglass.client.UpdateOptions;
import dev.hourglass.client.WorkflowUpdateStage;
import dev.hourglass.internal.common.Defaults;
import dev.hourglass.internal.common.WorkflowInterfaceMetadata;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;

/** Turns calls of a typed workflow stub into starts, results, signals and queries. */
final class TypedStubHandler implements InvocationHandler {

    private final WorkflowInterfaceMetadata metadata;
    private final WorkflowStubImpl untyped;

    TypedStubHandler(WorkflowInterfaceMetadata metadata, WorkflowStubImpl untyped) {
        this.metadata = metadata;
        this.untyped = untyped;
    }

    /** The untyped stub behind a typed one. */
    WorkflowStubImpl untyped() {
        return untyped;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        Object[] arguments = args == null ? new Object[0] : args;
        if (method.getDeclaringClass() == Object.class) {
            switch (method.getName()) {
                case "equals":
                    return proxy == arguments[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                default:
                    return "WorkflowStub(" + metadata.workflowType() + ", " + untyped.getExecution() + ")";
            }
        }
        StartCapture capture = StartCapture.take();
        if (capture != null) {
            capture.captured(new StartCapture.StubCall(untyped, metadata, method, arguments));
            return Defaults.defaultValue(method.getReturnType());
        }
        if (method.equals(metadata.workflowMethod())) {
            if (untyped.getExecution() == null && untyped.canStart()) {
                untyped.start(method, arguments);
            }
            return untyped.getResult(method.getReturnType(), method.getGenericReturnType());
        }
        String signal = metadata.signalName(method);
        if (signal != null) {
            untyped.signal(signal, method, arguments);
            return null;
        }
        String update = metadata.updateName(method);
        if (update != null) {
            return untyped.startUpdate(update, method, UpdateOptions.newBuilder()
                    .setWaitForStage(WorkflowUpdateStage.COMPLETED).build(), method.getReturnType(),
                    method.getGenericReturnType(), arguments).getResult();
        }
        String query = metadata.queryName(method);
        if (query != null) {
            return untyped.query(query, method.getReturnType(), method.getGenericReturnType(), arguments);
        }
        throw new UnsupportedOperationException(method + " is not a @WorkflowMethod, @SignalMethod, @QueryMethod or @UpdateMethod");
    }
}
