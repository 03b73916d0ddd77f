package dev.hourglass.internal.replay;

import dev.hourglass.internal.common.Interfaces;
import dev.hourglass.internal.common.WorkflowInterfaceMetadata;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

/** A registered workflow implementation class with the metadata of the interface it implements. */
public final class WorkflowImplementation {

    private final Class<?> implementationClass;
    private final WorkflowInterfaceMetadata metadata;
    private final Constructor<?> constructor;

    private WorkflowImplementation(Class<?> implementationClass, WorkflowInterfaceMetadata metadata,
            Constructor<?> constructor) {
        this.implementationClass = implementationClass;
        this.metadata = metadata;
        this.constructor = constructor;
    }

    /** Reads an implementation class; fails with a message saying what to fix. */
    public static WorkflowImplementation of(Class<?> implementationClass) {
        if (implementationClass.isInterface() || Modifier.isAbstract(implementationClass.getModifiers())) {
            throw new IllegalArgumentException(implementationClass.getName() + " is not a concrete class:"
                    + " register the workflow implementation class, not its interface");
        }
        WorkflowInterfaceMetadata metadata = Interfaces.workflowInterfaceOfImplementation(implementationClass);
        try {
            Constructor<?> constructor = implementationClass.getDeclaredConstructor();
            constructor.setAccessible(true);
            return new WorkflowImplementation(implementationClass, metadata, constructor);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(implementationClass.getName() + " has no constructor without"
                    + " arguments: the worker creates one workflow object per execution with it", e);
        }
    }

    public Class<?> implementationClass() {
        return implementationClass;
    }

    public WorkflowInterfaceMetadata metadata() {
        return metadata;
    }

    public String workflowType() {
        return metadata.workflowType();
    }

    /** Creates the workflow object of one execution; what its constructor throws propagates unwrapped. */
    Object newInstance() {
        return Reflection.newInstance(constructor);
    }
}
