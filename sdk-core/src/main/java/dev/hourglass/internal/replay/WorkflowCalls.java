package dev.hourglass.internal.replay;

import dev.hourglass.common.SearchAttributeUpdate;
import dev.hourglass.interceptors.WorkflowOutboundCallsInterceptor;
import dev.hourglass.workflow.ContinueAsNewOptions;
import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.TimerOptions;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The calls of the {@code Workflow} facade that go through the calling run's outbound interceptor chain. The facade
 * calls these rather than the chain, so that the public {@code workflow} package does not depend on the
 * {@code interceptors} package, which depends on it.
 */
public final class WorkflowCalls {

    private WorkflowCalls() {
    }

    private static WorkflowOutboundCallsInterceptor outbound(String operation) {
        return WorkflowExecutor.current("Workflow." + operation).outbound();
    }

    public static void sleep(Duration duration) {
        outbound("sleep").sleep(duration);
    }

    public static Promise<Void> newTimer(Duration duration, TimerOptions options) {
        return outbound("newTimer").newTimer(duration, options);
    }

    public static long currentTimeMillis() {
        return outbound("currentTimeMillis").currentTimeMillis();
    }

    public static Random newRandom() {
        return outbound("newRandom").newRandom();
    }

    public static UUID randomUUID() {
        return outbound("randomUUID").randomUUID();
    }

    public static void await(Supplier<Boolean> condition) {
        outbound("await").await("Workflow.await", condition);
    }

    public static boolean await(Duration timeout, Supplier<Boolean> condition) {
        return outbound("await").await(timeout, "Workflow.await", condition);
    }

    public static <R> R sideEffect(Class<R> resultType, Supplier<R> supplier) {
        return outbound("sideEffect").sideEffect(resultType, resultType, supplier);
    }

    public static int getVersion(String changeId, int minSupported, int maxSupported) {
        return outbound("getVersion").getVersion(changeId, minSupported, maxSupported);
    }

    /**
     * Continues the run as new; never returns.
     *
     * @throws IllegalStateException if an outbound interceptor returned instead of passing the call on
     */
    public static void continueAsNew(ContinueAsNewOptions options, Object[] args) {
        outbound("continueAsNew").continueAsNew(new WorkflowOutboundCallsInterceptor.ContinueAsNewInput(null, options,
                args == null ? new Object[0] : args));
        throw notPassedOn();
    }

    /** The error of a continue-as-new that an outbound interceptor returned from instead of passing it on. */
    static IllegalStateException notPassedOn() {
        return new IllegalStateException("a workflow outbound interceptor's continueAsNew returned instead of passing"
                + " the call on: continue-as-new ends the run and never returns; call next.continueAsNew(input)");
    }

    public static void upsertTypedSearchAttributes(SearchAttributeUpdate<?>[] updates) {
        outbound("upsertTypedSearchAttributes").upsertTypedSearchAttributes(updates);
    }

    public static void upsertMemo(Map<String, Object> memo) {
        outbound("upsertMemo").upsertMemo(memo);
    }
}
