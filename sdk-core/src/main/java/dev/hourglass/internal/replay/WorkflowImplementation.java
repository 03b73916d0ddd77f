package dev.hourglass.internal.replay;

import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.failure.NondeterministicCallError;
import dev.hourglass.internal.common.Interfaces;
import dev.hourglass.internal.common.WorkflowInterfaceMetadata;
import dev.hourglass.worker.WorkflowImplementationOptions;
import dev.hourglass.workflow.DynamicWorkflow;
import dev.hourglass.workflow.WorkflowInit;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A registered workflow implementation, a class or a factory of instances, with the metadata of the interface it
 * implements.
 */
public final class WorkflowImplementation {

    /**
     * The key of a {@link DynamicWorkflow} among implementations by workflow type, and its {@link #workflowType()}:
     * it stands for every type no other implementation runs. Not a name a workflow type could have by accident.
     */
    public static final String DYNAMIC_TYPE = "(any other workflow type: DynamicWorkflow)";

    private final Class<?> implementationClass;
    private final WorkflowInterfaceMetadata metadata;
    /** Creates the workflow object of a run from the run's decoded arguments. */
    private final Function<Object[], ?> factory;
    private final WorkflowImplementationOptions options;

    private WorkflowImplementation(Class<?> implementationClass, WorkflowInterfaceMetadata metadata,
            Function<Object[], ?> factory, WorkflowImplementationOptions options) {
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
        WorkflowInterfaceMetadata metadata = metadataOf(implementationClass);
        Constructor<?> init = initConstructor(implementationClass, metadata);
        if (init != null) {
            return new WorkflowImplementation(implementationClass, metadata, args -> Reflection.newInstance(init, args),
                    options);
        }
        try {
            Constructor<?> constructor = implementationClass.getDeclaredConstructor();
            constructor.setAccessible(true);
            return new WorkflowImplementation(implementationClass, metadata,
                    args -> Reflection.newInstance(constructor), options);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(implementationClass.getName() + " has no constructor without"
                    + " arguments: the worker creates one workflow object per execution with it, or with a public"
                    + " constructor annotated with @WorkflowInit that takes the workflow method's parameters", e);
        }
    }

    /** The interface metadata of an implementation class: of its {@code @WorkflowInterface}, or of a dynamic one. */
    private static WorkflowInterfaceMetadata metadataOf(Class<?> implementationClass) {
        if (!DynamicWorkflow.class.isAssignableFrom(implementationClass)) {
            return Interfaces.workflowInterfaceOfImplementation(implementationClass);
        }
        List<Class<?>> typed = Interfaces.workflowInterfacesOf(implementationClass);
        if (!typed.isEmpty()) {
            throw new IllegalArgumentException(implementationClass.getName() + " implements both DynamicWorkflow and"
                    + " the @WorkflowInterface " + typed.get(0).getName() + ": a workflow implementation runs either"
                    + " the types no other implementation runs (DynamicWorkflow) or one type of its own; implement"
                    + " one of them");
        }
        return WorkflowInterfaceMetadata.dynamic(DYNAMIC_TYPE);
    }

    /**
     * The constructor annotated with {@link WorkflowInit}, checked to be public and to take the parameters of the
     * workflow method; {@code null} if there is none.
     */
    private static Constructor<?> initConstructor(Class<?> implementationClass, WorkflowInterfaceMetadata metadata) {
        List<Constructor<?>> annotated = new ArrayList<>();
        for (Constructor<?> constructor : implementationClass.getDeclaredConstructors()) {
            if (constructor.isAnnotationPresent(WorkflowInit.class)) {
                annotated.add(constructor);
            }
        }
        if (annotated.isEmpty()) {
            return null;
        }
        annotated.sort((a, b) -> a.toGenericString().compareTo(b.toGenericString()));
        String workflowMethod = metadata.interfaceType().getSimpleName() + "." + metadata.workflowMethod().getName()
                + typeList(metadata.workflowMethod().getGenericParameterTypes());
        if (annotated.size() > 1) {
            throw new IllegalArgumentException(implementationClass.getName() + " has " + annotated.size()
                    + " constructors annotated with @WorkflowInit, " + annotated.stream()
                            .map(c -> typeList(c.getGenericParameterTypes())).collect(Collectors.joining(" and "))
                    + ": the worker creates the workflow object with one of them; keep @WorkflowInit on the one"
                    + " that takes the parameters of " + workflowMethod);
        }
        Constructor<?> init = annotated.get(0);
        if (!Modifier.isPublic(init.getModifiers()) || !Modifier.isPublic(implementationClass.getModifiers())) {
            throw new IllegalArgumentException("the @WorkflowInit constructor of " + implementationClass.getName()
                    + " is not public, or its class is not: make both public, so that the worker can create the"
                    + " workflow object with it");
        }
        Type[] expected = metadata.workflowMethod().getGenericParameterTypes();
        Type[] actual = init.getGenericParameterTypes();
        if (!Arrays.equals(expected, actual)) {
            throw new IllegalArgumentException("the @WorkflowInit constructor of " + implementationClass.getName()
                    + " takes " + typeList(actual) + ", but the workflow method " + workflowMethod + " takes "
                    + typeList(expected) + ": the constructor receives the workflow's arguments, so its parameter"
                    + " types must be the workflow method's, in the same order; change the constructor's parameters");
        }
        init.setAccessible(true);
        return init;
    }

    private static String typeList(Type[] types) {
        return Arrays.stream(types).map(Type::getTypeName).collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * Returns the implementation of {@code workflowType} among implementations by workflow type: the one registered
     * for that type, else the {@link DynamicWorkflow} if there is one, else {@code null}.
     */
    public static WorkflowImplementation lookup(Map<String, WorkflowImplementation> byType, String workflowType) {
        WorkflowImplementation implementation = byType.get(workflowType);
        return implementation != null ? implementation : byType.get(DYNAMIC_TYPE);
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
        return new WorkflowImplementation(workflowInterface, metadata, args -> {
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

    /** The workflow type the implementation runs; {@link #DYNAMIC_TYPE} for a {@link DynamicWorkflow}. */
    public String workflowType() {
        return metadata.workflowType();
    }

    /** Whether this is a {@link DynamicWorkflow}, which runs every type no other implementation runs. */
    public boolean isDynamic() {
        return metadata.isDynamic();
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

    /**
     * Creates the workflow object of one execution, given the arguments it was started with (which only a
     * {@link WorkflowInit} constructor receives); what its constructor or factory throws propagates unwrapped.
     */
    Object newInstance(Object[] args) {
        return factory.apply(args);
    }
}
