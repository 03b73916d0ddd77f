package dev.hourglass.internal.worker;

import dev.hourglass.internal.spi.WorkflowClassCheck;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The check that sdk-core's tests install through {@code META-INF/services}: it records the classes of
 * {@link WorkflowClassCheckTest} that workers check and refuses those marked {@link Refused}; every other class
 * passes untouched, so the rest of the suite registers as if no check were installed.
 */
public final class FakeWorkflowClassCheck implements WorkflowClassCheck {

    /** The classes of {@link WorkflowClassCheckTest} checked so far, in order. */
    static final List<Class<?>> CHECKED = new CopyOnWriteArrayList<>();

    /** Marks a workflow class that the fake refuses. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface Refused {
    }

    @Override
    public void check(Class<?> workflowImplementationClass) {
        if (workflowImplementationClass.getEnclosingClass() != WorkflowClassCheckTest.class) {
            return;
        }
        CHECKED.add(workflowImplementationClass);
        if (workflowImplementationClass.isAnnotationPresent(Refused.class)) {
            throw new IllegalArgumentException(workflowImplementationClass.getName() + " is refused by the fake check");
        }
    }
}
