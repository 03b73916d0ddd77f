package dev.hourglass.testing.faults;

import java.util.Objects;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * Throws seeded fault plans at an invariant: runs a {@link FuzzBody} once per trial with a plan drawn from a
 * {@link FaultSpace} and a seed of its own, stops at the lowest-numbered trial that fails, shrinks its plan to the
 * smallest that still fails with the same trial seed, and reports both plans as code, the failure and the timelines
 * of the failing run.
 *
 * <pre>{@code
 * FuzzResult result = FaultFuzzer.newBuilder()
 *         .setSeed(42L)
 *         .setTrials(1_000)
 *         .setFaultSpace(FaultSpace.newBuilder().addActivityTypes("withdraw", "deposit").setMaxFaults(4).build())
 *         .build()
 *         .run(trial -> {
 *             try (TestWorkflowEnvironment env = trial.newEnvironment()) {
 *                 // run the workflow; throw AssertionError when an invariant breaks
 *             }
 *         });
 * result.assertNoFailure();
 * }</pre>
 *
 * <p>Everything follows from the seed: trial {@code n}'s seed and plan are drawn from a {@link SplittableRandom}
 * split off the fuzzer's seed, so the same seed gives the same trials, and (the body being deterministic for a
 * given trial seed and plan, as test environments are) the same failing trial, the same shrinking and the same
 * report, byte for byte. The report holds no durations or wall-clock times.
 *
 * <p>Trials run on {@link Builder#setParallelism(int) several threads} at once (by default as many as there are
 * processors), so a body must not share mutable state across trials: make fakes, ledgers and collected values
 * inside the body, or make them thread-safe, or set the parallelism to 1. Parallelism changes neither the trials
 * nor the result: trials are handed out in order of their numbers, none is handed out once one has failed, the
 * trials numbered below a failing one still finish, and the lowest-numbered failing trial is the failure. It is
 * shrunk on the calling thread, one run after another, so the same seed gives the same result and report whatever
 * the parallelism.
 *
 * <p>A trial fails when the body throws anything but a {@link VirtualMachineError} (which ends the run), or when
 * closing an environment it left open throws. While shrinking, a smaller plan counts as still failing when the
 * body throws an exception of the same class as the original failure, so that shrinking does not drift to another
 * bug. The shrunk plan is run once more, and the report shows that run's failure and timelines.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FaultFuzzer {

    /** How many trials a fuzzer runs unless told otherwise. */
    public static final int DEFAULT_TRIALS = 100;

    private final long seed;
    private final int trials;
    private final FaultSpace space;
    private final int maxShrinkRuns;
    private final int parallelism;

    private FaultFuzzer(Builder builder) {
        this.seed = builder.seed;
        this.trials = builder.trials;
        this.space = builder.space;
        this.maxShrinkRuns = builder.maxShrinkRuns;
        this.parallelism = builder.parallelism;
    }

    /** Returns a builder; a seed and a fault space must be set. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** The fuzzer's seed. */
    public long getSeed() {
        return seed;
    }

    /** How many trials the fuzzer runs at most. */
    public int getTrials() {
        return trials;
    }

    /** Where the plans are drawn from; never {@code null}. */
    public FaultSpace getFaultSpace() {
        return space;
    }

    /** On how many threads trials run at once, the calling thread among them. */
    public int getParallelism() {
        return parallelism;
    }

    /**
     * Runs the trials on the calling thread and {@code parallelism - 1} threads of the fuzzer's own, until one
     * fails or all pass; shrinks the lowest-numbered failing trial's plan on the calling thread.
     *
     * @param body the body, which runs on several threads at once unless the parallelism is 1; never {@code null}
     * @return the outcome, with the report; never {@code null}
     */
    public FuzzResult run(FuzzBody body) {
        Objects.requireNonNull(body, "body");
        TrialRunner runner = new TrialRunner(body, new SplittableRandom(seed));
        Thread[] helpers = new Thread[parallelism - 1];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Thread(runner, "fault-fuzzer-" + seed + "-trials-" + (i + 2));
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
        runner.run();
        joinAll(helpers);
        if (runner.fatal != null) {
            throw runner.fatal;
        }
        Failing failing = runner.lowestFailing();
        if (failing == null) {
            return FuzzResult.passed(seed, trials);
        }
        return shrink(body, failing.trial.getNumber(), failing.trial.getSeed(), failing.trial.getPlan(),
                failing.failure);
    }

    /** Waits for the helpers, which finish on their own once no trial is left; an interrupt is kept for later. */
    private static void joinAll(Thread[] helpers) {
        boolean interrupted = false;
        for (Thread helper : helpers) {
            while (helper.isAlive()) {
                try {
                    helper.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A failing trial and what it threw. */
    private record Failing(FuzzTrial trial, Throwable failure) {
    }

    /**
     * Hands out trials in the order of their numbers, each with the seed and plan split off the fuzzer's random in
     * that order, to every thread that runs it, and keeps the lowest-numbered failure.
     */
    private final class TrialRunner implements Runnable {
        private final FuzzBody body;
        private final SplittableRandom master;
        private int handedOut;
        private boolean stopped;
        private Failing lowest;
        private volatile VirtualMachineError fatal;

        TrialRunner(FuzzBody body, SplittableRandom master) {
            this.body = body;
            this.master = master;
        }

        @Override
        public void run() {
            try {
                for (FuzzTrial trial = next(); trial != null; trial = next()) {
                    Throwable failure = runTrial(body, trial);
                    if (failure != null) {
                        failed(new Failing(trial, failure));
                    }
                }
            } catch (VirtualMachineError e) {
                fatal = e;
                synchronized (this) {
                    stopped = true;
                }
            }
        }

        /** The next trial, or {@code null} when all were handed out, or one failed. */
        private FuzzTrial next() {
            SplittableRandom random;
            int number;
            synchronized (this) {
                if (stopped || handedOut == trials) {
                    return null;
                }
                number = ++handedOut;
                random = master.split();
            }
            long trialSeed = random.nextLong();
            return new FuzzTrial(number, trialSeed, space.sample(random), false);
        }

        private synchronized void failed(Failing failing) {
            stopped = true;
            if (lowest == null || failing.trial.getNumber() < lowest.trial.getNumber()) {
                lowest = failing;
            }
        }

        synchronized Failing lowestFailing() {
            return lowest;
        }
    }

    private FuzzResult shrink(FuzzBody body, int number, long trialSeed, FaultPlan original, Throwable failure) {
        Class<?> failureClass = failure.getClass();
        FaultShrinker.Result shrunk = FaultShrinker.shrink(original, candidate -> {
            Throwable again = runTrial(body, new FuzzTrial(number, trialSeed, candidate, false));
            return again != null && again.getClass() == failureClass;
        }, maxShrinkRuns);
        FuzzTrial last = new FuzzTrial(number, trialSeed, shrunk.getPlan(), true);
        Throwable lastFailure = runTrial(body, last);
        return FuzzResult.failed(seed, trials, number, trialSeed, original, shrunk, failure, lastFailure,
                last.timelines());
    }

    /** Runs the body once, closes what it left open; returns what failed, or {@code null}. */
    static Throwable runTrial(FuzzBody body, FuzzTrial trial) {
        Throwable failure = null;
        try {
            body.run(trial);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            failure = e;
        }
        Throwable closing = trial.closeEnvironments();
        if (closing instanceof VirtualMachineError) {
            throw (VirtualMachineError) closing;
        }
        if (closing == null) {
            return failure;
        }
        if (failure == null) {
            return closing;
        }
        if (closing != failure) {
            failure.addSuppressed(closing);
        }
        return failure;
    }

    /**
     * Builds a {@link FaultFuzzer}.
     *
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private Long seed;
        private int trials = DEFAULT_TRIALS;
        private FaultSpace space;
        private int maxShrinkRuns = FaultShrinker.DEFAULT_MAX_RUNS;
        private int parallelism = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /**
         * Sets the seed every trial's seed and plan are drawn from; required, so that every run can be repeated.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder setSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets how many trials to run at most (default {@value FaultFuzzer#DEFAULT_TRIALS}).
         *
         * @param trials 1 or more
         * @return this builder
         */
        public Builder setTrials(int trials) {
            if (trials < 1) {
                throw new IllegalArgumentException("trials must be 1 or more, not " + trials);
            }
            this.trials = trials;
            return this;
        }

        /**
         * Sets where the trials' plans are drawn from; required.
         *
         * @param space the space; never {@code null}
         * @return this builder
         */
        public Builder setFaultSpace(FaultSpace space) {
            this.space = Objects.requireNonNull(space, "faultSpace");
            return this;
        }

        /**
         * Sets how many runs of the body shrinking may take at most (default
         * {@value FaultShrinker#DEFAULT_MAX_RUNS}); 0 reports the failing plan as drawn.
         *
         * @param maxShrinkRuns 0 or more
         * @return this builder
         */
        public Builder setMaxShrinkRuns(int maxShrinkRuns) {
            if (maxShrinkRuns < 0) {
                throw new IllegalArgumentException("maxShrinkRuns must be 0 or more, not " + maxShrinkRuns);
            }
            this.maxShrinkRuns = maxShrinkRuns;
            return this;
        }

        /**
         * Sets on how many threads trials run at once, the calling thread among them (default: the number of
         * processors available to the JVM); 1 runs them one after another on the calling thread. The result does
         * not depend on it (see {@link FaultFuzzer}), but the body must then be safe to run on several threads.
         *
         * @param parallelism 1 or more
         * @return this builder
         */
        public Builder setParallelism(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be 1 or more, not " + parallelism);
            }
            this.parallelism = parallelism;
            return this;
        }

        /**
         * Returns the fuzzer.
         *
         * @return the fuzzer; never {@code null}
         * @throws IllegalStateException if no seed or no fault space was set
         */
        public FaultFuzzer build() {
            if (seed == null) {
                throw new IllegalStateException("a fault fuzzer needs a seed, so that a failure can be repeated:"
                        + " call setSeed, with any number");
            }
            if (space == null) {
                throw new IllegalStateException("a fault fuzzer needs a fault space to draw plans from: call"
                        + " setFaultSpace(FaultSpace.newBuilder().addActivityTypes(...).build())");
            }
            return new FaultFuzzer(this);
        }
    }
}
