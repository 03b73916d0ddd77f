package dev.hourglass.testing.faults.internal;

import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.faults.FaultFuzzTest;
import dev.hourglass.testing.faults.FaultFuzzer;
import dev.hourglass.testing.faults.FaultSpace;
import dev.hourglass.testing.faults.FuzzResult;
import dev.hourglass.testing.faults.FuzzTrial;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Runs a {@link FaultFuzzTest} method as a fuzz body: instead of calling the method once, calls it once per trial
 * with that trial's {@link FuzzTrial} (and environment) in place of the placeholders resolved for it, then fails
 * the test with the report.
 */
public final class FaultFuzzExtension implements InvocationInterceptor, ParameterResolver {

    /** What JUnit resolves a trial or environment parameter to; replaced for each trial. */
    private static final Object PLACEHOLDER = new Object();

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return parameterContext.getDeclaringExecutable().isAnnotationPresent(FaultFuzzTest.class)
                && (type == FuzzTrial.class || type == TestWorkflowEnvironment.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        // JUnit checks the type of what is resolved: a trial that the fuzzer replaces, and no environment yet
        return parameterContext.getParameter().getType() == FuzzTrial.class
                ? FuzzTrial.of(0, dev.hourglass.testing.faults.FaultPlan.none()) : null;
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        Method method = invocationContext.getExecutable();
        FaultFuzzTest settings = method.getAnnotation(FaultFuzzTest.class);
        if (settings == null) {
            invocation.proceed();
            return;
        }
        invocation.skip();
        Object target = invocationContext.getTarget().orElse(null);
        List<Object> resolved = invocationContext.getArguments();
        Class<?>[] types = method.getParameterTypes();
        method.setAccessible(true);
        FaultFuzzer.Builder fuzzer = FaultFuzzer.newBuilder()
                .setSeed(settings.seed())
                .setTrials(settings.trials())
                .setMaxShrinkRuns(settings.maxShrinkRuns())
                .setFaultSpace(space(settings, method, target));
        if (settings.parallelism() < 0) {
            throw new ExtensionConfigurationException("@FaultFuzzTest(parallelism = " + settings.parallelism()
                    + ") on " + method.getName() + ": give 1 or more threads, or 0 for as many as there are"
                    + " processors");
        }
        if (settings.parallelism() > 0) {
            fuzzer.setParallelism(settings.parallelism());
        }
        FuzzResult result = fuzzer.build()
                .run(trial -> {
                    Object[] arguments = resolved.toArray();
                    for (int i = 0; i < types.length; i++) {
                        if (types[i] == FuzzTrial.class) {
                            arguments[i] = trial;
                        } else if (types[i] == TestWorkflowEnvironment.class) {
                            arguments[i] = trial.newEnvironment();
                        }
                    }
                    try {
                        method.invoke(target, arguments);
                    } catch (InvocationTargetException e) {
                        throw rethrow(e.getCause());
                    }
                });
        result.assertNoFailure();
    }

    private static Exception rethrow(Throwable cause) {
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        return (Exception) cause;
    }

    private static FaultSpace space(FaultFuzzTest settings, Method method, Object target) throws Exception {
        if (!settings.faultSpace().isEmpty()) {
            Method factory;
            try {
                factory = method.getDeclaringClass().getDeclaredMethod(settings.faultSpace());
            } catch (NoSuchMethodException e) {
                throw new ExtensionConfigurationException("@FaultFuzzTest(faultSpace = \"" + settings.faultSpace()
                        + "\") on " + method.getName() + ": the test class has no method " + settings.faultSpace()
                        + "() without parameters; declare one that returns a FaultSpace");
            }
            if (factory.getReturnType() != FaultSpace.class) {
                throw new ExtensionConfigurationException("@FaultFuzzTest(faultSpace = \"" + settings.faultSpace()
                        + "\") on " + method.getName() + ": " + settings.faultSpace() + "() returns "
                        + factory.getReturnType().getName() + ", not a FaultSpace");
            }
            factory.setAccessible(true);
            try {
                return (FaultSpace) factory.invoke(Modifier.isStatic(factory.getModifiers()) ? null : target);
            } catch (InvocationTargetException e) {
                throw rethrow(e.getCause());
            }
        }
        FaultSpace.Builder space = FaultSpace.newBuilder()
                .addActivityTypes(settings.activityTypes())
                .setMaxFaults(settings.maxFaults())
                .setMaxAttempt(settings.maxAttempt())
                .setMaxWorkflowTasks(settings.maxWorkflowTasks());
        try {
            return space.build();
        } catch (IllegalStateException e) {
            throw new ExtensionConfigurationException("@FaultFuzzTest on " + method.getName() + ": "
                    + e.getMessage() + " (or name a method returning a FaultSpace with faultSpace = \"...\")", e);
        }
    }
}
