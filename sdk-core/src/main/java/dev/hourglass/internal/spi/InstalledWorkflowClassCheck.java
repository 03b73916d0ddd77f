package dev.hourglass.internal.spi;

import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the {@link WorkflowClassCheck} once, when a worker first registers a workflow class. */
final class InstalledWorkflowClassCheck {

    private static final Logger log = LoggerFactory.getLogger(InstalledWorkflowClassCheck.class);

    /** The first implementation in class-path order, or the no-op. */
    static final WorkflowClassCheck INSTANCE = find();

    private InstalledWorkflowClassCheck() {
    }

    private static WorkflowClassCheck find() {
        try {
            Iterator<WorkflowClassCheck> found = ServiceLoader.load(WorkflowClassCheck.class,
                    WorkflowClassCheck.class.getClassLoader()).iterator();
            return found.hasNext() ? found.next() : WorkflowClassCheck.NoOp.INSTANCE;
        } catch (ServiceConfigurationError e) {
            log.warn("workflow classes are registered without the checks of {}: its provider could not be loaded",
                    WorkflowClassCheck.class.getName(), e);
            return WorkflowClassCheck.NoOp.INSTANCE;
        }
    }
}
