package dev.hourglass.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Compensations of a multi-step business transaction: each step that succeeded registers how to undo it,
 * and {@link #compensate()} runs the registered compensations in reverse order.
 *
 * <pre>{@code
 * Saga saga = new Saga(Saga.Options.newBuilder().build());
 * try {
 *     activities.holdFunds(order);
 *     saga.addCompensation(activities::releaseFunds, order);
 *     activities.chargeCard(order);
 * } catch (ActivityFailure e) {
 *     saga.compensate();
 *     throw e;
 * }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Saga {

    private final Options options;
    private final List<Functions.Proc> compensations = new ArrayList<>();

    /** Creates a saga with default options (sequential, stop at the first failing compensation). */
    public Saga() {
        this(Options.newBuilder().build());
    }

    /** Creates a saga with the given options. */
    public Saga(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Registers a compensation. */
    public void addCompensation(Functions.Proc compensation) {
        Objects.requireNonNull(compensation, "compensation");
        compensations.add(compensation);
    }

    /** Registers a compensation taking one argument. */
    public <A1> void addCompensation(Functions.Proc1<A1> compensation, A1 arg1) {
        Objects.requireNonNull(compensation, "compensation");
        compensations.add(() -> compensation.apply(arg1));
    }

    /** Registers a compensation taking two arguments. */
    public <A1, A2> void addCompensation(Functions.Proc2<A1, A2> compensation, A1 arg1, A2 arg2) {
        Objects.requireNonNull(compensation, "compensation");
        compensations.add(() -> compensation.apply(arg1, arg2));
    }

    /** Registers a compensation that returns a value, which is ignored. */
    public <R> void addCompensation(Functions.Func<R> compensation) {
        Objects.requireNonNull(compensation, "compensation");
        compensations.add(compensation::apply);
    }

    /** Registers a compensation taking one argument and returning a value, which is ignored. */
    public <A1, R> void addCompensation(Functions.Func1<A1, R> compensation, A1 arg1) {
        Objects.requireNonNull(compensation, "compensation");
        compensations.add(() -> compensation.apply(arg1));
    }

    /**
     * Runs the compensations, last registered first (all at once when parallel). A failing compensation
     * stops the others unless {@code continueWithError} is set; the first failure is then thrown after all
     * ran, with the later ones suppressed.
     */
    public void compensate() {
        List<Functions.Proc> reversed = new ArrayList<>(compensations);
        java.util.Collections.reverse(reversed);
        if (options.parallelCompensation) {
            List<Promise<Void>> promises = new ArrayList<>();
            for (Functions.Proc compensation : reversed) {
                promises.add(Workflow.async(compensation));
            }
            RuntimeException first = null;
            for (Promise<Void> promise : promises) {
                try {
                    promise.get();
                } catch (RuntimeException e) {
                    first = addFailure(first, e);
                }
            }
            if (first != null) {
                throw first;
            }
            return;
        }
        RuntimeException first = null;
        for (Functions.Proc compensation : reversed) {
            try {
                compensation.apply();
            } catch (RuntimeException e) {
                first = addFailure(first, e);
                if (!options.continueWithError) {
                    throw first;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static RuntimeException addFailure(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    /** Options of a {@link Saga}. */
    public static final class Options {
        private final boolean parallelCompensation;
        private final boolean continueWithError;

        private Options(boolean parallelCompensation, boolean continueWithError) {
            this.parallelCompensation = parallelCompensation;
            this.continueWithError = continueWithError;
        }

        /** Returns a builder: sequential compensation that stops at the first failure. */
        public static Builder newBuilder() {
            return new Builder();
        }

        /** Builds {@link Options}. */
        public static final class Builder {
            private boolean parallelCompensation;
            private boolean continueWithError;

            private Builder() {
            }

            /** Runs compensations concurrently instead of one after another. */
            public Builder setParallelCompensation(boolean parallel) {
                this.parallelCompensation = parallel;
                return this;
            }

            /** Runs the remaining compensations when one fails. */
            public Builder setContinueWithError(boolean continueWithError) {
                this.continueWithError = continueWithError;
                return this;
            }

            /** Returns the options. */
            public Options build() {
                return new Options(parallelCompensation, continueWithError);
            }
        }
    }

}
