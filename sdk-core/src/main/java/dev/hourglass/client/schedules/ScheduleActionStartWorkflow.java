package dev.hourglass.client.schedules;

import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.internal.common.Interfaces;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Starts a workflow at each fire time: its type, its arguments and its options. The options' workflow id is the
 * prefix of each run's id: the run of the fire time {@code 2024-05-01T09:00:00Z} is
 * {@code <workflowId>-2024-05-01T09:00:00Z}, so that a fire starts one run, whatever retries happen.
 *
 * <pre>{@code
 * ScheduleActionStartWorkflow action = ScheduleActionStartWorkflow.newBuilder()
 *     .setWorkflowType(DailyReport.class)
 *     .setArguments("sales")
 *     .setOptions(WorkflowOptions.newBuilder().setWorkflowId("daily-report").setTaskQueue("reports").build())
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ScheduleActionStartWorkflow extends ScheduleAction {

    private final String workflowType;
    private final List<Object> arguments;
    private final WorkflowOptions options;

    private ScheduleActionStartWorkflow(Builder builder) {
        this.workflowType = builder.workflowType;
        this.arguments = builder.arguments;
        this.options = builder.options;
    }

    /** Returns an empty builder. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** Returns a builder holding what {@code action} holds. */
    public static Builder newBuilder(ScheduleActionStartWorkflow action) {
        Builder builder = new Builder();
        builder.workflowType = action.workflowType;
        builder.arguments = action.arguments;
        builder.options = action.options;
        return builder;
    }

    /** The workflow type each fire starts; never {@code null}. */
    public String getWorkflowType() {
        return workflowType;
    }

    /**
     * The arguments of each run: as given to the builder, or, in a {@link ScheduleDescription}, as the schedule
     * recorded them (JSON values: maps, lists, strings, numbers, booleans); never {@code null}.
     */
    public List<Object> getArguments() {
        return arguments;
    }

    /** The options of each run: workflow id prefix, task queue and the others; never {@code null}. */
    public WorkflowOptions getOptions() {
        return options;
    }

    @Override
    public String toString() {
        return "ScheduleActionStartWorkflow{workflowType=" + workflowType + ", arguments=" + arguments
                + ", workflowId=" + options.getWorkflowId() + ", taskQueue=" + options.getTaskQueue() + "}";
    }

    /** Builds a {@link ScheduleActionStartWorkflow}. */
    public static final class Builder {
        private String workflowType;
        private List<Object> arguments = List.of();
        private WorkflowOptions options;

        private Builder() {
        }

        /** Sets the workflow type by its name, as a worker registered it. */
        public Builder setWorkflowType(String workflowType) {
            this.workflowType = Objects.requireNonNull(workflowType, "workflowType");
            return this;
        }

        /** Sets the workflow type of a {@code @WorkflowInterface}: its simple name unless its method names another. */
        public Builder setWorkflowType(Class<?> workflowInterface) {
            Objects.requireNonNull(workflowInterface, "workflowInterface");
            this.workflowType = Interfaces.workflowInterface(workflowInterface).workflowType();
            return this;
        }

        /** Sets the arguments of the workflow method; each may be {@code null}. */
        public Builder setArguments(Object... arguments) {
            Objects.requireNonNull(arguments, "arguments");
            this.arguments = Collections.unmodifiableList(Arrays.asList(arguments.clone()));
            return this;
        }

        /**
         * Sets the options of each run: the workflow id (the prefix of each run's id) and the task queue are
         * required, the execution timeout applies to each run; a cron schedule, a start delay, search attributes or
         * a memo are not allowed.
         */
        public Builder setOptions(WorkflowOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Builds the action.
         *
         * @throws IllegalStateException if the workflow type, the options, their workflow id or task queue is
         *     missing, or the options set a cron schedule or a start delay
         */
        public ScheduleActionStartWorkflow build() {
            if (workflowType == null) {
                throw new IllegalStateException("ScheduleActionStartWorkflow needs a workflow type: call"
                        + " setWorkflowType(MyWorkflow.class) or setWorkflowType(\"MyWorkflow\")");
            }
            if (options == null || options.getWorkflowId() == null || options.getTaskQueue() == null) {
                throw new IllegalStateException("ScheduleActionStartWorkflow of " + workflowType + " needs options with"
                        + " a workflow id (the prefix of each run's id) and a task queue, got " + options
                        + "; call setOptions(WorkflowOptions.newBuilder().setWorkflowId(..).setTaskQueue(..).build())");
            }
            if (options.getCronSchedule() != null || options.getStartDelay() != null) {
                throw new IllegalStateException("ScheduleActionStartWorkflow of " + workflowType + ": its options set"
                        + " a cron schedule or a start delay, which a scheduled run cannot have; the schedule's spec"
                        + " says when runs start");
            }
            if (!options.getMemo().isEmpty() || !options.getTypedSearchAttributes().isEmpty()) {
                throw new IllegalStateException("ScheduleActionStartWorkflow of " + workflowType + ": its options set"
                        + " a memo or search attributes, which scheduled runs do not carry yet; pass what the run"
                        + " needs as arguments, or upsert search attributes from the workflow");
            }
            return new ScheduleActionStartWorkflow(this);
        }
    }
}
