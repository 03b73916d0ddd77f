package dev.hourglass.testing.faults;

import dev.hourglass.testing.faults.internal.FaultFuzzExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Makes a JUnit 5 test method a fault-fuzzing test: the method is the {@link FuzzBody}, run once per trial by a
 * {@link FaultFuzzer}, and the test fails with the fuzzer's report.
 *
 * <pre>{@code
 * @FaultFuzzTest(seed = 42, trials = 1000, activityTypes = {"withdraw", "deposit"}, maxFaults = 4)
 * void moneyIsConserved(FuzzTrial trial) throws Exception {
 *     try (TestWorkflowEnvironment env = trial.newEnvironment()) {
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>The method may declare a {@link FuzzTrial} parameter, and a {@code TestWorkflowEnvironment} parameter: a new
 * environment for each trial, made by {@link FuzzTrial#newEnvironment()}, not started, closed after the trial.
 * Other parameters are resolved once, by other extensions, and passed to every trial. The same test instance runs
 * every trial, and trials run on {@link #parallelism()} threads at once, so make per-trial state (fakes, ledgers)
 * inside the method, and keep what trials share thread-safe, or set {@code parallelism = 1}.
 *
 * <p>The fault space is {@link #faultSpace()}'s method's if named, else made of {@link #activityTypes()},
 * {@link #maxFaults()}, {@link #maxAttempt()} and {@link #maxWorkflowTasks()}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(FaultFuzzExtension.class)
public @interface FaultFuzzTest {

    /** The fuzzer's seed. */
    long seed();

    /** How many trials to run at most. */
    int trials() default FaultFuzzer.DEFAULT_TRIALS;

    /** The activity types whose attempts may fail. */
    String[] activityTypes() default {};

    /** The most faults in a plan. */
    int maxFaults() default 3;

    /** The highest attempt an activity fault is about. */
    int maxAttempt() default 3;

    /** Lets the worker crash after one of its first so many workflow tasks; 0: no crashes. */
    int maxWorkflowTasks() default 0;

    /**
     * The name of a method of the test class, static or not, without parameters, that returns the
     * {@link FaultSpace}; when set, the other attributes of the space are ignored.
     */
    String faultSpace() default "";

    /** How many runs of the method shrinking may take at most. */
    int maxShrinkRuns() default FaultShrinker.DEFAULT_MAX_RUNS;

    /**
     * On how many threads trials run at once (see {@link FaultFuzzer.Builder#setParallelism(int)}); 1 runs them one
     * after another on the test's thread; 0, the default, as many as there are processors available to the JVM.
     */
    int parallelism() default 0;
}
