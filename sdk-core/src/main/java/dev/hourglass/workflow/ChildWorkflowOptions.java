package dev.hourglass.workflow;

import dev.hourglass.common.SearchAttributes;
import dev.hourglass.common.WorkflowIdReusePolicy;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * How workflow code starts a child workflow: its id, task queue, id reuse policy, timeout, cancellation type, search
 * attributes and memo.
 *
 * <p>Instances are immutable; build one with {@link #newBuilder()}. Every option is optional:
 *
 * <pre>{@code
 * ChildWorkflowOptions options = ChildWorkflowOptions.newBuilder()
 *     .setWorkflowId("shipment-" + orderId)
 *     .setWorkflowExecutionTimeout(Duration.ofDays(7))
 *     .setCancellationType(ChildWorkflowCancellationType.TRY_CANCEL)
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ChildWorkflowOptions {

    private static final ChildWorkflowOptions DEFAULT_INSTANCE = newBuilder().build();

    private final String workflowId;
    private final String taskQueue;
    private final Duration workflowExecutionTimeout;
    private final WorkflowIdReusePolicy workflowIdReusePolicy;
    private final ChildWorkflowCancellationType cancellationType;
    private final SearchAttributes searchAttributes;
    private final Map<String, Object> memo;

    private ChildWorkflowOptions(Builder builder) {
        this.workflowId = builder.workflowId;
        this.taskQueue = builder.taskQueue;
        this.workflowExecutionTimeout = builder.workflowExecutionTimeout;
        this.workflowIdReusePolicy = builder.workflowIdReusePolicy;
        this.cancellationType = builder.cancellationType;
        this.searchAttributes = builder.searchAttributes;
        this.memo = builder.memo;
    }

    /**
     * Returns a builder with every option at its default.
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
     * @throws IllegalArgumentException if {@code options} is {@code null}
     */
    public static Builder newBuilder(ChildWorkflowOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options to copy must not be null");
        }
        return new Builder(options);
    }

    /**
     * Returns the options with every option at its default.
     *
     * @return the default options, never {@code null}
     */
    public static ChildWorkflowOptions getDefaultInstance() {
        return DEFAULT_INSTANCE;
    }

    /**
     * Returns the workflow id of the child.
     *
     * @return the workflow id, or {@code null} meaning one is generated deterministically
     */
    public String getWorkflowId() {
        return workflowId;
    }

    /**
     * Returns the task queue the child's workflow tasks are dispatched on.
     *
     * @return the task queue, or {@code null} meaning the parent's task queue
     */
    public String getTaskQueue() {
        return taskQueue;
    }

    /**
     * Returns the longest time the child execution may run, continue-as-new runs included.
     *
     * @return the timeout, or {@code null} for none
     */
    public Duration getWorkflowExecutionTimeout() {
        return workflowExecutionTimeout;
    }

    /**
     * Returns whether the child may take the id of a closed execution.
     *
     * @return the policy, never {@code null}
     */
    public WorkflowIdReusePolicy getWorkflowIdReusePolicy() {
        return workflowIdReusePolicy;
    }

    /**
     * Returns what canceling the cancellation scope of the started child does.
     *
     * @return the cancellation type, never {@code null};
     *     {@link ChildWorkflowCancellationType#WAIT_CANCELLATION_COMPLETED} unless set
     */
    public ChildWorkflowCancellationType getCancellationType() {
        return cancellationType;
    }

    /**
     * Returns the search attributes the child starts with.
     *
     * @return the attributes; never {@code null}, {@link SearchAttributes#EMPTY} unless set
     * @since 0.1
     */
    public SearchAttributes getTypedSearchAttributes() {
        return searchAttributes;
    }

    /**
     * Returns the memo the child starts with: key to value, in key order.
     *
     * @return an unmodifiable map; never {@code null}, empty unless set
     * @since 0.1
     */
    public Map<String, Object> getMemo() {
        return memo;
    }

    /**
     * Tells whether {@code o} is child workflow options with equal values.
     *
     * @param o the object to compare with; may be {@code null}
     * @return {@code true} if every getter returns an equal value
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ChildWorkflowOptions)) {
            return false;
        }
        ChildWorkflowOptions that = (ChildWorkflowOptions) o;
        return Objects.equals(workflowId, that.workflowId)
                && Objects.equals(taskQueue, that.taskQueue)
                && Objects.equals(workflowExecutionTimeout, that.workflowExecutionTimeout)
                && workflowIdReusePolicy == that.workflowIdReusePolicy
                && cancellationType == that.cancellationType
                && searchAttributes.equals(that.searchAttributes)
                && memo.equals(that.memo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(workflowId, taskQueue, workflowExecutionTimeout, workflowIdReusePolicy,
                cancellationType, searchAttributes, memo);
    }

    @Override
    public String toString() {
        return "ChildWorkflowOptions{workflowId=" + quoted(workflowId)
                + ", taskQueue=" + quoted(taskQueue)
                + ", workflowExecutionTimeout=" + workflowExecutionTimeout
                + ", workflowIdReusePolicy=" + workflowIdReusePolicy
                + ", cancellationType=" + cancellationType
                + (searchAttributes.isEmpty() ? "" : ", searchAttributes=" + searchAttributes)
                + (memo.isEmpty() ? "" : ", memo keys=" + memo.keySet())
                + '}';
    }

    private static String quoted(String value) {
        return value == null ? null : "'" + value + "'";
    }

    private static String requireNonBlank(String option, String value) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(option + " must not be blank, was '" + value + "'");
        }
        return value;
    }

    /**
     * Builds {@link ChildWorkflowOptions}; every setter returns this builder.
     *
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final class Builder {

        private String workflowId;
        private String taskQueue;
        private Duration workflowExecutionTimeout;
        private WorkflowIdReusePolicy workflowIdReusePolicy = WorkflowIdReusePolicy.ALLOW_DUPLICATE;
        private ChildWorkflowCancellationType cancellationType =
                ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED;
        private SearchAttributes searchAttributes = SearchAttributes.EMPTY;
        private Map<String, Object> memo = Map.of();

        private Builder() {}

        private Builder(ChildWorkflowOptions options) {
            this.workflowId = options.workflowId;
            this.taskQueue = options.taskQueue;
            this.workflowExecutionTimeout = options.workflowExecutionTimeout;
            this.workflowIdReusePolicy = options.workflowIdReusePolicy;
            this.cancellationType = options.cancellationType;
            this.searchAttributes = options.searchAttributes;
            this.memo = options.memo;
        }

        /**
         * Sets the workflow id of the child.
         *
         * @param workflowId a non-blank id, or {@code null} to have one generated deterministically
         * @return this builder
         * @throws IllegalArgumentException if {@code workflowId} is blank
         */
        public Builder setWorkflowId(String workflowId) {
            this.workflowId = requireNonBlank("workflowId", workflowId);
            return this;
        }

        /**
         * Sets the task queue the child's workflow tasks are dispatched on.
         *
         * @param taskQueue a non-blank name, or {@code null} for the parent's task queue
         * @return this builder
         * @throws IllegalArgumentException if {@code taskQueue} is blank
         */
        public Builder setTaskQueue(String taskQueue) {
            this.taskQueue = requireNonBlank("taskQueue", taskQueue);
            return this;
        }

        /**
         * Sets the longest time the child execution may run, continue-as-new runs included.
         *
         * @param workflowExecutionTimeout a positive duration, or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException if {@code workflowExecutionTimeout} is zero or negative
         */
        public Builder setWorkflowExecutionTimeout(Duration workflowExecutionTimeout) {
            if (workflowExecutionTimeout != null
                    && (workflowExecutionTimeout.isZero() || workflowExecutionTimeout.isNegative())) {
                throw new IllegalArgumentException(
                        "workflowExecutionTimeout must be positive, was " + workflowExecutionTimeout);
            }
            this.workflowExecutionTimeout = workflowExecutionTimeout;
            return this;
        }

        /**
         * Sets whether the child may take the id of a closed execution; the default is
         * {@link WorkflowIdReusePolicy#ALLOW_DUPLICATE}.
         *
         * @param workflowIdReusePolicy the policy, or {@code null} for the default
         * @return this builder
         */
        public Builder setWorkflowIdReusePolicy(WorkflowIdReusePolicy workflowIdReusePolicy) {
            this.workflowIdReusePolicy =
                    workflowIdReusePolicy == null ? WorkflowIdReusePolicy.ALLOW_DUPLICATE : workflowIdReusePolicy;
            return this;
        }

        /**
         * Sets what canceling the cancellation scope of the started child does: request its cancellation and
         * wait until it closes ({@link ChildWorkflowCancellationType#WAIT_CANCELLATION_COMPLETED}, the default),
         * wait until the request has reached it ({@link ChildWorkflowCancellationType#WAIT_CANCELLATION_REQUESTED}),
         * not wait at all ({@link ChildWorkflowCancellationType#TRY_CANCEL}), or stop waiting without asking it
         * anything ({@link ChildWorkflowCancellationType#ABANDON}).
         *
         * @param cancellationType the cancellation type; must not be {@code null}
         * @return this builder
         * @throws IllegalArgumentException if {@code cancellationType} is {@code null}
         */
        public Builder setCancellationType(ChildWorkflowCancellationType cancellationType) {
            if (cancellationType == null) {
                throw new IllegalArgumentException("cancellationType must not be null; the default is "
                        + ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED);
            }
            this.cancellationType = cancellationType;
            return this;
        }

        /**
         * Sets the search attributes the child starts with, as {@code WorkflowOptions.Builder.setTypedSearchAttributes}
         * does for a workflow a client starts: they are recorded on the parent's
         * {@code StartChildWorkflowExecutionInitiated} event and on the child's {@code WorkflowExecutionStarted}, and
         * listing finds the child by them at once. Their values are recorded as they are, never encoded.
         *
         * @param searchAttributes the attributes, or {@code null} for none
         * @return this builder
         * @since 0.1
         */
        public Builder setTypedSearchAttributes(SearchAttributes searchAttributes) {
            this.searchAttributes = searchAttributes == null ? SearchAttributes.EMPTY : searchAttributes;
            return this;
        }

        /**
         * Sets the memo the child starts with, as {@code WorkflowOptions.Builder.setMemo} does for a workflow a client
         * starts: each value is converted by the worker's data converter and encoded by its payload codecs, and the
         * keys are recorded in key order, whatever the map's order.
         *
         * @param memo key to value, or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException if a key or value is {@code null}
         * @since 0.1
         */
        public Builder setMemo(Map<String, Object> memo) {
            if (memo == null) {
                this.memo = Map.of();
                return this;
            }
            Map<String, Object> copy = new TreeMap<>();
            memo.forEach((key, value) -> {
                if (key == null || value == null) {
                    throw new IllegalArgumentException("child workflow memo keys and values must not be null, found "
                            + key + " = " + value + "; leave out a key that has no value");
                }
                copy.put(key, value);
            });
            this.memo = Collections.unmodifiableMap(copy);
            return this;
        }

        /**
         * Builds the options.
         *
         * @return new immutable options, never {@code null}
         */
        public ChildWorkflowOptions build() {
            return new ChildWorkflowOptions(this);
        }
    }
}
