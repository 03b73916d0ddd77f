package dev.hourglass.service;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Tuning of a workflow service: how long workers may hold tasks, how long queries wait, how long histories may
 * grow, and for the durable stores how often a service looks for work that other processes left due.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ServiceOptions {

    private static final ServiceOptions DEFAULT = newBuilder().build();

    private final Duration workflowTaskTimeout;
    private final Duration workflowTaskRetryInterval;
    private final Duration queryTimeout;
    private final HistoryLimits historyLimits;
    private final Duration sweepInterval;

    private ServiceOptions(Builder builder) {
        this.workflowTaskTimeout = builder.workflowTaskTimeout;
        this.workflowTaskRetryInterval = builder.workflowTaskRetryInterval;
        this.queryTimeout = builder.queryTimeout;
        this.historyLimits = builder.historyLimits;
        this.sweepInterval = builder.sweepInterval;
    }

    /** Returns a builder with the defaults. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Returns the defaults: 10 s task timeout, 1 s task retry interval, 10 s query timeout, the default
     * {@link HistoryLimits}, and a 1 s sweep interval.
     */
    public static ServiceOptions getDefaultInstance() {
        return DEFAULT;
    }

    /** How long a worker may hold a workflow task before it is handed out again; never {@code null}. */
    public Duration getWorkflowTaskTimeout() {
        return workflowTaskTimeout;
    }

    /** How long after a failed workflow task it is retried; never {@code null}. */
    public Duration getWorkflowTaskRetryInterval() {
        return workflowTaskRetryInterval;
    }

    /** How long a query waits for a worker to answer; never {@code null}. */
    public Duration getQueryTimeout() {
        return queryTimeout;
    }

    /** How long a run's history may grow; never {@code null}. */
    public HistoryLimits getHistoryLimits() {
        return historyLimits;
    }

    /**
     * How often a durable service (SQLite, PostgreSQL) looks for timers and activity deadlines that came due without
     * it knowing: those another process started, and those that came due while no service ran. Timers a service
     * started itself fire at their time regardless. Ignored by the in-memory service; never {@code null}.
     */
    public Duration getSweepInterval() {
        return sweepInterval;
    }

    /** Builds {@link ServiceOptions}. */
    public static final class Builder {
        private Duration workflowTaskTimeout = Duration.ofSeconds(10);
        private Duration workflowTaskRetryInterval = Duration.ofSeconds(1);
        private Duration queryTimeout = Duration.ofSeconds(10);
        private HistoryLimits historyLimits = HistoryLimits.getDefaultInstance();
        private Duration sweepInterval = Duration.ofSeconds(1);

        private Builder() {
        }

        /** Sets how long a worker may hold a workflow task. */
        public Builder setWorkflowTaskTimeout(Duration timeout) {
            this.workflowTaskTimeout = positive(timeout, "workflowTaskTimeout");
            return this;
        }

        /** Sets how long after a failed workflow task it is retried. */
        public Builder setWorkflowTaskRetryInterval(Duration interval) {
            this.workflowTaskRetryInterval = positive(interval, "workflowTaskRetryInterval");
            return this;
        }

        /** Sets how long a query waits for an answer. */
        public Builder setQueryTimeout(Duration timeout) {
            this.queryTimeout = positive(timeout, "queryTimeout");
            return this;
        }

        /** Sets how long a run's history may grow: when the service warns, and past what it terminates a run. */
        public Builder setHistoryLimits(HistoryLimits limits) {
            this.historyLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Sets how often a durable service looks for timers and deadlines other processes left due. */
        public Builder setSweepInterval(Duration interval) {
            this.sweepInterval = positive(interval, "sweepInterval");
            return this;
        }

        /** Returns the options. */
        public ServiceOptions build() {
            return new ServiceOptions(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive but was " + value);
            }
            return value;
        }
    }
}
