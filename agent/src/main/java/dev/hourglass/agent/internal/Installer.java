package dev.hourglass.agent.internal;

import dev.hourglass.failure.NondeterministicCallError;
import dev.hourglass.internal.replay.DeterminismGuard;
import dev.hourglass.internal.replay.WorkflowExecutor;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the call-site rewriting in place: registers the transformer, so that every class in scope that loads from
 * now on is rewritten, then retransforms the classes in scope that are already loaded (a test's workflow classes
 * usually are, by the time it creates its environment).
 */
public final class Installer {

    private static final Logger log = LoggerFactory.getLogger(Installer.class);

    private Installer() {
    }

    /**
     * Installs the rewriting through {@code instrumentation}; once per JVM (the caller makes sure).
     *
     * @param fail whether a forbidden call throws (fail mode) or is logged once per call site (log mode)
     */
    public static void install(Instrumentation instrumentation, boolean fail) {
        Violations.setFailing(fail);
        requireMatchingEngine();
        CallSiteRewriter rewriter = new CallSiteRewriter();
        Warmup.run(rewriter);
        instrumentation.addTransformer(rewriter, true);
        if (instrumentation.isRetransformClassesSupported()) {
            retransformLoaded(instrumentation);
        } else {
            log.warn("this JVM cannot retransform classes: the determinism agent checks only the classes loaded"
                    + " after it was installed");
        }
    }

    /** Sets whether a forbidden call throws (fail mode) or is logged once per call site (log mode). */
    public static void setFailing(boolean fail) {
        Violations.setFailing(fail);
    }

    /**
     * Fails now, with a message, if the Hourglass SDK on the class path lacks what the checks call: with an agent
     * jar of another version, every forbidden call would otherwise fail workflow tasks with a linkage error.
     */
    private static void requireMatchingEngine() {
        try {
            DeterminismGuard.class.getMethod("checkedExecution");
            DeterminismGuard.class.getMethod("violated", NondeterministicCallError.class);
            DeterminismGuard.class.getMethod("workflowClass", WorkflowExecutor.class);
        } catch (NoSuchMethodException | LinkageError e) {
            throw new IllegalStateException("the determinism agent does not fit the Hourglass SDK"
                    + " (hourglass-sdk-core) on the class path: it lacks " + e.getMessage() + ". Use the agent of"
                    + " the same Hourglass version as the SDK", e);
        }
    }

    private static void retransformLoaded(Instrumentation instrumentation) {
        List<Class<?>> inScope = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (isCandidate(type) && instrumentation.isModifiableClass(type)) {
                inScope.add(type);
            }
        }
        if (inScope.isEmpty()) {
            return;
        }
        try {
            instrumentation.retransformClasses(inScope.toArray(new Class<?>[0]));
        } catch (UnmodifiableClassException | RuntimeException | LinkageError batchFailed) {
            // one class the JVM refuses must not leave the others unchecked: go one by one
            for (Class<?> type : inScope) {
                try {
                    instrumentation.retransformClasses(type);
                } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
                    log.warn("the determinism agent could not rewrite {}, loaded before it was installed: its calls"
                            + " are not checked ({})", type.getName(), e.toString());
                }
            }
        }
    }

    private static boolean isCandidate(Class<?> type) {
        return !type.isArray() && !type.isPrimitive() && !type.isHidden() && type.getClassLoader() != null
                && ClassScope.isInScope(type.getName().replace('.', '/'));
    }
}
