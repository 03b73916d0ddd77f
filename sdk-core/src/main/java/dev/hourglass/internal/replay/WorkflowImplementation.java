package dev.hourglass.internal.replay;

import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.failure.NondeterministicCallError;
import dev.hourglass.internal.common.Interfaces;
import dev.hourglass.internal.common.WorkflowInterfaceMetadata;
import dev.hourglass.worker.WorkflowImplementationOptions;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A registered workflow implementation, a class or a factory of instances, with the metadata of the interface it
 * implements.
 */
public final class WorkflowImplementation {

    private final Class<?> implementationClass;
    private final WorkflowInterfaceMetadata metadata;
    private final Supplier<?> factory;
    private final WorkflowImplementationOptions options;

    private WorkflowImplementation(Class<?> implementationClass, WorkflowInterfaceMetadata metadata,
            Supplier<?> factory, WorkflowImplementationOptions options) {
        this.implementationClass = implementationClass;
        this.metadata = metadata;
        this.factory = factory;
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Reads an implementation class, with no implementation options; fails with a message saying what to fix. */
    public static WorkflowImplementation of(Class<?> implementationClass) {
        return of(implementationClass, WorkflowImplementationOptions.getDefaultInstance());
    }

    /** Reads an implementation class run with {@code options}; fails with a message saying what to fix. */
    public static WorkflowImplementation of(Class<?> implementationClass, WorkflowImplementationOptions options) {
        if (implementationClass.isInterface() || Modifier.isAbstract(implementationClass.getModifiers())) {
            throw new IllegalArgumentException(implementationClass.getName() + " is not a concrete class:"
                    + " register the workflow implementation class, not its interface");
        }
        WorkflowInterfaceMetadata metadata = Interfaces.workflowInterfaceOfImplementation(implementationClass);
        try {
            Constructor<?> constructor = implementationClass.getDeclaredConstructor();
            constructor.setAccessible(true);
            return new WorkflowImplementation(implementationClass, metadata, () -> Reflection.newInstance(constructor),
                    options);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(implementationClass.getName() + " has no constructor without"
                    + " arguments: the worker creates one workflow object per execution with it", e);
        }
    }

    /**
     * Reads a workflow interface whose instances {@code factory} creates, one per execution; fails with a message
     * saying what to fix. Each instance is checked to implement the interface when it is created.
     */
    public static WorkflowImplementation ofFactory(Class<?> workflowInterface, Supplier<?> factory) {
        return ofFactory(workflowInterface, factory, WorkflowImplementationOptions.getDefaultInstance());
    }

    /** Reads a workflow interface like {@link #ofFactory(Class, Supplier)}, its executions run with {@code options}. */
    public static WorkflowImplementation ofFactory(Class<?> workflowInterface, Supplier<?> factory,
            WorkflowImplementationOptions options) {
        Objects.requireNonNull(factory, "factory");
        if (!workflowInterface.isInterface()) {
            throw new IllegalArgumentException(workflowInterface.getName() + " is not an interface: a workflow"
                    + " implementation factory is registered for the @WorkflowInterface its instances implement");
        }
        WorkflowInterfaceMetadata metadata = Interfaces.workflowInterface(workflowInterface);
        return new WorkflowImplementation(workflowInterface, metadata, () -> {
            Object instance = factory.get();
            if (!workflowInterface.isInstance(instance)) {
                throw new IllegalStateException("the workflow implementation factory of " + workflowInterface.getName()
                        + " returned " + (instance == null ? "null" : "an instance of " + instance.getClass().getName())
                        + ": it must return a new object implementing " + workflowInterface.getSimpleName()
                        + " for each execution");
            }
            return instance;
        }, options);
    }

    /** Whether the instances come from a factory given at registration rather than from a class's constructor. */
    public boolean isFactory() {
        return implementationClass.isInterface();
    }

    /** The implementation class, or the workflow interface for an implementation registered by a factory. */
    public Class<?> implementationClass() {
        return implementationClass;
    }

    public WorkflowInterfaceMetadata metadata() {
        return metadata;
    }

    public String workflowType() {
        return metadata.workflowType();
    }

    /** The options the implementation was registered with; never {@code null}. */
    public WorkflowImplementationOptions options() {
        return options;
    }

    /**
     * Whether {@code failure}, thrown out of the workflow code, fails the workflow by the implementation options: it
     * is an instance of one of their fail-workflow exception types, and not a nondeterminism report, which always
     * fails the workflow task.
     */
    boolean failsWorkflow(Throwable failure) {
        if (failure instanceof NondeterministicCallError || failure instanceof NonDeterministicException) {
            return false;
        }
        for (Class<? extends Throwable> type : options.getFailWorkflowExceptionTypes()) {
            if (type.isInstance(failure)) {
                return true;
            }
        }
        return false;
    }

    /** Creates the workflow object of one execution; what its constructor or factory throws propagates unwrapped. */
    Object newInstance() {
        return factory.get();
    }
}
