package dev.hourglass.internal.replay;

import dev.hourglass.common.SearchAttributeUpdate;
import dev.hourglass.history.Payload;
import dev.hourglass.interceptors.WorkflowOutboundCallsInterceptor;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.TimerOptions;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The end of a run's outbound chain: carries out the calls of the workflow code, encoding their arguments and decoding
 * their results with the run's converter, through the run's {@link WorkflowOperations}.
 */
final class RootWorkflowOutboundCalls implements WorkflowOutboundCallsInterceptor {

    private final WorkflowExecutor executor;

    RootWorkflowOutboundCalls(WorkflowExecutor executor) {
        this.executor = executor;
    }

    @Override
    public <R> ActivityOutput<R> executeActivity(ActivityInput<R> input) {
        String type = input.getActivityType();
        Promise<Payload> result = executor.operations().scheduleActivity(type,
                executor.converter.toJsonArray(input.getArgs(), "call activity ", type), input.getOptions());
        return new ActivityOutput<>(result.thenApply(payload -> executor.converter.fromJson(JsonPayload.node(payload),
                input.getResultClass(), input.getResultType(), "the result of activity ", type)));
    }

    @Override
    public <R> LocalActivityOutput<R> executeLocalActivity(LocalActivityInput<R> input) {
        String type = input.getActivityType();
        Payload result;
        try {
            result = executor.localActivities.call(type,
                    executor.converter.toJsonArray(input.getArgs(), "call local activity ", type), input.getOptions());
        } catch (RuntimeException failure) {
            return new LocalActivityOutput<>(PromiseImpl.failed(failure));
        }
        return new LocalActivityOutput<>(PromiseImpl.completed(executor.converter.fromJson(JsonPayload.node(result),
                input.getResultClass(), input.getResultType(), "the result of local activity ", type)));
    }

    @Override
    public <R> ChildWorkflowOutput<R> executeChildWorkflow(ChildWorkflowInput<R> input) {
        String type = input.getWorkflowType();
        WorkflowOperations.Child child = executor.operations().startChild(type, input.getOptions(),
                executor.converter.toJsonArray(input.getArgs(), "start child workflow ", type));
        return new ChildWorkflowOutput<>(child.result().thenApply(payload -> executor.converter.fromJson(
                JsonPayload.node(payload), input.getResultClass(), input.getResultType(),
                "the result of child workflow ", type)), child.execution());
    }

    @Override
    public void sleep(Duration duration) {
        executor.operations().newTimer(Objects.requireNonNull(duration, "duration"), null).get();
    }

    @Override
    public Promise<Void> newTimer(Duration duration, TimerOptions options) {
        return executor.operations().newTimer(Objects.requireNonNull(duration, "duration"), options.getSummary());
    }

    @Override
    public void await(String reason, Supplier<Boolean> unblockCondition) {
        executor.operations().await(reason, unblockCondition);
    }

    @Override
    public boolean await(Duration timeout, String reason, Supplier<Boolean> unblockCondition) {
        return executor.operations().await(timeout, unblockCondition);
    }

    @Override
    public <R> R sideEffect(Class<R> resultClass, Type resultType, Supplier<R> func) {
        return executor.operations().sideEffect(resultClass, resultType, func);
    }

    @Override
    public int getVersion(String changeId, int minSupported, int maxSupported) {
        return executor.operations().getVersion(changeId, minSupported, maxSupported);
    }

    @Override
    public void continueAsNew(ContinueAsNewInput input) {
        throw executor.operations().continueAsNew(input.getWorkflowType(), input.getOptions(), input.getArgs());
    }

    @Override
    public void upsertTypedSearchAttributes(SearchAttributeUpdate<?>... updates) {
        List<SearchAttributeUpdate<?>> list = new ArrayList<>();
        for (SearchAttributeUpdate<?> update : updates) {
            list.add(Objects.requireNonNull(update, "update"));
        }
        executor.operations().upsertSearchAttributes(list);
    }

    @Override
    public void upsertMemo(Map<String, Object> memo) {
        executor.operations().upsertMemo(memo);
    }

    @Override
    public long currentTimeMillis() {
        return executor.operations().currentTimeMillis();
    }

    @Override
    public Random newRandom() {
        return executor.operations().newRandom();
    }

    @Override
    public UUID randomUUID() {
        return executor.operations().randomUUID();
    }
}
