package dev.hourglass.client;

import dev.hourglass.common.SearchAttributeKey;
import dev.hourglass.internal.spi.WorkflowIdSearch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Which runs {@link WorkflowClient#listExecutions(ExecutionFilter)} returns, in which order, and how many per page;
 * {@link WorkflowClient#countExecutions(ExecutionFilter)} counts the same runs.
 *
 * <p>Every condition set must hold; an unset one matches every run. Runs come oldest first unless
 * {@link Builder#setNewestFirst(boolean)} says otherwise. Instances are immutable; build one with
 * {@link #newBuilder()}:
 *
 * <pre>{@code
 * ExecutionFilter failedTransfersToday = ExecutionFilter.newBuilder()
 *     .setStatus(WorkflowExecutionStatus.FAILED)
 *     .setWorkflowType("MoneyTransfer")
 *     .setStartTimeFrom(Instant.parse("2024-05-01T00:00:00Z"))
 *     .setStartTimeTo(Instant.parse("2024-05-02T00:00:00Z"))
 *     .build();
 * client.listExecutions(failedTransfersToday).forEach(run -> System.out.println(run.getExecution()));
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ExecutionFilter {

    /** The page size unless set. */
    public static final int DEFAULT_PAGE_SIZE = 100;
    /** The largest page size. */
    public static final int MAX_PAGE_SIZE = 1000;

    private static final ExecutionFilter ALL = newBuilder().build();

    private final WorkflowExecutionStatus status;
    private final String workflowType;
    private final String workflowIdContains;
    private final boolean newestFirst;
    private final Instant startTimeFrom;
    private final Instant startTimeTo;
    private final int pageSize;
    private final List<SearchAttributeCondition> searchAttributeConditions;

    private ExecutionFilter(Builder builder) {
        this.status = builder.status;
        this.workflowType = builder.workflowType;
        this.workflowIdContains = builder.workflowIdContains;
        this.newestFirst = builder.newestFirst;
        this.startTimeFrom = builder.startTimeFrom;
        this.startTimeTo = builder.startTimeTo;
        this.pageSize = builder.pageSize;
        this.searchAttributeConditions = List.copyOf(builder.searchAttributeConditions);
    }

    /**
     * Returns the conditions on search attributes, in the order they were set; each must hold.
     *
     * @return an unmodifiable list; never {@code null}, empty for none
     */
    public List<SearchAttributeCondition> getSearchAttributeConditions() {
        return searchAttributeConditions;
    }

    /**
     * Returns a builder of a filter that matches every run.
     *
     * @return a new builder; never {@code null}
     */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Returns the filter that matches every run, with the default page size.
     *
     * @return the filter; never {@code null}
     */
    public static ExecutionFilter all() {
        return ALL;
    }

    /**
     * Returns the status a run must have.
     *
     * @return the status, or empty for any; never {@code null}
     */
    public Optional<WorkflowExecutionStatus> getStatus() {
        return Optional.ofNullable(status);
    }

    /**
     * Returns the workflow type a run must have.
     *
     * @return the workflow type, or empty for any; never {@code null}
     */
    public Optional<String> getWorkflowType() {
        return Optional.ofNullable(workflowType);
    }

    /**
     * Returns the text a run's workflow id must contain, ASCII letters matched regardless of case (see
     * {@link Builder#setWorkflowIdContains(String)}).
     *
     * @return the text, or empty for any workflow id; never {@code null}
     */
    public Optional<String> getWorkflowIdContains() {
        return Optional.ofNullable(workflowIdContains);
    }

    /**
     * Tells whether the runs come newest first: by start time descending, then workflow id and run id descending.
     *
     * @return {@code true} for newest first, {@code false} (the default) for oldest first
     */
    public boolean isNewestFirst() {
        return newestFirst;
    }

    /**
     * Returns the earliest start time of a run, inclusive.
     *
     * @return the instant, or empty for no lower bound; never {@code null}
     */
    public Optional<Instant> getStartTimeFrom() {
        return Optional.ofNullable(startTimeFrom);
    }

    /**
     * Returns the start time a run must have started before, exclusive.
     *
     * @return the instant, or empty for no upper bound; never {@code null}
     */
    public Optional<Instant> getStartTimeTo() {
        return Optional.ofNullable(startTimeTo);
    }

    /**
     * Returns the largest number of runs in one page.
     *
     * @return the page size, from 1 to {@link #MAX_PAGE_SIZE}
     */
    public int getPageSize() {
        return pageSize;
    }

    /**
     * Tells whether a run meets every condition of this filter.
     *
     * @param metadata the run; never {@code null}
     * @return {@code true} if it matches
     */
    public boolean matches(WorkflowExecutionMetadata metadata) {
        return (status == null || status == metadata.getStatus())
                && (workflowType == null || workflowType.equals(metadata.getWorkflowType()))
                && (workflowIdContains == null
                        || WorkflowIdSearch.contains(metadata.getExecution().getWorkflowId(), workflowIdContains))
                && (startTimeFrom == null || !metadata.getStartTime().isBefore(startTimeFrom))
                && (startTimeTo == null || metadata.getStartTime().isBefore(startTimeTo))
                && searchAttributeConditions.stream()
                        .allMatch(condition -> condition.matches(metadata.getTypedSearchAttributes()));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ExecutionFilter)) {
            return false;
        }
        ExecutionFilter that = (ExecutionFilter) o;
        return status == that.status && Objects.equals(workflowType, that.workflowType)
                && Objects.equals(workflowIdContains, that.workflowIdContains) && newestFirst == that.newestFirst
                && Objects.equals(startTimeFrom, that.startTimeFrom) && Objects.equals(startTimeTo, that.startTimeTo)
                && pageSize == that.pageSize && searchAttributeConditions.equals(that.searchAttributeConditions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, workflowType, workflowIdContains, newestFirst, startTimeFrom, startTimeTo, pageSize,
                searchAttributeConditions);
    }

    @Override
    public String toString() {
        return "ExecutionFilter{status=" + status + ", workflowType=" + workflowType
                + (workflowIdContains == null ? "" : ", workflowIdContains='" + workflowIdContains + "'")
                + (newestFirst ? ", newestFirst" : "") + ", startTimeFrom=" + startTimeFrom + ", startTimeTo=" + startTimeTo + ", pageSize=" + pageSize
                + (searchAttributeConditions.isEmpty() ? "" : ", searchAttributes=" + searchAttributeConditions) + '}';
    }

    /**
     * Builds an {@link ExecutionFilter}; every setter returns this builder.
     *
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final class Builder {

        private WorkflowExecutionStatus status;
        private String workflowType;
        private String workflowIdContains;
        private boolean newestFirst;
        private Instant startTimeFrom;
        private Instant startTimeTo;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private final List<SearchAttributeCondition> searchAttributeConditions = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds the condition that a run's search attribute {@code key} equals {@code value}; for a keyword list, that
         * the run's list contains every keyword of {@code value}. Conditions add up: each must hold.
         *
         * <pre>{@code
         * ExecutionFilter.newBuilder().setSearchAttribute(CUSTOMER, "c-42").build();
         * ExecutionFilter.newBuilder().setSearchAttribute(TAGS, List.of("vip")).build();
         * }</pre>
         *
         * @param key the key, name and type
         * @param value the value; never {@code null}
         * @param <T> the value type
         * @return this builder
         * @throws IllegalArgumentException if the value is {@code null} or not of the key's type
         */
        public <T> Builder setSearchAttribute(SearchAttributeKey<T> key, T value) {
            searchAttributeConditions.add(SearchAttributeCondition.equalTo(Objects.requireNonNull(key, "key"),
                    value));
            return this;
        }

        /**
         * Adds the condition that a run's search attribute {@code key}, a Long, Double or Datetime, lies from
         * {@code from} to {@code to}, both inclusive.
         *
         * @param key the key, name and type
         * @param from the lower bound, or {@code null} for none
         * @param to the upper bound, or {@code null} for none
         * @param <T> the value type
         * @return this builder
         * @throws IllegalArgumentException if the key's type has no order, both bounds are {@code null}, or
         *     {@code from} is after {@code to}
         */
        public <T extends Comparable<? super T>> Builder setSearchAttributeRange(SearchAttributeKey<T> key, T from,
                T to) {
            searchAttributeConditions.add(SearchAttributeCondition.range(Objects.requireNonNull(key, "key"), from,
                    to));
            return this;
        }

        /**
         * Keeps the runs of one status.
         *
         * @param status the status, or {@code null} for any
         * @return this builder
         */
        public Builder setStatus(WorkflowExecutionStatus status) {
            this.status = status;
            return this;
        }

        /**
         * Keeps the runs of one workflow type.
         *
         * @param workflowType the workflow type, or {@code null} for any
         * @return this builder
         * @throws IllegalArgumentException if {@code workflowType} is blank
         */
        public Builder setWorkflowType(String workflowType) {
            if (workflowType != null && workflowType.isBlank()) {
                throw new IllegalArgumentException("workflowType must not be blank, was '" + workflowType + "'");
            }
            this.workflowType = workflowType;
            return this;
        }

        /**
         * Keeps the runs whose workflow id contains {@code workflowIdContains}. The letters {@code A} to {@code Z}
         * match {@code a} to {@code z}; every other character, {@code %} and {@code _} included, matches only itself
         * (so a search finds the same runs on every service, in memory as in a database).
         *
         * <pre>{@code
         * ExecutionFilter.newBuilder().setWorkflowIdContains("order-42").build(); // also finds "Order-421"
         * }</pre>
         *
         * @param workflowIdContains the text, or {@code null} for any workflow id
         * @return this builder
         * @throws IllegalArgumentException if {@code workflowIdContains} is empty (pass {@code null} for no condition)
         */
        public Builder setWorkflowIdContains(String workflowIdContains) {
            if (workflowIdContains != null && workflowIdContains.isEmpty()) {
                throw new IllegalArgumentException("workflowIdContains must not be empty: pass null to match every"
                        + " workflow id");
            }
            this.workflowIdContains = workflowIdContains;
            return this;
        }

        /**
         * Orders the runs newest first: by start time descending, then by workflow id and run id descending, the
         * exact reverse of the default order (oldest first). Page tokens work in either order: a token marks the
         * position of the last run of its page, and a listing given it returns the runs past that position in its
         * own filter's order. So the token of a newest-first page, passed with the same filter oldest first, reads
         * from that run towards the newer runs: the way a user interface pages back.
         *
         * @param newestFirst {@code true} for newest first, {@code false} for oldest first (the default)
         * @return this builder
         */
        public Builder setNewestFirst(boolean newestFirst) {
            this.newestFirst = newestFirst;
            return this;
        }

        /**
         * Keeps the runs that started at or after {@code startTimeFrom}.
         *
         * @param startTimeFrom the inclusive lower bound, or {@code null} for none
         * @return this builder
         */
        public Builder setStartTimeFrom(Instant startTimeFrom) {
            this.startTimeFrom = startTimeFrom;
            return this;
        }

        /**
         * Keeps the runs that started before {@code startTimeTo}.
         *
         * @param startTimeTo the exclusive upper bound, or {@code null} for none
         * @return this builder
         */
        public Builder setStartTimeTo(Instant startTimeTo) {
            this.startTimeTo = startTimeTo;
            return this;
        }

        /**
         * Sets the largest number of runs in one page; {@value ExecutionFilter#DEFAULT_PAGE_SIZE} unless set.
         *
         * @param pageSize from 1 to {@value ExecutionFilter#MAX_PAGE_SIZE}
         * @return this builder
         * @throws IllegalArgumentException if {@code pageSize} is out of that range
         */
        public Builder setPageSize(int pageSize) {
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                throw new IllegalArgumentException("pageSize must be from 1 to " + MAX_PAGE_SIZE + ", was " + pageSize);
            }
            this.pageSize = pageSize;
            return this;
        }

        /**
         * Builds the filter.
         *
         * @return the filter; never {@code null}
         * @throws IllegalArgumentException if the start-time range is empty ({@code startTimeTo} not after
         *     {@code startTimeFrom})
         */
        public ExecutionFilter build() {
            if (startTimeFrom != null && startTimeTo != null && !startTimeTo.isAfter(startTimeFrom)) {
                throw new IllegalArgumentException("startTimeTo (" + startTimeTo + ", exclusive) must be after"
                        + " startTimeFrom (" + startTimeFrom + ", inclusive), else no run can match");
            }
            return new ExecutionFilter(this);
        }
    }
}
