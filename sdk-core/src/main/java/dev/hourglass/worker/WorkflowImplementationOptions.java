package dev.hourglass.worker;

import dev.hourglass.activity.ActivityOptions;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Options of one registered workflow implementation: which exceptions thrown out of its code fail the workflow,
 * and the activity options its activity stubs use. Given to
 * {@link Worker#registerWorkflowImplementationTypes(WorkflowImplementationOptions, Class[])} or
 * {@link Worker#registerWorkflowImplementationFactory(Class, dev.hourglass.workflow.Functions.Func,
 * WorkflowImplementationOptions)}:
 *
 * <pre>{@code
 * WorkflowImplementationOptions options = WorkflowImplementationOptions.newBuilder()
 *     .setFailWorkflowExceptionTypes(InsufficientFundsException.class)
 *     .setDefaultActivityOptions(ActivityOptions.newBuilder()
 *         .setStartToCloseTimeout(Duration.ofSeconds(30))
 *         .build())
 *     .setActivityOptions(Map.of("withdraw", ActivityOptions.newBuilder()
 *         .setStartToCloseTimeout(Duration.ofMinutes(2))
 *         .setRetryPolicy(RetryPolicy.newBuilder().setMaximumAttempts(3).build())
 *         .build()))
 *     .build();
 * worker.registerWorkflowImplementationTypes(options, MoneyTransferImpl.class);
 *
 * // in MoneyTransferImpl: no options in the code, they come from the registration
 * private final Account account = Workflow.newActivityStub(Account.class);
 * }</pre>
 *
 * <p>The options of an activity call are chosen as in Temporal: the options given to
 * {@link dev.hourglass.workflow.Workflow#newActivityStub(Class, ActivityOptions)}, or the
 * {@linkplain #getDefaultActivityOptions() default activity options} when the stub was created without options
 * ({@link dev.hourglass.workflow.Workflow#newActivityStub(Class)}); the defaults are then replaced as a whole, not
 * merged. Over those, the {@linkplain #getActivityOptions() options of the activity type} are merged field by
 * field: each field they set wins.
 *
 * <p>A replay must see the options the history was recorded with: the test environment's self-check replays with
 * the options given at registration; {@code WorkflowReplayer} replays with
 * {@link #getDefaultInstance() none}.
 *
 * <p>Instances are immutable.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class WorkflowImplementationOptions {

    private static final WorkflowImplementationOptions DEFAULT = newBuilder().build();

    private final List<Class<? extends Throwable>> failWorkflowExceptionTypes;
    private final Map<String, ActivityOptions> activityOptions;
    private final ActivityOptions defaultActivityOptions;

    private WorkflowImplementationOptions(Builder builder) {
        this.failWorkflowExceptionTypes = builder.failWorkflowExceptionTypes;
        this.activityOptions = builder.activityOptions;
        this.defaultActivityOptions = builder.defaultActivityOptions;
    }

    /**
     * Returns a builder with nothing set.
     *
     * @return a new builder, never {@code null}
     */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Returns a builder initialised with the options of {@code options}.
     *
     * @param options the options to copy; must not be {@code null}
     * @return a new builder, never {@code null}
     * @throws NullPointerException if {@code options} is {@code null}
     */
    public static Builder newBuilder(WorkflowImplementationOptions options) {
        Objects.requireNonNull(options, "options");
        return new Builder(options);
    }

    /**
     * Returns options with nothing set: only {@link dev.hourglass.failure.HourglassFailure}s fail the workflow, and
     * activity stubs need options of their own.
     *
     * @return the options, never {@code null}
     */
    public static WorkflowImplementationOptions getDefaultInstance() {
        return DEFAULT;
    }

    /**
     * Returns the exception types that fail the workflow when thrown out of its code.
     *
     * @return a new array, empty if none is set; never {@code null}
     */
    @SuppressWarnings("unchecked")
    public Class<? extends Throwable>[] getFailWorkflowExceptionTypes() {
        return failWorkflowExceptionTypes.toArray(new Class[0]);
    }

    /**
     * Returns the activity options per activity type.
     *
     * @return an unmodifiable map in the order given, empty if none is set; never {@code null}
     */
    public Map<String, ActivityOptions> getActivityOptions() {
        return activityOptions;
    }

    /**
     * Returns the activity options of stubs created without options.
     *
     * @return the options, or {@code null} if unset
     */
    public ActivityOptions getDefaultActivityOptions() {
        return defaultActivityOptions;
    }

    /**
     * Tells whether {@code o} is workflow implementation options with equal values.
     *
     * @param o the object to compare with; may be {@code null}
     * @return {@code true} if every getter returns an equal value (the exception types in the same order)
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WorkflowImplementationOptions)) {
            return false;
        }
        WorkflowImplementationOptions that = (WorkflowImplementationOptions) o;
        return failWorkflowExceptionTypes.equals(that.failWorkflowExceptionTypes)
                && activityOptions.equals(that.activityOptions)
                && Objects.equals(defaultActivityOptions, that.defaultActivityOptions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(failWorkflowExceptionTypes, activityOptions, defaultActivityOptions);
    }

    @Override
    public String toString() {
        StringBuilder types = new StringBuilder("[");
        for (Class<? extends Throwable> type : failWorkflowExceptionTypes) {
            types.append(types.length() > 1 ? ", " : "").append(type.getName());
        }
        return "WorkflowImplementationOptions{failWorkflowExceptionTypes=" + types.append(']')
                + ", activityOptions=" + activityOptions
                + ", defaultActivityOptions=" + defaultActivityOptions
                + '}';
    }

    /**
     * Builds {@link WorkflowImplementationOptions}; every setter returns this builder.
     *
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final class Builder {

        private List<Class<? extends Throwable>> failWorkflowExceptionTypes = List.of();
        private Map<String, ActivityOptions> activityOptions = Map.of();
        private ActivityOptions defaultActivityOptions;

        private Builder() {
        }

        private Builder(WorkflowImplementationOptions options) {
            this.failWorkflowExceptionTypes = options.failWorkflowExceptionTypes;
            this.activityOptions = options.activityOptions;
            this.defaultActivityOptions = options.defaultActivityOptions;
        }

        /**
         * Sets the exception types that fail the workflow: an exception thrown out of the workflow code (its
         * workflow method, a signal handler, its constructor or factory) that is an instance of one of them, a
         * subclass included, ends the execution with {@code WorkflowExecutionFailed}, recording the exception as
         * a failure whose type is its class name. Any other exception that is not a
         * {@link dev.hourglass.failure.HourglassFailure} fails the workflow task, which is retried, so that a bug
         * fixed and redeployed lets the execution resume.
         *
         * <p>A {@link dev.hourglass.failure.NondeterministicCallError} or
         * {@link dev.hourglass.failure.NonDeterministicException} always fails the workflow task, even when its
         * type, or a supertype such as {@code Throwable}, is listed (unlike Temporal, where listing
         * {@code NonDeterministicException} fails the workflow on nondeterminism).
         *
         * @param failWorkflowExceptionTypes the types; none of them {@code null}. Replaces what was set before
         * @return this builder
         * @throws NullPointerException if the array or one of its elements is {@code null}
         */
        @SafeVarargs
        public final Builder setFailWorkflowExceptionTypes(Class<? extends Throwable>... failWorkflowExceptionTypes) {
            Objects.requireNonNull(failWorkflowExceptionTypes, "failWorkflowExceptionTypes");
            for (int i = 0; i < failWorkflowExceptionTypes.length; i++) {
                Objects.requireNonNull(failWorkflowExceptionTypes[i], "failWorkflowExceptionTypes[" + i + "]");
            }
            this.failWorkflowExceptionTypes = List.copyOf(Arrays.asList(failWorkflowExceptionTypes));
            return this;
        }

        /**
         * Sets activity options per activity type (the method name of an {@code @ActivityInterface}, or its
         * {@code @ActivityMethod(name = ...)}). Each call of that activity merges them, field by field, over the
         * options of its stub (see {@link WorkflowImplementationOptions}): a field they set wins; the
         * cancellation type wins only when it is not the default {@code TRY_CANCEL}, which cannot be told from
         * unset.
         *
         * @param activityOptions options by activity type; {@code null} for none. Copied, in its iteration order
         * @return this builder
         * @throws NullPointerException if a key or value of the map is {@code null}
         */
        public Builder setActivityOptions(Map<String, ActivityOptions> activityOptions) {
            if (activityOptions == null) {
                this.activityOptions = Map.of();
                return this;
            }
            Map<String, ActivityOptions> copy = new LinkedHashMap<>();
            activityOptions.forEach((type, options) -> copy.put(Objects.requireNonNull(type, "activity type"),
                    Objects.requireNonNull(options, "activity options of '" + type + "'")));
            this.activityOptions = Collections.unmodifiableMap(copy);
            return this;
        }

        /**
         * Sets the activity options of stubs created without options
         * ({@link dev.hourglass.workflow.Workflow#newActivityStub(Class)}). A stub created with options does not
         * use them at all.
         *
         * @param defaultActivityOptions the options, or {@code null} for none
         * @return this builder
         */
        public Builder setDefaultActivityOptions(ActivityOptions defaultActivityOptions) {
            this.defaultActivityOptions = defaultActivityOptions;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return new immutable options, never {@code null}
         */
        public WorkflowImplementationOptions build() {
            return new WorkflowImplementationOptions(this);
        }
    }
}
