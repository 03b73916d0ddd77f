package dev.hourglass.e2e;

import static dev.hourglass.history.EventType.ActivityTaskCancelRequested;
import static dev.hourglass.history.EventType.ActivityTaskCompleted;
import static dev.hourglass.history.EventType.ActivityTaskScheduled;
import static dev.hourglass.history.EventType.ActivityTaskStarted;
import static dev.hourglass.history.EventType.TimerCanceled;
import static dev.hourglass.history.EventType.TimerFired;
import static dev.hourglass.history.EventType.TimerStarted;
import static dev.hourglass.history.EventType.WorkflowExecutionCancelRequested;
import static dev.hourglass.history.EventType.WorkflowExecutionCanceled;
import static dev.hourglass.history.EventType.WorkflowExecutionCompleted;
import static dev.hourglass.history.EventType.WorkflowExecutionStarted;
import static dev.hourglass.history.EventType.WorkflowExecutionTerminated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hourglass.activity.Activity;
import dev.hourglass.client.ActivityCanceledException;
import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.failure.TerminatedFailure;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.TimerCanceledAttributes;
import dev.hourglass.history.TimerFiredAttributes;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.history.WorkflowExecutionTerminatedAttributes;
import dev.hourglass.workflow.CancellationScope;
import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CancellationTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    @ActivityInterface
    public interface Housekeeping {
        String releaseHold(String order);

        String work(String job);
    }

    /** Waits or works as {@code scenario} says, reacting to cancellation in different ways. */
    @WorkflowInterface
    public interface Hold {
        @WorkflowMethod
        String run(String scenario);
    }

    public static class HoldImpl implements Hold {
        private final Housekeeping housekeeping = Workflow.newActivityStub(Housekeeping.class, ActivityOptions
                .newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

        @Override
        public String run(String scenario) {
            switch (scenario) {
                case "activity":
                    return housekeeping.work("long job");
                case "sleep":
                    Workflow.sleep(LONG);
                    return "woke up";
                case "cleanup":
                    try {
                        Workflow.sleep(LONG);
                        return "woke up";
                    } catch (CanceledFailure e) {
                        String[] released = new String[1];
                        Workflow.newDetachedCancellationScope(() -> released[0] = housekeeping.releaseHold("o-1"))
                                .run();
                        return "canceled, then " + released[0];
                    }
                case "innerScope": {
                    CancellationScope scope = Workflow.newCancellationScope(() -> Workflow.sleep(LONG));
                    Workflow.async(() -> {
                        Workflow.sleep(Duration.ofMillis(20));
                        scope.cancel();
                    });
                    String outcome;
                    try {
                        scope.run();
                        outcome = "inner sleep finished";
                    } catch (CanceledFailure e) {
                        outcome = "inner sleep canceled";
                    }
                    return outcome + ", then " + housekeeping.work("after");
                }
                case "cancelActivity": {
                    List<Promise<String>> work = new ArrayList<>();
                    CancellationScope scope = Workflow.newCancellationScope(
                            () -> work.add(Workflow.async(housekeeping::work, "long job")));
                    scope.run();
                    Workflow.sleep(Duration.ofMillis(50));
                    scope.cancel();
                    String outcome;
                    try {
                        outcome = work.get(0).get();
                    } catch (ActivityFailure e) {
                        outcome = "ActivityFailure caused by " + e.getCause().getClass().getSimpleName();
                    }
                    Workflow.sleep(Duration.ofMillis(50));
                    return outcome;
                }
                default:
                    throw ApplicationFailure.newNonRetryableFailure("unknown scenario " + scenario, "Test");
            }
        }
    }

    public static class HousekeepingImpl implements Housekeeping {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public String releaseHold(String order) {
            calls.add("releaseHold " + order);
            return "released " + order;
        }

        @Override
        public String work(String job) {
            calls.add("work " + job);
            if (!job.equals("long job")) {
                return "did " + job;
            }
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < end) {
                try {
                    Activity.getExecutionContext().heartbeat(null);
                } catch (ActivityCanceledException e) {
                    calls.add("work saw cancellation");
                    throw e;
                }
                E2eEnvironment.pause(Duration.ofMillis(5));
            }
            return "did " + job;
        }
    }

    final HousekeepingImpl housekeeping = new HousekeepingImpl();

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(HoldImpl.class)
            .registerActivitiesImplementations(housekeeping)
            .build();

    /** Starts {@code scenario} and waits until its history shows an event of {@code type}. */
    private WorkflowStub start(String workflowId, String scenario, EventType type) {
        Hold hold = env.newWorkflowStub(Hold.class, workflowId);
        WorkflowClient.start(hold::run, scenario);
        env.awaitHistory(workflowId, "a " + type + " event", h -> Events.firstIndexOf(h, type) >= 0);
        return env.client().newUntypedWorkflowStub(workflowId);
    }

    @Test
    void canceledSleepingWorkflowEndsCanceledAndTheClientSeesACanceledFailure() {
        WorkflowStub stub = start("cancel-1", "sleep", TimerStarted);

        stub.cancel();

        WorkflowFailedException e = catchThrowableOfType(WorkflowFailedException.class,
                () -> stub.getResult(String.class));
        assertThat(e.getCause()).isInstanceOf(CanceledFailure.class);
        assertThat(Events.types(env.history("cancel-1"))).containsExactly(WorkflowExecutionStarted, TimerStarted,
                WorkflowExecutionCancelRequested, TimerCanceled, WorkflowExecutionCanceled);
    }

    @Test
    void workflowCatchingCancellationRunsCleanupInADetachedScopeAndCompletes() {
        WorkflowStub stub = start("cancel-2", "cleanup", TimerStarted);

        stub.cancel();

        assertThat(stub.getResult(String.class)).isEqualTo("canceled, then released o-1");
        assertThat(housekeeping.calls).containsExactly("releaseHold o-1");
        assertThat(Events.types(env.history("cancel-2"))).containsExactly(WorkflowExecutionStarted, TimerStarted,
                WorkflowExecutionCancelRequested, TimerCanceled, ActivityTaskScheduled, ActivityTaskStarted,
                ActivityTaskCompleted, WorkflowExecutionCompleted);
    }

    @Test
    void cancelingAnInnerScopeCancelsItsTimerWhileTheWorkflowGoesOn() {
        String result = env.newWorkflowStub(Hold.class, "cancel-3").run("innerScope");

        assertThat(result).isEqualTo("inner sleep canceled, then did after");
        History history = env.history("cancel-3");
        assertThat(Events.types(history)).containsExactly(WorkflowExecutionStarted, TimerStarted, TimerStarted,
                TimerFired, TimerCanceled, ActivityTaskScheduled, ActivityTaskStarted, ActivityTaskCompleted,
                WorkflowExecutionCompleted);
        String longTimer = Events.ofType(history, TimerStartedAttributes.class).stream()
                .filter(timer -> timer.duration().equals(LONG))
                .findFirst().orElseThrow().timerId();
        assertThat(Events.single(history, TimerCanceledAttributes.class).timerId()).isEqualTo(longTimer);
        assertThat(Events.single(history, TimerFiredAttributes.class).timerId()).isNotEqualTo(longTimer);
    }

    @Test
    void cancelingThePendingActivityFailsItsPromiseAtOnceWithACanceledCause() {
        String result = env.newWorkflowStub(Hold.class, "cancel-4").run("cancelActivity");

        assertThat(result).isEqualTo("ActivityFailure caused by CanceledFailure");
        History history = env.history("cancel-4");
        // the workflow moved on (second timer) in the task that requested the cancellation, without waiting for
        // the running activity to heartbeat, learn of it and report itself canceled (which, on a busy machine, may
        // come after the second timer fired, or after the run closed and not at all)
        assertThat(Events.types(history)).startsWith(WorkflowExecutionStarted, TimerStarted,
                ActivityTaskScheduled, TimerFired, ActivityTaskCancelRequested, TimerStarted)
                .endsWith(WorkflowExecutionCompleted);
    }

    @Test
    void canceledActivityLearnsOfTheCancellationFromItsNextHeartbeat() {
        env.newWorkflowStub(Hold.class, "cancel-5").run("cancelActivity");

        E2eEnvironment.await("the activity sees the cancellation",
                () -> housekeeping.calls.contains("work saw cancellation"));
    }

    @Test
    void canceledWorkflowThatDoesNotCatchTheCanceledActivityEndsCanceled() {
        WorkflowStub stub = start("cancel-7", "activity", ActivityTaskScheduled);

        stub.cancel();

        WorkflowFailedException e = catchThrowableOfType(WorkflowFailedException.class,
                () -> stub.getResult(String.class));
        assertThat(e.getCause()).isInstanceOf(CanceledFailure.class);
        assertThat(Events.types(env.history("cancel-7"))).containsExactly(WorkflowExecutionStarted,
                ActivityTaskScheduled, WorkflowExecutionCancelRequested, ActivityTaskCancelRequested,
                WorkflowExecutionCanceled);
    }

    @Test
    void terminatedWorkflowEndsAtOnceAndTheClientSeesATerminatedFailure() {
        WorkflowStub stub = start("cancel-6", "sleep", TimerStarted);

        stub.terminate("operator gave up");

        WorkflowFailedException e = catchThrowableOfType(WorkflowFailedException.class,
                () -> stub.getResult(String.class));
        assertThat(e.getCause()).isInstanceOf(TerminatedFailure.class).hasMessageContaining("operator gave up");
        History history = env.history("cancel-6");
        assertThat(Events.types(history)).containsExactly(WorkflowExecutionStarted, TimerStarted,
                WorkflowExecutionTerminated);
        assertThat(history.getLastEvent().getAttributes(WorkflowExecutionTerminatedAttributes.class).reason())
                .isEqualTo("operator gave up");
    }
}
