package dev.hourglass.interceptors;

import dev.hourglass.common.SearchAttributeUpdate;
import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.TimerOptions;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * A {@link WorkflowOutboundCallsInterceptor} that passes every call on to {@code next}: extend it and override the
 * calls to wrap.
 *
 * <pre>{@code
 * class ActivityCounting extends WorkflowOutboundCallsInterceptorBase {
 *     ActivityCounting(WorkflowOutboundCallsInterceptor next) {
 *         super(next);
 *     }
 *
 *     @Override
 *     public <R> ActivityOutput<R> executeActivity(ActivityInput<R> input) {
 *         counts.merge(input.getActivityType(), 1, Integer::sum);
 *         return super.executeActivity(input);
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class WorkflowOutboundCallsInterceptorBase implements WorkflowOutboundCallsInterceptor {

    /** The next interceptor of the chain; never {@code null}. */
    protected final WorkflowOutboundCallsInterceptor next;

    /**
     * Creates an interceptor that passes the calls on to {@code next}.
     *
     * @param next the next interceptor; never {@code null}
     */
    public WorkflowOutboundCallsInterceptorBase(WorkflowOutboundCallsInterceptor next) {
        this.next = Objects.requireNonNull(next, "next");
    }

    @Override
    public <R> ActivityOutput<R> executeActivity(ActivityInput<R> input) {
        return next.executeActivity(input);
    }

    @Override
    public <R> LocalActivityOutput<R> executeLocalActivity(LocalActivityInput<R> input) {
        return next.executeLocalActivity(input);
    }

    @Override
    public <R> ChildWorkflowOutput<R> executeChildWorkflow(ChildWorkflowInput<R> input) {
        return next.executeChildWorkflow(input);
    }

    @Override
    public void sleep(Duration duration) {
        next.sleep(duration);
    }

    @Override
    public Promise<Void> newTimer(Duration duration, TimerOptions options) {
        return next.newTimer(duration, options);
    }

    @Override
    public void await(String reason, Supplier<Boolean> unblockCondition) {
        next.await(reason, unblockCondition);
    }

    @Override
    public boolean await(Duration timeout, String reason, Supplier<Boolean> unblockCondition) {
        return next.await(timeout, reason, unblockCondition);
    }

    @Override
    public <R> R sideEffect(Class<R> resultClass, Type resultType, Supplier<R> func) {
        return next.sideEffect(resultClass, resultType, func);
    }

    @Override
    public int getVersion(String changeId, int minSupported, int maxSupported) {
        return next.getVersion(changeId, minSupported, maxSupported);
    }

    @Override
    public void continueAsNew(ContinueAsNewInput input) {
        next.continueAsNew(input);
    }

    @Override
    public void upsertTypedSearchAttributes(SearchAttributeUpdate<?>... updates) {
        next.upsertTypedSearchAttributes(updates);
    }

    @Override
    public void upsertMemo(Map<String, Object> memo) {
        next.upsertMemo(memo);
    }

    @Override
    public long currentTimeMillis() {
        return next.currentTimeMillis();
    }

    @Override
    public Random newRandom() {
        return next.newRandom();
    }

    @Override
    public UUID randomUUID() {
        return next.randomUUID();
    }
}
