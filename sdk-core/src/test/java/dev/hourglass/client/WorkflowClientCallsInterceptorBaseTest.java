package dev.hourglass.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import dev.hourglass.common.WorkflowExecution;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The client-side Base classes pass every call on to {@code next} and return what it returned. */
class WorkflowClientCallsInterceptorBaseTest {

    private static final WorkflowExecution EXECUTION = new WorkflowExecution("w-1", "r-1");

    @Test
    void delegatesEveryCall() throws TimeoutException {
        WorkflowClientCallsInterceptor next = mock(WorkflowClientCallsInterceptor.class);
        WorkflowClientCallsInterceptorBase base = new WorkflowClientCallsInterceptorBase(next);
        var start = new WorkflowClientCallsInterceptor.WorkflowStartInput("W", new Object[] {1},
                WorkflowOptions.newBuilder().setTaskQueue("q").build());
        var started = new WorkflowClientCallsInterceptor.WorkflowStartOutput(EXECUTION);
        var signalWithStart = new WorkflowClientCallsInterceptor.WorkflowSignalWithStartInput(start, "s",
                new Object[0]);
        var signaledOrStarted = new WorkflowClientCallsInterceptor.WorkflowSignalWithStartOutput(started);
        var signal = new WorkflowClientCallsInterceptor.WorkflowSignalInput(EXECUTION, "s", new Object[0]);
        var signaled = new WorkflowClientCallsInterceptor.WorkflowSignalOutput();
        var query = new WorkflowClientCallsInterceptor.QueryInput<>(EXECUTION, "q", new Object[0], String.class,
                String.class);
        var answer = new WorkflowClientCallsInterceptor.QueryOutput<>("a");
        var result = new WorkflowClientCallsInterceptor.GetResultInput<>(EXECUTION, String.class, String.class, 1,
                TimeUnit.SECONDS);
        var resultOutput = new WorkflowClientCallsInterceptor.GetResultOutput<>("r");
        var resultAsync = new WorkflowClientCallsInterceptor.GetResultAsyncOutput<>(
                CompletableFuture.completedFuture("r"));
        var update = new WorkflowClientCallsInterceptor.StartUpdateInput<>(EXECUTION, "u", new Object[0],
                UpdateOptions.getDefaultInstance(), String.class, String.class);
        var updateWithStart = new WorkflowClientCallsInterceptor.UpdateWithStartInput<>(start, update);
        @SuppressWarnings("unchecked")
        var updated = new WorkflowClientCallsInterceptor.StartUpdateOutput<String>(mock(WorkflowUpdateHandle.class));
        var cancel = new WorkflowClientCallsInterceptor.CancelInput(EXECUTION);
        var canceled = new WorkflowClientCallsInterceptor.CancelOutput();
        var terminate = new WorkflowClientCallsInterceptor.TerminateInput(EXECUTION, "why");
        var terminated = new WorkflowClientCallsInterceptor.TerminateOutput();
        when(next.start(start)).thenReturn(started);
        when(next.signalWithStart(signalWithStart)).thenReturn(signaledOrStarted);
        when(next.signal(signal)).thenReturn(signaled);
        when(next.query(query)).thenReturn(answer);
        when(next.getResult(result)).thenReturn(resultOutput);
        when(next.getResultAsync(result)).thenReturn(resultAsync);
        when(next.startUpdate(update)).thenReturn(updated);
        when(next.updateWithStart(updateWithStart)).thenReturn(updated);
        when(next.cancel(cancel)).thenReturn(canceled);
        when(next.terminate(terminate)).thenReturn(terminated);

        assertThat(base.start(start)).isSameAs(started);
        assertThat(base.signalWithStart(signalWithStart)).isSameAs(signaledOrStarted);
        assertThat(base.signal(signal)).isSameAs(signaled);
        assertThat(base.query(query)).isSameAs(answer);
        assertThat(base.getResult(result)).isSameAs(resultOutput);
        assertThat(base.getResultAsync(result)).isSameAs(resultAsync);
        assertThat(base.startUpdate(update)).isSameAs(updated);
        assertThat(base.updateWithStart(updateWithStart)).isSameAs(updated);
        assertThat(base.cancel(cancel)).isSameAs(canceled);
        assertThat(base.terminate(terminate)).isSameAs(terminated);

        verify(next).start(start);
        verify(next).signalWithStart(signalWithStart);
        verify(next).signal(signal);
        verify(next).query(query);
        verify(next).getResult(result);
        verify(next).getResultAsync(result);
        verify(next).startUpdate(update);
        verify(next).updateWithStart(updateWithStart);
        verify(next).cancel(cancel);
        verify(next).terminate(terminate);
        verifyNoMoreInteractions(next);
    }

    @Test
    void everyBaseOverridesEveryMethodOfItsInterface() {
        assertOverridesAll(WorkflowClientCallsInterceptorBase.class, WorkflowClientCallsInterceptor.class);
        assertOverridesAll(WorkflowClientInterceptorBase.class, WorkflowClientInterceptor.class);
    }

    private static void assertOverridesAll(Class<?> base, Class<?> type) {
        for (Method method : type.getMethods()) {
            boolean declared;
            try {
                base.getDeclaredMethod(method.getName(), method.getParameterTypes());
                declared = true;
            } catch (NoSuchMethodException e) {
                declared = false;
            }
            assertThat(declared).as("%s overrides %s", base.getSimpleName(), method).isTrue();
        }
    }

    @Test
    void interceptorWithoutOverridesWrapsNothing() {
        WorkflowClientCallsInterceptor next = mock(WorkflowClientCallsInterceptor.class);

        assertThat(new WorkflowClientInterceptorBase().workflowClientCallsInterceptor(next)).isSameAs(next);
        assertThat(new WorkflowClientInterceptor() { }.workflowClientCallsInterceptor(next)).isSameAs(next);
    }
}
