package dev.hourglass.workflow;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Options of a durable timer started by {@link Workflow#newTimer(java.time.Duration, TimerOptions)}.
 *
 * <pre>{@code
 * Promise<Void> reminder = Workflow.newTimer(Duration.ofDays(3),
 *         TimerOptions.newBuilder().setSummary("remind the customer to confirm").build());
 * }</pre>
 *
 * <p>The summary is recorded as the {@code summary} attribute of the timer's {@code TimerStarted} event, and shows
 * in {@link dev.hourglass.history.HistoryTimeline}, so that a person reading a history knows what each timer waits
 * for. It is metadata: replay does not compare it, so changing a summary in the code never makes a recorded history
 * incompatible. A timer without a summary records no {@code summary} attribute.
 *
 * <p>Instances are immutable and may be shared.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TimerOptions {

    private static final TimerOptions DEFAULT = newBuilder().build();

    private final String summary;

    private TimerOptions(Builder builder) {
        this.summary = builder.summary;
    }

    /**
     * Returns a builder with nothing set.
     *
     * @return a new builder; never {@code null}
     */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Returns a builder starting from {@code options}.
     *
     * @param options the options to copy; {@code null} for none set
     * @return a new builder; never {@code null}
     */
    public static Builder newBuilder(TimerOptions options) {
        Builder builder = new Builder();
        if (options != null) {
            builder.summary = options.summary;
        }
        return builder;
    }

    /**
     * Returns options with nothing set: a timer as {@link Workflow#newTimer(java.time.Duration)} starts it.
     *
     * @return the default options; never {@code null}
     */
    public static TimerOptions getDefaultInstance() {
        return DEFAULT;
    }

    /**
     * Returns the summary recorded with the timer.
     *
     * @return the summary, or {@code null} when none is set
     */
    public String getSummary() {
        return summary;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimerOptions && Objects.equals(summary, ((TimerOptions) o).summary);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(summary);
    }

    @Override
    public String toString() {
        return "TimerOptions{summary=" + (summary == null ? "null" : "'" + summary + "'") + "}";
    }

    /** Builds {@link TimerOptions}. */
    public static final class Builder {
        private String summary;

        private Builder() {
        }

        /**
         * Sets a short text, for people, that says what the timer waits for, such as {@code "grace period before
         * the card is charged"}. It is recorded in the history; do not put secrets or personal data in it.
         *
         * @param summary the summary; {@code null} for none
         * @return this builder
         */
        public Builder setSummary(String summary) {
            this.summary = summary;
            return this;
        }

        /**
         * Returns the options.
         *
         * @return the options; never {@code null}
         */
        public TimerOptions build() {
            return new TimerOptions(this);
        }
    }
}
