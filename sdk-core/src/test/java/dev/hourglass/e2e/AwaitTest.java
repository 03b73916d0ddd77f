package dev.hourglass.e2e;

import static dev.hourglass.history.EventType.TimerCanceled;
import static dev.hourglass.history.EventType.TimerFired;
import static dev.hourglass.history.EventType.TimerStarted;
import static dev.hourglass.history.EventType.WorkflowExecutionCompleted;
import static dev.hourglass.history.EventType.WorkflowExecutionSignaled;
import static dev.hourglass.history.EventType.WorkflowExecutionStarted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.TimerCanceledAttributes;
import dev.hourglass.history.TimerFiredAttributes;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.workflow.CancellationScope;
import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AwaitTest {

    @WorkflowInterface
    public interface Waiter {
        @WorkflowMethod
        String waitForRelease(long timeoutMillis);

        @SignalMethod
        void release();
    }

    public static class WaiterImpl implements Waiter {
        private boolean released;

        @Override
        public String waitForRelease(long timeoutMillis) {
            boolean inTime = Workflow.await(Duration.ofMillis(timeoutMillis), () -> released);
            return inTime ? "released" : "timed out";
        }

        @Override
        public void release() {
            released = true;
        }
    }

    @WorkflowInterface
    public interface ScopedWaiter {
        @WorkflowMethod
        String waitForRelease(long timeoutMillis);

        @SignalMethod
        void releaseAndCancel();
    }

    /** Waits in a scope that the release signal also cancels: the condition and the cancellation come together. */
    public static class ScopedWaiterImpl implements ScopedWaiter {
        private boolean released;
        private CancellationScope scope;

        @Override
        public String waitForRelease(long timeoutMillis) {
            boolean[] inTime = new boolean[1];
            scope = Workflow.newCancellationScope(
                    () -> inTime[0] = Workflow.await(Duration.ofMillis(timeoutMillis), () -> released));
            scope.run();
            return inTime[0] ? "released" : "timed out";
        }

        @Override
        public void releaseAndCancel() {
            released = true;
            scope.cancel();
        }
    }

    @WorkflowInterface
    public interface Timers {
        @WorkflowMethod
        List<Long> fireAll(List<Long> durationsMillis);
    }

    public static class TimersImpl implements Timers {
        @Override
        public List<Long> fireAll(List<Long> durationsMillis) {
            List<Long> fired = new ArrayList<>();
            boolean alreadyTrue = Workflow.await(Duration.ofSeconds(30), () -> true);
            if (!alreadyTrue) {
                return fired;
            }
            List<Promise<Void>> timers = new ArrayList<>();
            for (long millis : durationsMillis) {
                timers.add(Workflow.newTimer(Duration.ofMillis(millis)).thenApply(none -> {
                    fired.add(millis);
                    return null;
                }));
            }
            Promise.allOf(timers).get();
            return fired;
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(WaiterImpl.class, ScopedWaiterImpl.class, TimersImpl.class)
            .build();

    @Test
    void awaitWithTimeoutReturnsFalseWhenTheTimeoutPassesFirst() {
        String result = env.newWorkflowStub(Waiter.class, "await-1").waitForRelease(30);

        assertThat(result).isEqualTo("timed out");
        History history = env.history("await-1");
        assertThat(Events.types(history)).containsExactly(WorkflowExecutionStarted, TimerStarted, TimerFired,
                WorkflowExecutionCompleted);
        assertThat(Events.single(history, TimerStartedAttributes.class).duration()).isEqualTo(Duration.ofMillis(30));
    }

    @Test
    void awaitWithTimeoutReturnsTrueWhenASignalArrivesFirstAndCancelsItsTimer() {
        Waiter waiter = env.newWorkflowStub(Waiter.class, "await-2");
        WorkflowClient.start(waiter::waitForRelease, 30_000L);
        env.awaitHistory("await-2", "the await timer started", h -> Events.firstIndexOf(h, TimerStarted) >= 0);

        waiter.release();

        assertThat(env.client().newUntypedWorkflowStub("await-2").getResult(String.class)).isEqualTo("released");
        History history = env.history("await-2");
        assertThat(Events.types(history)).containsExactly(WorkflowExecutionStarted, TimerStarted,
                WorkflowExecutionSignaled, TimerCanceled, WorkflowExecutionCompleted);
        assertThat(Events.single(history, TimerCanceledAttributes.class).timerId())
                .isEqualTo(Events.single(history, TimerStartedAttributes.class).timerId());
    }

    @Test
    void awaitWithTimeoutWhoseConditionComesTrueAsItsScopeIsCanceledReturnsTrue() throws Exception {
        ScopedWaiter waiter = env.newWorkflowStub(ScopedWaiter.class, "await-6");
        WorkflowClient.start(waiter::waitForRelease, 30_000L);
        env.awaitHistory("await-6", "the await timer started", h -> Events.firstIndexOf(h, TimerStarted) >= 0);

        waiter.releaseAndCancel();

        assertThat(env.client().newUntypedWorkflowStub("await-6").getResultAsync(String.class)
                .get(30, TimeUnit.SECONDS)).isEqualTo("released");
        assertThat(Events.types(env.history("await-6"))).containsExactly(WorkflowExecutionStarted, TimerStarted,
                WorkflowExecutionSignaled, TimerCanceled, WorkflowExecutionCompleted);
    }

    @Test
    void awaitWithTimeoutOfAConditionAlreadyTrueReturnsAtOnceWithoutATimer() {
        List<Long> fired = env.newWorkflowStub(Timers.class, "await-3").fireAll(List.of());

        assertThat(fired).isEmpty();
        assertThat(Events.types(env.history("await-3"))).containsExactly(WorkflowExecutionStarted,
                WorkflowExecutionCompleted);
    }

    @Test
    void timersOfDifferentDurationsFireInOrderOfDuration() {
        List<Long> fired = env.newWorkflowStub(Timers.class, "await-4").fireAll(List.of(90L, 30L, 60L));

        assertThat(fired).containsExactly(30L, 60L, 90L);
        History history = env.history("await-4");
        assertThat(Events.ofType(history, TimerStartedAttributes.class)).extracting(TimerStartedAttributes::duration)
                .containsExactly(Duration.ofMillis(90), Duration.ofMillis(30), Duration.ofMillis(60));
        assertThat(Events.ofType(history, TimerFiredAttributes.class)).extracting(TimerFiredAttributes::timerId)
                .containsExactly("2", "3", "1");
        assertThat(Events.lastIndexOf(history, TimerStarted)).isLessThan(Events.firstIndexOf(history, TimerFired));
    }

    @Test
    void eachTimerFiresNoEarlierThanItsDurationAfterItStarted() {
        env.newWorkflowStub(Timers.class, "await-5").fireAll(List.of(40L, 20L));

        History history = env.history("await-5");
        for (HistoryEvent started : Events.ofType(history, TimerStarted)) {
            TimerStartedAttributes timer = started.getAttributes(TimerStartedAttributes.class);
            HistoryEvent fired = Events.ofType(history, TimerFired).stream()
                    .filter(e -> e.getAttributes(TimerFiredAttributes.class).timerId().equals(timer.timerId()))
                    .findFirst().orElseThrow();
            assertThat(Duration.between(started.getEventTime(), fired.getEventTime()))
                    .isGreaterThanOrEqualTo(timer.duration());
        }
    }
}
