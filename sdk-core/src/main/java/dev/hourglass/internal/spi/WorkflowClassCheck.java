package dev.hourglass.internal.spi;

/**
 * A check that a worker runs on each workflow implementation class it registers, before it accepts the class:
 * the determinism agent's static check implements it. An implementation is found once per JVM with
 * {@link java.util.ServiceLoader} from sdk-core's class loader ({@code META-INF/services}); without one, nothing is
 * checked. A worker whose factory turned determinism checks off does not call it.
 */
public interface WorkflowClassCheck {

    /**
     * Checks a workflow implementation class that a worker is registering; it may be called many times for one
     * class, from any thread.
     *
     * @param workflowImplementationClass the class, which {@code registerWorkflowImplementationTypes} has
     *     already found to be a valid workflow implementation
     * @throws IllegalArgumentException to refuse the registration, with a message that starts with the class's
     *     name and says what to change
     */
    void check(Class<?> workflowImplementationClass);

    /** The implementation found on the class path, or {@link NoOp} when there is none. */
    static WorkflowClassCheck installed() {
        return InstalledWorkflowClassCheck.INSTANCE;
    }

    /** The check of a JVM without an implementation: accepts every class. */
    final class NoOp implements WorkflowClassCheck {

        /** The one instance. */
        public static final NoOp INSTANCE = new NoOp();

        private NoOp() {
        }

        @Override
        public void check(Class<?> workflowImplementationClass) {
        }
    }
}
