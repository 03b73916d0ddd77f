package dev.hourglass.agent;

import dev.hourglass.agent.internal.check.ReachabilityWalk;
import dev.hourglass.agent.internal.check.WalkResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The static determinism check: finds the calls that would break replay (wall clock, randomness, threads,
 * blocking, I/O, the environment) in the code reachable from workflow classes, with class, method and line,
 * before anything runs.
 *
 * <p>A worker runs it when it registers a workflow class, if the determinism agent is installed; a CI test runs
 * it directly:
 *
 * <pre>{@code
 * @Test
 * void orderWorkflowMakesNoNondeterministicCall() {
 *     DeterminismCheck.check(OrderWorkflowImpl.class).assertClean();
 * }
 * }</pre>
 *
 * <p>or, to assert on the findings themselves:
 *
 * <pre>{@code
 * assertThat(DeterminismCheck.check(OrderWorkflowImpl.class).getFindings()).isEmpty();
 * }</pre>
 *
 * <p>It reads class files as resources of each workflow class's class loader and neither loads nor initialises
 * the classes it walks. It starts from every method and constructor of the workflow class (workflow, signal and
 * query methods, and the code they share) and follows the calls into the application's classes and the libraries
 * it uses, not into the JDK, nor into Hourglass, nor into activity implementations (workflow code calls them
 * through stubs). The supplier of {@code Workflow.sideEffect}, given as a lambda or a method reference in the
 * call, is not checked, nor is a method annotated with {@code @SuppressDeterminismCheck}. Calls through
 * reflection, or on objects created only outside the code it walks, are not found: the run-time checks of the
 * agent catch those when they happen.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DeterminismCheck {

    private DeterminismCheck() {
    }

    /**
     * Checks the code reachable from each class, in the order given (each class once).
     *
     * @param workflowImplementationClasses the workflow implementation classes, as a worker registers them
     * @return the report; never {@code null}
     * @throws NullPointerException if the array or one of its elements is {@code null}
     */
    public static DeterminismReport check(Class<?>... workflowImplementationClasses) {
        return check(ReachabilityWalk.DEFAULT_MAX_METHODS, workflowImplementationClasses);
    }

    /** Checks with a bound on the methods each walk looks into. */
    static DeterminismReport check(int maxMethods, Class<?>... workflowImplementationClasses) {
        Objects.requireNonNull(workflowImplementationClasses, "workflowImplementationClasses");
        Set<Class<?>> types = new LinkedHashSet<>();
        for (int i = 0; i < workflowImplementationClasses.length; i++) {
            types.add(Objects.requireNonNull(workflowImplementationClasses[i],
                    "workflowImplementationClasses[" + i + "]"));
        }
        List<WalkResult> results = new ArrayList<>();
        for (Class<?> type : types) {
            results.add(ReachabilityWalk.walk(type, maxMethods));
        }
        return DeterminismReport.of(results);
    }
}
