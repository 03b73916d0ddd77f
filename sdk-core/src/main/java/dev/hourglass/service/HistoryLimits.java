package dev.hourglass.service;

import org.apiguardian.api.API;

/**
 * How long a run's history may grow. Every event costs memory in the service, time in every replay, and room in
 * the store, so a run that keeps going (a subscription, a polling loop, an entity that lives for years) should
 * {@code Workflow.continueAsNew} now and then and start a fresh history.
 *
 * <p>Two thresholds apply, each to the number of events and to their size (the bytes of the events as compact
 * UTF-8 JSON, as in a history file):
 *
 * <ul>
 *   <li>the <b>warning</b>: once a run's history reaches it, the service logs a warning (once per run) and
 *       {@code Workflow.getInfo().isContinueAsNewSuggested()} returns {@code true} in the workflow code;
 *   <li>the <b>limit</b>: once a run's history goes past it, the service terminates the run, with a reason that
 *       names the limit; the caller of {@code getResult} gets a {@code WorkflowFailedException}.
 * </ul>
 *
 * <pre>{@code
 * ServiceOptions options = ServiceOptions.newBuilder()
 *         .setHistoryLimits(HistoryLimits.newBuilder().setEventCountWarning(2_000).build())
 *         .build();
 * }</pre>
 *
 * <p>Workflow code that acts on {@code isContinueAsNewSuggested()} sees the same answer on every replay as
 * long as the warning thresholds stay the same: replay a history under the thresholds it was recorded with.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HistoryLimits {

    /** The default event count at which the service warns and suggests continue-as-new: 10,240. */
    public static final int DEFAULT_EVENT_COUNT_WARNING = 10_240;

    /** The default event count past which the service terminates a run: 51,200. */
    public static final int DEFAULT_EVENT_COUNT_LIMIT = 51_200;

    /** The default history size at which the service warns and suggests continue-as-new: 10 MiB. */
    public static final long DEFAULT_SIZE_WARNING = 10L * 1024 * 1024;

    /** The default history size past which the service terminates a run: 50 MiB. */
    public static final long DEFAULT_SIZE_LIMIT = 50L * 1024 * 1024;

    private static final HistoryLimits DEFAULT = newBuilder().build();

    private final int eventCountWarning;
    private final int eventCountLimit;
    private final long sizeWarning;
    private final long sizeLimit;

    private HistoryLimits(Builder builder) {
        this.eventCountWarning = builder.eventCountWarning;
        this.eventCountLimit = builder.eventCountLimit;
        this.sizeWarning = builder.sizeWarning;
        this.sizeLimit = builder.sizeLimit;
    }

    /**
     * Returns a builder that starts from the defaults.
     *
     * @return the builder; never {@code null}
     */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Returns the defaults: a warning at 10,240 events or 10 MiB, termination past 51,200 events or 50 MiB.
     *
     * @return the defaults; never {@code null}
     */
    public static HistoryLimits getDefaultInstance() {
        return DEFAULT;
    }

    /**
     * Returns the event count at which the service warns and suggests continue-as-new.
     *
     * @return the count; positive and below {@link #getEventCountLimit()}
     */
    public int getEventCountWarning() {
        return eventCountWarning;
    }

    /**
     * Returns the event count past which the service terminates a run.
     *
     * @return the count; positive
     */
    public int getEventCountLimit() {
        return eventCountLimit;
    }

    /**
     * Returns the history size in bytes at which the service warns and suggests continue-as-new.
     *
     * @return the size; positive and below {@link #getSizeLimit()}
     */
    public long getSizeWarning() {
        return sizeWarning;
    }

    /**
     * Returns the history size in bytes past which the service terminates a run.
     *
     * @return the size; positive
     */
    public long getSizeLimit() {
        return sizeLimit;
    }

    /**
     * Returns whether a history of {@code eventCount} events and {@code sizeBytes} bytes has reached a warning
     * threshold.
     *
     * @param eventCount the number of events
     * @param sizeBytes the size of the events in bytes
     * @return whether continue-as-new is suggested
     */
    public boolean isWarningReached(int eventCount, long sizeBytes) {
        return eventCount >= eventCountWarning || sizeBytes >= sizeWarning;
    }

    /**
     * Returns whether a history of {@code eventCount} events and {@code sizeBytes} bytes is past a limit.
     *
     * @param eventCount the number of events
     * @param sizeBytes the size of the events in bytes
     * @return whether the run is terminated
     */
    public boolean isLimitExceeded(int eventCount, long sizeBytes) {
        return eventCount > eventCountLimit || sizeBytes > sizeLimit;
    }

    @Override
    public String toString() {
        return "HistoryLimits{warning: " + eventCountWarning + " events or " + sizeWarning + " bytes, limit: "
                + eventCountLimit + " events or " + sizeLimit + " bytes}";
    }

    /** Builds {@link HistoryLimits}; starts from the defaults. */
    public static final class Builder {
        private int eventCountWarning = DEFAULT_EVENT_COUNT_WARNING;
        private int eventCountLimit = DEFAULT_EVENT_COUNT_LIMIT;
        private long sizeWarning = DEFAULT_SIZE_WARNING;
        private long sizeLimit = DEFAULT_SIZE_LIMIT;

        private Builder() {
        }

        /**
         * Sets the event count at which the service warns and suggests continue-as-new.
         *
         * @param count a positive count, below the event count limit
         * @return this builder
         * @throws IllegalArgumentException if {@code count} is not positive
         */
        public Builder setEventCountWarning(int count) {
            this.eventCountWarning = (int) positive(count, "eventCountWarning");
            return this;
        }

        /**
         * Sets the event count past which the service terminates a run.
         *
         * @param count a positive count
         * @return this builder
         * @throws IllegalArgumentException if {@code count} is not positive
         */
        public Builder setEventCountLimit(int count) {
            this.eventCountLimit = (int) positive(count, "eventCountLimit");
            return this;
        }

        /**
         * Sets the history size in bytes at which the service warns and suggests continue-as-new.
         *
         * @param bytes a positive size, below the size limit
         * @return this builder
         * @throws IllegalArgumentException if {@code bytes} is not positive
         */
        public Builder setSizeWarning(long bytes) {
            this.sizeWarning = positive(bytes, "sizeWarning");
            return this;
        }

        /**
         * Sets the history size in bytes past which the service terminates a run.
         *
         * @param bytes a positive size
         * @return this builder
         * @throws IllegalArgumentException if {@code bytes} is not positive
         */
        public Builder setSizeLimit(long bytes) {
            this.sizeLimit = positive(bytes, "sizeLimit");
            return this;
        }

        /**
         * Returns the limits.
         *
         * @return the limits; never {@code null}
         * @throws IllegalArgumentException if a warning is not below its limit
         */
        public HistoryLimits build() {
            if (eventCountWarning >= eventCountLimit) {
                throw new IllegalArgumentException("eventCountWarning (" + eventCountWarning
                        + ") must be below eventCountLimit (" + eventCountLimit + ")");
            }
            if (sizeWarning >= sizeLimit) {
                throw new IllegalArgumentException("sizeWarning (" + sizeWarning + " bytes) must be below sizeLimit ("
                        + sizeLimit + " bytes)");
            }
            return new HistoryLimits(this);
        }

        private static long positive(long value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive but was " + value);
            }
            return value;
        }
    }
}
