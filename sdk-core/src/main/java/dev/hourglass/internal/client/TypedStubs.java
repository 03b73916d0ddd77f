package dev.hourglass.internal.client;

import dev.hourglass.client.WorkflowStub;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

/** Finds the untyped stub behind a typed workflow stub of a client. */
public final class TypedStubs {

    private TypedStubs() {
    }

    /**
     * The untyped stub that a typed stub from {@code WorkflowClient.newWorkflowStub} delegates to.
     *
     * @throws IllegalArgumentException if {@code typedStub} is not such a stub
     */
    public static WorkflowStub untyped(Object typedStub) {
        if (typedStub != null && Proxy.isProxyClass(typedStub.getClass())) {
            InvocationHandler handler = Proxy.getInvocationHandler(typedStub);
            if (handler instanceof TypedStubHandler) {
                return ((TypedStubHandler) handler).untyped();
            }
        }
        throw new IllegalArgumentException("WorkflowStub.fromTyped needs a typed workflow stub from"
                + " WorkflowClient.newWorkflowStub, got " + (typedStub == null ? "null"
                : "an instance of " + typedStub.getClass().getName()) + "; a child workflow stub of workflow code"
                + " or an implementation object has no untyped client stub");
    }
}
