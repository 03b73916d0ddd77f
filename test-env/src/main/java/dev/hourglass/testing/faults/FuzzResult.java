package dev.hourglass.testing.faults;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.apiguardian.api.API;

/**
 * What a {@link FaultFuzzer} run found: that every trial passed, or the lowest-numbered failing trial, its plan
 * shrunk, the failure and a report that says how to reproduce it.
 *
 * <p>The report, {@link #getReport()}, gives the fuzzer seed, the failing trial's number and seed, the plan as drawn
 * and as shrunk, as the Java code that builds them, the line that reproduces the failure, the failure of the shrunk
 * plan's run with its stack trace, and the timelines of that run's executions (those that
 * {@link FuzzTrial#newEnvironment()} remembered). It holds no durations or wall-clock times: the same seed gives
 * the same text.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FuzzResult {

    private final long seed;
    private final int plannedTrials;
    private final int trials;
    private final long failingSeed;
    private final FaultPlan originalPlan;
    private final FaultShrinker.Result shrunk;
    private final Throwable originalFailure;
    private final Throwable shrunkFailure;
    private final String timelines;
    private final String report;

    private FuzzResult(long seed, int plannedTrials, int trials, long failingSeed, FaultPlan originalPlan,
            FaultShrinker.Result shrunk, Throwable originalFailure, Throwable shrunkFailure, String timelines) {
        this.seed = seed;
        this.plannedTrials = plannedTrials;
        this.trials = trials;
        this.failingSeed = failingSeed;
        this.originalPlan = originalPlan;
        this.shrunk = shrunk;
        this.originalFailure = originalFailure;
        this.shrunkFailure = shrunkFailure;
        this.timelines = timelines;
        this.report = originalFailure == null ? passedReport() : failedReport();
    }

    static FuzzResult passed(long seed, int trials) {
        return new FuzzResult(seed, trials, trials, 0, null, null, null, null, "");
    }

    static FuzzResult failed(long seed, int plannedTrials, int trial, long failingSeed, FaultPlan originalPlan,
            FaultShrinker.Result shrunk, Throwable originalFailure, Throwable shrunkFailure, String timelines) {
        return new FuzzResult(seed, plannedTrials, trial, failingSeed, originalPlan, shrunk, originalFailure,
                shrunkFailure, timelines);
    }

    /** Whether a trial failed. */
    public boolean isFailed() {
        return originalFailure != null;
    }

    /** The fuzzer's seed. */
    public long getSeed() {
        return seed;
    }

    /** How many trials ran: all of them when none failed, else up to and including the failing one. */
    public int getTrials() {
        return trials;
    }

    /**
     * The failing trial's seed, which reproduces the failure with {@link #getFailingPlan()}.
     *
     * @throws IllegalStateException if no trial failed
     */
    public long getFailingSeed() {
        requireFailed("getFailingSeed");
        return failingSeed;
    }

    /**
     * The failing trial's plan, shrunk: the smallest plan found that fails with {@link #getFailingSeed()}.
     *
     * @return the plan, or {@code null} if no trial failed
     */
    public FaultPlan getFailingPlan() {
        return shrunk == null ? null : shrunk.getPlan();
    }

    /** The failing trial's plan as drawn, before shrinking, or {@code null} if no trial failed. */
    public FaultPlan getOriginalPlan() {
        return originalPlan;
    }

    /** How many runs of the body shrinking took (the last run of the shrunk plan not counted); 0 if none failed. */
    public int getShrinkRuns() {
        return shrunk == null ? 0 : shrunk.getRuns();
    }

    /**
     * The failure of the shrunk plan's last run; if that run passed (the body is not deterministic), the failure of
     * the trial as drawn.
     *
     * @return the failure, or {@code null} if no trial failed
     */
    public Throwable getFailure() {
        return shrunkFailure != null ? shrunkFailure : originalFailure;
    }

    /** The report: what passed, or the failure and how to reproduce it (see {@link FuzzResult}); never {@code null}. */
    public String getReport() {
        return report;
    }

    /**
     * Throws an {@link AssertionError} whose message is the {@link #getReport() report} if a trial failed.
     *
     * @throws AssertionError if a trial failed
     */
    public void assertNoFailure() {
        if (isFailed()) {
            throw new AssertionError(report);
        }
    }

    /** The report. */
    @Override
    public String toString() {
        return report;
    }

    private void requireFailed(String method) {
        if (!isFailed()) {
            throw new IllegalStateException(method + "() has nothing to return: all " + trials
                    + " trials passed; ask isFailed() first");
        }
    }

    private String passedReport() {
        return "Fault fuzzing passed: " + trials + (trials == 1 ? " trial" : " trials") + " (fuzzer seed " + seed
                + "L), no failure.";
    }

    private String failedReport() {
        FaultPlan plan = shrunk.getPlan();
        StringBuilder out = new StringBuilder();
        out.append("Fault fuzzing failed: trial ").append(trials).append(" of ").append(plannedTrials)
                .append(" broke the invariant (fuzzer seed ").append(seed).append("L).\n\n");
        out.append("  fuzzer seed:   ").append(seed).append("L\n");
        out.append("  failing trial: ").append(trials).append(", trial seed ").append(failingSeed).append("L\n");
        out.append("  shrinking:     ").append(shrunk.getRuns()).append(shrunk.getRuns() == 1 ? " run, " : " runs, ")
                .append(faults(originalPlan)).append(" -> ").append(faults(plan))
                .append(shrunk.isComplete() ? " (no fault can be removed and the failure stay)"
                        : " (stopped at the bound of runs: the plan may shrink further)")
                .append("\n\n");
        out.append("Original plan:\n").append(originalPlan).append("\n\n");
        out.append("Shrunk plan:\n").append(plan).append("\n\n");
        out.append("To reproduce, run the body with\n    TestEnvironmentOptions.newBuilder().setSeed(")
                .append(failingSeed).append("L).setFaultPlan(").append(plan).append(").build()\n")
                .append("or pass FuzzTrial.of(").append(failingSeed).append("L, <shrunk plan>) to the body.\n\n");
        if (shrunkFailure == null) {
            out.append("The shrunk plan's last run passed: the body does not fail the same way every time with the"
                    + " same seed and plan (does it depend on the wall clock, on unseeded randomness, on state kept"
                    + " from one trial to the next?). The failure of the trial as drawn:\n")
                    .append(stackTrace(originalFailure));
        } else {
            out.append("Failure of the shrunk plan:\n").append(stackTrace(shrunkFailure));
        }
        out.append("\n\n");
        if (timelines.isEmpty()) {
            out.append("Timelines of the shrunk run: none (create environments with trial.newEnvironment() and give"
                    + " workflows ids to see their timelines here)");
        } else {
            out.append("Timelines of the shrunk run:\n").append(timelines);
        }
        return out.toString();
    }

    private static String faults(FaultPlan plan) {
        int count = plan.getFaults().size();
        return count + (count == 1 ? " fault" : " faults");
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        String trace = text.toString().replace(System.lineSeparator(), "\n");
        return trace.endsWith("\n") ? trace.substring(0, trace.length() - 1) : trace;
    }
}
