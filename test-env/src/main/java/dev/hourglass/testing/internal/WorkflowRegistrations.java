package dev.hourglass.testing.internal;

import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkflowImplementationOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The workflow implementation types a test harness (the JUnit 5 extension, the JUnit 4 rule) registers on each
 * test's worker, in groups that share their {@link WorkflowImplementationOptions}, in the order they were given.
 * Immutable: adding returns a new value, so a built harness keeps what its builder held then.
 */
public final class WorkflowRegistrations {

    private static final WorkflowRegistrations NONE = new WorkflowRegistrations(List.of());

    private record Group(WorkflowImplementationOptions options, List<Class<?>> types) {
    }

    private final List<Group> groups;

    private WorkflowRegistrations(List<Group> groups) {
        this.groups = groups;
    }

    /** No registrations. */
    public static WorkflowRegistrations none() {
        return NONE;
    }

    /**
     * These registrations and then {@code types} with {@code options}.
     *
     * @throws NullPointerException if {@code options}, {@code types} or one of them is {@code null}; the message
     *     names the argument
     */
    public WorkflowRegistrations with(WorkflowImplementationOptions options, Class<?>... types) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(types, "workflowImplementationTypes");
        for (int i = 0; i < types.length; i++) {
            Objects.requireNonNull(types[i], "workflowImplementationTypes[" + i + "]");
        }
        List<Group> more = new ArrayList<>(groups);
        more.add(new Group(options, List.copyOf(Arrays.asList(types))));
        return new WorkflowRegistrations(List.copyOf(more));
    }

    /** Registers every group on {@code worker}, in order. */
    public void registerOn(Worker worker) {
        for (Group group : groups) {
            if (!group.types().isEmpty()) {
                worker.registerWorkflowImplementationTypes(group.options(), group.types().toArray(new Class<?>[0]));
            }
        }
    }
}
