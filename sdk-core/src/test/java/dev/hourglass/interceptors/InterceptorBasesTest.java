package dev.hourglass.interceptors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import dev.hourglass.activity.ActivityExecutionContext;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.activity.LocalActivityOptions;
import dev.hourglass.common.SearchAttributeUpdate;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.workflow.ChildWorkflowOptions;
import dev.hourglass.workflow.ContinueAsNewOptions;
import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.TimerOptions;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The Base classes pass every call on to {@code next}, with its arguments, and return what {@code next} returned. */
class InterceptorBasesTest {

    @Test
    void workflowInboundBaseDelegatesEveryCall() {
        WorkflowInboundCallsInterceptor next = mock(WorkflowInboundCallsInterceptor.class);
        WorkflowInboundCallsInterceptorBase base = new WorkflowInboundCallsInterceptorBase(next);
        WorkflowOutboundCallsInterceptor outbound = mock(WorkflowOutboundCallsInterceptor.class);
        var workflowInput = new WorkflowInboundCallsInterceptor.WorkflowInput(new Object[] {"a"});
        var workflowOutput = new WorkflowInboundCallsInterceptor.WorkflowOutput("r");
        var signalInput = new WorkflowInboundCallsInterceptor.SignalInput("s", new Object[] {1}, 5);
        var queryInput = new WorkflowInboundCallsInterceptor.QueryInput("q", new Object[0]);
        var queryOutput = new WorkflowInboundCallsInterceptor.QueryOutput("answer");
        var updateInput = new WorkflowInboundCallsInterceptor.UpdateInput("u", "u-1", new Object[] {2});
        var updateOutput = new WorkflowInboundCallsInterceptor.UpdateOutput("updated");
        when(next.execute(workflowInput)).thenReturn(workflowOutput);
        when(next.handleQuery(queryInput)).thenReturn(queryOutput);
        when(next.executeUpdate(updateInput)).thenReturn(updateOutput);

        base.init(outbound);
        assertThat(base.execute(workflowInput)).isSameAs(workflowOutput);
        base.handleSignal(signalInput);
        assertThat(base.handleQuery(queryInput)).isSameAs(queryOutput);
        base.validateUpdate(updateInput);
        assertThat(base.executeUpdate(updateInput)).isSameAs(updateOutput);

        verify(next).init(outbound);
        verify(next).execute(workflowInput);
        verify(next).handleSignal(signalInput);
        verify(next).handleQuery(queryInput);
        verify(next).validateUpdate(updateInput);
        verify(next).executeUpdate(updateInput);
        verifyNoMoreInteractions(next);
    }

    @Test
    @SuppressWarnings("unchecked")
    void workflowOutboundBaseDelegatesEveryCall() {
        WorkflowOutboundCallsInterceptor next = mock(WorkflowOutboundCallsInterceptor.class);
        WorkflowOutboundCallsInterceptorBase base = new WorkflowOutboundCallsInterceptorBase(next);
        var activity = new WorkflowOutboundCallsInterceptor.ActivityInput<>("t", String.class, String.class,
                new Object[0], ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(1)).build());
        var activityOutput = new WorkflowOutboundCallsInterceptor.ActivityOutput<String>(mock(Promise.class));
        var local = new WorkflowOutboundCallsInterceptor.LocalActivityInput<>("t", String.class, String.class,
                new Object[0], LocalActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(1)).build());
        var localOutput = new WorkflowOutboundCallsInterceptor.LocalActivityOutput<String>(mock(Promise.class));
        var child = new WorkflowOutboundCallsInterceptor.ChildWorkflowInput<>("W", String.class, String.class,
                new Object[0], ChildWorkflowOptions.getDefaultInstance());
        var childOutput = new WorkflowOutboundCallsInterceptor.ChildWorkflowOutput<String>(mock(Promise.class),
                mock(Promise.class));
        var continueAsNew = new WorkflowOutboundCallsInterceptor.ContinueAsNewInput(null,
                ContinueAsNewOptions.getDefaultInstance(), new Object[0]);
        Promise<Void> timer = mock(Promise.class);
        Supplier<Boolean> condition = () -> true;
        Supplier<String> effect = () -> "x";
        Random random = new Random(1);
        UUID uuid = new UUID(1, 2);
        SearchAttributeUpdate<?>[] updates = new SearchAttributeUpdate<?>[0];
        when(next.executeActivity(activity)).thenReturn(activityOutput);
        when(next.executeLocalActivity(local)).thenReturn(localOutput);
        when(next.executeChildWorkflow(child)).thenReturn(childOutput);
        when(next.newTimer(Duration.ofSeconds(2), TimerOptions.getDefaultInstance())).thenReturn(timer);
        when(next.await(Duration.ofSeconds(3), "r", condition)).thenReturn(true);
        when(next.sideEffect(String.class, String.class, effect)).thenReturn("x");
        when(next.getVersion("c", -1, 2)).thenReturn(2);
        when(next.currentTimeMillis()).thenReturn(42L);
        when(next.newRandom()).thenReturn(random);
        when(next.randomUUID()).thenReturn(uuid);

        assertThat(base.executeActivity(activity)).isSameAs(activityOutput);
        assertThat(base.executeLocalActivity(local)).isSameAs(localOutput);
        assertThat(base.executeChildWorkflow(child)).isSameAs(childOutput);
        base.sleep(Duration.ofSeconds(1));
        assertThat(base.newTimer(Duration.ofSeconds(2), TimerOptions.getDefaultInstance())).isSameAs(timer);
        base.await("r", condition);
        assertThat(base.await(Duration.ofSeconds(3), "r", condition)).isTrue();
        assertThat(base.sideEffect(String.class, String.class, effect)).isEqualTo("x");
        assertThat(base.getVersion("c", -1, 2)).isEqualTo(2);
        base.continueAsNew(continueAsNew);
        base.upsertTypedSearchAttributes(updates);
        assertThat(base.currentTimeMillis()).isEqualTo(42L);
        assertThat(base.newRandom()).isSameAs(random);
        assertThat(base.randomUUID()).isSameAs(uuid);

        verify(next).executeActivity(activity);
        verify(next).executeLocalActivity(local);
        verify(next).executeChildWorkflow(child);
        verify(next).sleep(Duration.ofSeconds(1));
        verify(next).newTimer(Duration.ofSeconds(2), TimerOptions.getDefaultInstance());
        verify(next).await("r", condition);
        verify(next).await(Duration.ofSeconds(3), "r", condition);
        verify(next).sideEffect(String.class, String.class, effect);
        verify(next).getVersion("c", -1, 2);
        verify(next).continueAsNew(continueAsNew);
        verify(next).upsertTypedSearchAttributes(updates);
        verify(next).currentTimeMillis();
        verify(next).newRandom();
        verify(next).randomUUID();
        verifyNoMoreInteractions(next);
    }

    @Test
    void activityInboundBaseDelegatesEveryCall() {
        ActivityInboundCallsInterceptor next = mock(ActivityInboundCallsInterceptor.class);
        ActivityInboundCallsInterceptorBase base = new ActivityInboundCallsInterceptorBase(next);
        ActivityExecutionContext context = mock(ActivityExecutionContext.class);
        var input = new ActivityInboundCallsInterceptor.ActivityInput(new Object[] {"a"});
        var output = new ActivityInboundCallsInterceptor.ActivityOutput("r");
        when(next.execute(input)).thenReturn(output);

        base.init(context);
        assertThat(base.execute(input)).isSameAs(output);

        verify(next).init(context);
        verify(next).execute(input);
        verifyNoMoreInteractions(next);
    }

    @Test
    void workerInterceptorBaseWrapsNothing() {
        WorkflowInboundCallsInterceptor workflow = mock(WorkflowInboundCallsInterceptor.class);
        ActivityInboundCallsInterceptor activity = mock(ActivityInboundCallsInterceptor.class);
        WorkerInterceptor defaults = new WorkerInterceptor() { };

        assertThat(new WorkerInterceptorBase().interceptWorkflow(workflow)).isSameAs(workflow);
        assertThat(new WorkerInterceptorBase().interceptActivity(activity)).isSameAs(activity);
        assertThat(defaults.interceptWorkflow(workflow)).isSameAs(workflow);
        assertThat(defaults.interceptActivity(activity)).isSameAs(activity);
    }

    @Test
    void everyBaseOverridesEveryMethodOfItsInterface() {
        assertOverridesAll(WorkflowInboundCallsInterceptorBase.class, WorkflowInboundCallsInterceptor.class);
        assertOverridesAll(WorkflowOutboundCallsInterceptorBase.class, WorkflowOutboundCallsInterceptor.class);
        assertOverridesAll(ActivityInboundCallsInterceptorBase.class, ActivityInboundCallsInterceptor.class);
        assertOverridesAll(WorkerInterceptorBase.class, WorkerInterceptor.class);
    }

    /** Fails naming each method of {@code type} that {@code base} does not declare (and so would not delegate). */
    static void assertOverridesAll(Class<?> base, Class<?> type) {
        for (Method method : type.getMethods()) {
            assertThat(declares(base, method)).as("%s overrides %s", base.getSimpleName(), method).isTrue();
        }
    }

    private static boolean declares(Class<?> base, Method method) {
        try {
            base.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    @Test
    void inputsKeepACopyOfTheirArguments() {
        Object[] arguments = {"a"};
        var input = new WorkflowInboundCallsInterceptor.WorkflowInput(arguments);
        arguments[0] = "changed";
        input.getArguments()[0] = "changed too";

        assertThat(input.getArguments()).containsExactly("a");
    }

    @Test
    void childWorkflowOutputHoldsBothPromises() {
        @SuppressWarnings("unchecked")
        Promise<String> result = mock(Promise.class);
        @SuppressWarnings("unchecked")
        Promise<WorkflowExecution> execution = mock(Promise.class);

        var output = new WorkflowOutboundCallsInterceptor.ChildWorkflowOutput<>(result, execution);

        assertThat(output.getResult()).isSameAs(result);
        assertThat(output.getWorkflowExecution()).isSameAs(execution);
    }
}
