package dev.hourglass.testing.faults;

import static dev.hourglass.testing.faults.Payments.FIRST_BACKOFF;
import static dev.hourglass.testing.faults.Payments.HOLD;
import static dev.hourglass.testing.faults.Payments.START_TO_CLOSE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.TimeoutFailure;
import dev.hourglass.history.ActivityTaskFailedAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.faults.Payments.Run;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each activity fault of a plan shows in the history of the execution it hits and in how often the fake bank's
 * activities ran. Retried attempts leave no events of their own: the history shows the attempt that ended the
 * activity, in its {@code ActivityTaskStarted} event, and the virtual time the faults cost.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ActivityFaultsTest {

    private static final long SEED = 42;
    private static final Instant START = TestEnvironmentOptions.DEFAULT_INITIAL_TIME;

    @Test
    void failActivityFailsThatAttemptBeforeTheImplementationRunsAndTheRetryPolicyRetriesIt() {
        Run run = Payments.run(SEED, FaultPlan.newBuilder().failActivity("withdraw", 1).build(), "fail-withdraw");

        assertThat(run.result()).startsWith("withdrew from alice");
        assertThat(run.bank().runs("withdraw")).as("runs of withdraw").isEqualTo(1);
        assertThat(run.lastAttemptOf("withdraw")).isEqualTo(2);
        assertThat(run.outcomeOf("withdraw").getEventType()).isEqualTo(EventType.ActivityTaskCompleted);
        assertThat(run.outcomeOf("withdraw").getEventTime()).isEqualTo(START.plus(FIRST_BACKOFF));
    }

    @Test
    void failActivityNonRetryableFailsTheActivityWithThatFailureTypeWithoutRetrying() {
        Run run = Payments.run(SEED, FaultPlan.newBuilder().failActivityNonRetryable("receipt", 1, "PrinterJammed")
                .build(), "jammed-receipt");

        assertThat(run.result()).endsWith("no receipt (PrinterJammed)");
        assertThat(run.bank().runs("receipt")).as("runs of receipt").isZero();
        assertThat(run.outcomeOf("receipt").getEventType()).isEqualTo(EventType.ActivityTaskFailed);
        assertThat(run.outcomeOf("receipt").getAttributes(ActivityTaskFailedAttributes.class).attempt()).isEqualTo(1);
        assertThat(run.outcomeOf("receipt").getAttributes(ActivityTaskFailedAttributes.class).failure().toJson())
                .contains("PrinterJammed");
    }

    @Test
    void loseActivityCompletionRunsTheImplementationThenTimesTheAttemptOutAndRunsItAgain() {
        Run run = Payments.run(SEED, FaultPlan.newBuilder().loseActivityCompletion("deposit", 1).build(),
                "lost-deposit");

        assertThat(run.result()).contains("deposited to bob");
        assertThat(run.bank().runs("deposit")).as("runs of deposit: at least once, made visible").isEqualTo(2);
        assertThat(run.lastAttemptOf("deposit")).isEqualTo(2);
        assertThat(run.outcomeOf("deposit").getEventTime())
                .isEqualTo(START.plus(HOLD).plus(START_TO_CLOSE).plus(FIRST_BACKOFF));
    }

    @Test
    void timeOutActivityNeverDeliversTheAttemptSoItTimesOutAndIsRetried() {
        Run run = Payments.run(SEED, FaultPlan.newBuilder().timeOutActivity("withdraw", 1).build(),
                "timed-out-withdraw");

        assertThat(run.bank().runs("withdraw")).as("runs of withdraw").isEqualTo(1);
        assertThat(run.lastAttemptOf("withdraw")).isEqualTo(2);
        assertThat(run.outcomeOf("withdraw").getEventTime()).isEqualTo(START.plus(START_TO_CLOSE).plus(FIRST_BACKOFF));
    }

    @Test
    void delayActivityStartsTheAttemptThatMuchVirtualTimeLate() {
        Run run = Payments.run(SEED, FaultPlan.newBuilder().delayActivity("withdraw", 1, Duration.ofSeconds(5))
                .build(), "late-withdraw");

        assertThat(run.bank().runs("withdraw")).as("runs of withdraw").isEqualTo(1);
        assertThat(run.lastAttemptOf("withdraw")).isEqualTo(1);
        assertThat(run.outcomeOf("withdraw").getEventTime()).isEqualTo(START.plusSeconds(5));
        assertThat(run.timeOf(EventType.TimerFired)).isEqualTo(START.plusSeconds(5).plus(HOLD));
    }

    @Test
    void aDelayLongerThanTheStartToCloseTimeoutTimesTheAttemptOutAndItNeverRuns() {
        Run run = Payments.run(SEED, FaultPlan.newBuilder().delayActivity("withdraw", 1, Duration.ofMinutes(1))
                .build(), "too-late-withdraw");

        assertThat(run.bank().runs("withdraw")).as("runs of withdraw: only the retry").isEqualTo(1);
        assertThat(run.lastAttemptOf("withdraw")).isEqualTo(2);
        assertThat(run.outcomeOf("withdraw").getEventTime()).isEqualTo(START.plus(START_TO_CLOSE).plus(FIRST_BACKOFF));
    }

    @Test
    void faultsOfActivityTypesOrAttemptsThatNeverHappenChangeNothing() {
        FaultPlan missing = FaultPlan.newBuilder()
                .failActivity("refund", 1)
                .timeOutActivity("withdraw", 2)
                .loseActivityCompletion("deposit", 3)
                .delayActivity("receipt", 4, Duration.ofHours(1))
                .crashWorkerAfterWorkflowTask(99)
                .build();

        History faulty = Payments.run(SEED, missing, "nothing-happens").history();
        History plain = Payments.run(SEED, FaultPlan.none(), "nothing-happens").history();

        assertThat(faulty.toJson()).isEqualTo(plain.toJson());
    }

    @ActivityInterface
    public interface Printer {
        String print();
    }

    @WorkflowInterface
    public interface Printing {
        @WorkflowMethod
        String printOnce();
    }

    /** Prints with a schedule-to-close timeout only: a lost completion can only end in that timeout. */
    public static class PrintingImpl implements Printing {
        private final Printer printer = Workflow.newActivityStub(Printer.class, ActivityOptions.newBuilder()
                .setScheduleToCloseTimeout(Duration.ofMinutes(1)).build());

        @Override
        public String printOnce() {
            try {
                return printer.print();
            } catch (ActivityFailure e) {
                return "not printed: " + e.getCause().getClass().getSimpleName();
            }
        }
    }

    @Test
    void aLostCompletionOfAnActivityWithOnlyAScheduleToCloseTimeoutEndsItInATimeoutWithoutRetry() {
        AtomicInteger prints = new AtomicInteger();
        Printer printer = () -> "printed " + prints.incrementAndGet();
        TestWorkflowEnvironment env = Payments.environment(TestEnvironmentOptions.newBuilder().setSeed(SEED)
                .setFaultPlan(FaultPlan.newBuilder().loseActivityCompletion("print", 1).build()), printer,
                PrintingImpl.class);
        try {
            String result = Payments.stub(env, Printing.class, "lost-print").printOnce();

            History history = env.getWorkflowClient().fetchHistory("lost-print");
            assertThat(result).isEqualTo("not printed: " + TimeoutFailure.class.getSimpleName());
            assertThat(prints).as("runs of print").hasValue(1);
            assertThat(history.getEvents()).filteredOn(event -> event.getEventType() == EventType.ActivityTaskTimedOut)
                    .singleElement().extracting(event -> event.getEventTime()).isEqualTo(START.plus(Duration.ofMinutes(1)));
        } finally {
            env.close();
        }
    }
}
