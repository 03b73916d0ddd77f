package dev.hourglass.e2e;

import static dev.hourglass.history.EventType.ActivityTaskCompleted;
import static dev.hourglass.history.EventType.ActivityTaskFailed;
import static dev.hourglass.history.EventType.ActivityTaskScheduled;
import static dev.hourglass.history.EventType.ActivityTaskStarted;
import static dev.hourglass.history.EventType.ActivityTaskTimedOut;
import static dev.hourglass.history.EventType.WorkflowExecutionCompleted;
import static dev.hourglass.history.EventType.WorkflowExecutionFailed;
import static dev.hourglass.history.EventType.WorkflowExecutionStarted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hourglass.activity.Activity;
import dev.hourglass.activity.ActivityExecutionContext;
import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.failure.TimeoutFailure;
import dev.hourglass.failure.TimeoutType;
import dev.hourglass.history.ActivityTaskFailedAttributes;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.ActivityTaskStartedAttributes;
import dev.hourglass.history.ActivityTaskTimedOutAttributes;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ActivityRetryTest {

    @ActivityInterface
    public interface Flaky {
        String succeedOnThirdAttempt(String input);

        String alwaysFail(String input);

        String failNonRetryable(String input);

        String rejectArgument(String input);

        String sleep(long millis);

        String heartbeatFor(long millis);

        int resumeFromHeartbeat(int steps);
    }

    /** Runs one activity call chosen by {@code scenario}, with options suited to it. */
    @WorkflowInterface
    public interface RetryScenario {
        @WorkflowMethod
        String run(String scenario);
    }

    public static class RetryScenarioImpl implements RetryScenario {
        @Override
        public String run(String scenario) {
            switch (scenario) {
                case "thirdAttempt":
                    return stub(retry(20, 5)).succeedOnThirdAttempt("x");
                case "exhausted":
                    return stub(retry(10, 3)).alwaysFail("x");
                case "exhaustedCaught":
                    try {
                        return stub(retry(10, 3)).alwaysFail("x");
                    } catch (ActivityFailure e) {
                        ApplicationFailure cause = (ApplicationFailure) e.getCause();
                        return e.getActivityType() + "|" + e.getAttempt() + "|" + cause.getType() + "|"
                                + cause.getOriginalMessage();
                    }
                case "nonRetryable":
                    return stub(retry(10, 5)).failNonRetryable("x");
                case "doNotRetry":
                    return stub(RetryPolicy.newBuilder(retry(10, 5))
                            .setDoNotRetry("java.lang.IllegalArgumentException").build()).rejectArgument("x");
                case "startToClose":
                    return Workflow.newActivityStub(Flaky.class, ActivityOptions.newBuilder()
                            .setStartToCloseTimeout(Duration.ofMillis(50)).setRetryPolicy(retry(10, 2)).build())
                            .sleep(2_000);
                case "heartbeatTimeout":
                    return Workflow.newActivityStub(Flaky.class, ActivityOptions.newBuilder()
                            .setStartToCloseTimeout(Duration.ofSeconds(5)).setHeartbeatTimeout(Duration.ofMillis(50))
                            .setRetryPolicy(retry(10, 1)).build()).sleep(2_000);
                case "heartbeating":
                    return Workflow.newActivityStub(Flaky.class, ActivityOptions.newBuilder()
                            .setStartToCloseTimeout(Duration.ofSeconds(5)).setHeartbeatTimeout(Duration.ofMillis(300))
                            .setRetryPolicy(retry(10, 1)).build()).heartbeatFor(750);
                case "heartbeatDetails":
                    return String.valueOf(Workflow.newActivityStub(Flaky.class, ActivityOptions.newBuilder()
                            .setStartToCloseTimeout(Duration.ofSeconds(5)).setRetryPolicy(retry(10, 3)).build())
                            .resumeFromHeartbeat(5));
                case "scheduleToClose":
                    return Workflow.newActivityStub(Flaky.class, ActivityOptions.newBuilder()
                            .setScheduleToCloseTimeout(Duration.ofMillis(100))
                            .setStartToCloseTimeout(Duration.ofSeconds(5)).setRetryPolicy(retry(10, 5)).build())
                            .sleep(2_000);
                default:
                    throw ApplicationFailure.newNonRetryableFailure("unknown scenario " + scenario, "Test");
            }
        }

        private static Flaky stub(RetryPolicy policy) {
            return Workflow.newActivityStub(Flaky.class,
                    ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).setRetryPolicy(policy)
                            .build());
        }

        private static RetryPolicy retry(long initialMillis, int maximumAttempts) {
            return RetryPolicy.newBuilder().setInitialInterval(Duration.ofMillis(initialMillis))
                    .setBackoffCoefficient(2).setMaximumAttempts(maximumAttempts).build();
        }
    }

    /** One attempt as the activity saw it. */
    record Attempt(String activity, int number, long nanoTime) {
    }

    public static class FlakyImpl implements Flaky {
        final List<Attempt> attempts = new CopyOnWriteArrayList<>();
        final List<Integer> resumedFrom = new CopyOnWriteArrayList<>();

        private int record(String activity) {
            int attempt = Activity.getExecutionContext().getInfo().getAttempt();
            attempts.add(new Attempt(activity, attempt, System.nanoTime()));
            return attempt;
        }

        @Override
        public String succeedOnThirdAttempt(String input) {
            int attempt = record("succeedOnThirdAttempt");
            if (attempt < 3) {
                throw ApplicationFailure.newFailure("not yet at attempt " + attempt, "NotYet");
            }
            return "ok at attempt " + attempt;
        }

        @Override
        public String alwaysFail(String input) {
            record("alwaysFail");
            throw ApplicationFailure.newFailure("the bank is closed", "BankClosed");
        }

        @Override
        public String failNonRetryable(String input) {
            record("failNonRetryable");
            throw ApplicationFailure.newNonRetryableFailure("account frozen", "AccountFrozen");
        }

        @Override
        public String rejectArgument(String input) {
            record("rejectArgument");
            throw new IllegalArgumentException("bad account number " + input);
        }

        @Override
        public String sleep(long millis) {
            record("sleep");
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "slept";
        }

        @Override
        public String heartbeatFor(long millis) {
            record("heartbeatFor");
            long end = System.nanoTime() + Duration.ofMillis(millis).toNanos();
            while (System.nanoTime() < end) {
                Activity.getExecutionContext().heartbeat(null);
                E2eEnvironment.pause(Duration.ofMillis(10));
            }
            return "done";
        }

        @Override
        public int resumeFromHeartbeat(int steps) {
            record("resumeFromHeartbeat");
            ActivityExecutionContext context = Activity.getExecutionContext();
            int from = context.getHeartbeatDetails(Integer.class).orElse(0);
            resumedFrom.add(from);
            for (int step = from + 1; step <= steps; step++) {
                context.heartbeat(step);
                if (step == 3 && context.getInfo().getAttempt() == 1) {
                    throw new IllegalStateException("connection lost after step 3");
                }
            }
            return steps;
        }

        List<Integer> attemptNumbers(String activity) {
            List<Integer> numbers = new ArrayList<>();
            for (Attempt attempt : attempts) {
                if (attempt.activity().equals(activity)) {
                    numbers.add(attempt.number());
                }
            }
            return numbers;
        }
    }

    final FlakyImpl flaky = new FlakyImpl();

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(RetryScenarioImpl.class)
            .registerActivitiesImplementations(flaky)
            .build();

    private String run(String workflowId, String scenario) {
        return env.newWorkflowStub(RetryScenario.class, workflowId).run(scenario);
    }

    private WorkflowFailedException runFailing(String workflowId, String scenario) {
        return catchThrowableOfType(WorkflowFailedException.class, () -> run(workflowId, scenario));
    }

    @Test
    void activityFailingTwiceIsRetriedUntilItsThirdAttemptSucceeds() {
        assertThat(run("retry-1", "thirdAttempt")).isEqualTo("ok at attempt 3");

        assertThat(flaky.attemptNumbers("succeedOnThirdAttempt")).containsExactly(1, 2, 3);
    }

    @Test
    void eachRetryWaitsAtLeastItsBackoffIntervalWhichDoublesAfterEachFailure() {
        run("retry-2", "thirdAttempt");

        List<Attempt> attempts = flaky.attempts;
        Duration first = Duration.ofNanos(attempts.get(1).nanoTime() - attempts.get(0).nanoTime());
        Duration second = Duration.ofNanos(attempts.get(2).nanoTime() - attempts.get(1).nanoTime());
        // The service schedules on a millisecond wall clock while the attempts are stamped with nanoTime:
        // a gap may measure up to one clock tick short of the interval. Only lower bounds: a loaded machine
        // may start any attempt late, so the first gap may well measure longer than the second.
        Duration tick = Duration.ofMillis(1);
        assertThat(first).isGreaterThanOrEqualTo(Duration.ofMillis(20).minus(tick));
        assertThat(second).isGreaterThanOrEqualTo(Duration.ofMillis(40).minus(tick));
    }

    @Test
    void historyOfARetriedActivityRecordsOnlyTheLastAttempt() {
        run("retry-3", "thirdAttempt");

        History history = env.history("retry-3");
        assertThat(Events.types(history)).containsExactly(WorkflowExecutionStarted, ActivityTaskScheduled,
                ActivityTaskStarted, ActivityTaskCompleted, WorkflowExecutionCompleted);
        assertThat(Events.single(history, ActivityTaskStartedAttributes.class).attempt()).isEqualTo(3);
        RetryPolicy retryPolicy = Events.single(history, ActivityTaskScheduledAttributes.class).retryPolicy();
        assertThat(retryPolicy.getInitialInterval()).isEqualTo(Duration.ofMillis(20));
        assertThat(retryPolicy.getBackoffCoefficient()).isEqualTo(2.0);
    }

    @Test
    void exhaustedAttemptsFailTheWorkflowWithAnActivityFailureCausedByTheApplicationFailure() {
        WorkflowFailedException e = runFailing("retry-4", "exhausted");

        assertThat(flaky.attemptNumbers("alwaysFail")).containsExactly(1, 2, 3);
        assertThat(e.getWorkflowType()).isEqualTo("RetryScenario");
        ActivityFailure activityFailure = (ActivityFailure) e.getCause();
        assertThat(activityFailure.getActivityType()).isEqualTo("alwaysFail");
        assertThat(activityFailure.getAttempt()).isEqualTo(3);
        assertThat(activityFailure.getCause()).isInstanceOfSatisfying(ApplicationFailure.class, cause -> {
            assertThat(cause.getType()).isEqualTo("BankClosed");
            assertThat(cause.getOriginalMessage()).isEqualTo("the bank is closed");
        });
        History history = env.history("retry-4");
        assertThat(Events.types(history)).containsExactly(WorkflowExecutionStarted, ActivityTaskScheduled,
                ActivityTaskStarted, ActivityTaskFailed, WorkflowExecutionFailed);
        assertThat(Events.single(history, ActivityTaskFailedAttributes.class).attempt()).isEqualTo(3);
    }

    @Test
    void workflowCatchesTheActivityFailureWithTypeAndMessageOfTheLastAttempt() {
        assertThat(run("retry-5", "exhaustedCaught")).isEqualTo("alwaysFail|3|BankClosed|the bank is closed");
    }

    @Test
    void nonRetryableFailureIsNotRetried() {
        WorkflowFailedException e = runFailing("retry-6", "nonRetryable");

        assertThat(flaky.attemptNumbers("failNonRetryable")).containsExactly(1);
        assertThat(e.getCause().getCause()).isInstanceOfSatisfying(ApplicationFailure.class, cause -> {
            assertThat(cause.getType()).isEqualTo("AccountFrozen");
            assertThat(cause.isNonRetryable()).isTrue();
        });
    }

    @Test
    void exceptionWhoseClassNameIsInDoNotRetryIsNotRetried() {
        WorkflowFailedException e = runFailing("retry-7", "doNotRetry");

        assertThat(flaky.attemptNumbers("rejectArgument")).containsExactly(1);
        assertThat(e.getCause().getCause()).isInstanceOfSatisfying(ApplicationFailure.class, cause -> {
            assertThat(cause.getType()).isEqualTo("java.lang.IllegalArgumentException");
            assertThat(cause.getOriginalMessage()).isEqualTo("bad account number x");
        });
    }

    @Test
    void startToCloseTimeoutIsRetriedAndThenFailsTheActivityWithATimeout() {
        WorkflowFailedException e = runFailing("retry-8", "startToClose");

        // the second attempt times out 50 ms after its hand-out, maybe before the worker thread has begun to run it
        E2eEnvironment.await("the second attempt began", () -> flaky.attemptNumbers("sleep").size() >= 2);
        assertThat(flaky.attemptNumbers("sleep")).containsExactly(1, 2);
        assertThat(e.getCause()).isInstanceOf(ActivityFailure.class);
        assertThat(e.getCause().getCause()).isInstanceOfSatisfying(TimeoutFailure.class,
                timeout -> assertThat(timeout.getTimeoutType()).isEqualTo(TimeoutType.START_TO_CLOSE));
        History history = env.history("retry-8");
        assertThat(Events.types(history)).containsExactly(WorkflowExecutionStarted, ActivityTaskScheduled,
                ActivityTaskStarted, ActivityTaskTimedOut, WorkflowExecutionFailed);
        assertThat(Events.single(history, ActivityTaskStartedAttributes.class).attempt()).isEqualTo(2);
        assertThat(Events.single(history, ActivityTaskTimedOutAttributes.class).timeoutType())
                .isEqualTo(TimeoutType.START_TO_CLOSE);
    }

    @Test
    void activityWithoutHeartbeatsFailsWithAHeartbeatTimeout() {
        WorkflowFailedException e = runFailing("retry-9", "heartbeatTimeout");

        assertThat(flaky.attemptNumbers("sleep")).containsExactly(1);
        assertThat(e.getCause().getCause()).isInstanceOfSatisfying(TimeoutFailure.class,
                timeout -> assertThat(timeout.getTimeoutType()).isEqualTo(TimeoutType.HEARTBEAT));
        assertThat(Events.single(env.history("retry-9"), ActivityTaskTimedOutAttributes.class).timeoutType())
                .isEqualTo(TimeoutType.HEARTBEAT);
    }

    @Test
    void heartbeatingActivityOutlivesItsHeartbeatTimeout() {
        assertThat(run("retry-10", "heartbeating")).isEqualTo("done");

        assertThat(flaky.attemptNumbers("heartbeatFor")).containsExactly(1);
    }

    @Test
    void nextAttemptResumesFromTheLastHeartbeatDetails() {
        assertThat(run("retry-11", "heartbeatDetails")).isEqualTo("5");

        assertThat(flaky.resumedFrom).containsExactly(0, 3);
    }

    @Test
    void scheduleToCloseTimeoutEndsTheActivityAcrossAttempts() {
        WorkflowFailedException e = runFailing("retry-12", "scheduleToClose");

        assertThat(e.getCause()).isInstanceOf(ActivityFailure.class);
        assertThat(e.getCause().getCause()).isInstanceOfSatisfying(TimeoutFailure.class,
                timeout -> assertThat(timeout.getTimeoutType()).isEqualTo(TimeoutType.SCHEDULE_TO_CLOSE));
        History history = env.history("retry-12");
        HistoryEvent timedOut = Events.single(history, ActivityTaskTimedOut);
        assertThat(timedOut.getAttributes(ActivityTaskTimedOutAttributes.class).timeoutType())
                .isEqualTo(TimeoutType.SCHEDULE_TO_CLOSE);
        assertThat(Duration.between(Events.single(history, ActivityTaskScheduled).getEventTime(),
                timedOut.getEventTime())).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }
}
