package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.PendingActivityInfo;
import dev.hourglass.client.PendingActivityState;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowExecutionDescription;
import dev.hourglass.client.WorkflowExecutionStatus;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DescribeAndDiagnosticsTest {

    private static final String QUEUE = "payments";
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    @ActivityInterface
    public interface Cards {
        void charge(String card);
    }

    @WorkflowInterface
    public interface Payment {
        @WorkflowMethod
        String pay(String card);
    }

    /** Starts a one-day deadline timer, then charges the card, retrying 1 s, 2 s, 4 s… apart. */
    public static class PaymentImpl implements Payment {
        private final Cards cards = Workflow.newActivityStub(Cards.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(10))
                .setRetryPolicy(RetryPolicy.newBuilder().setInitialInterval(Duration.ofSeconds(1))
                        .setBackoffCoefficient(2).setMaximumAttempts(10).build())
                .build());

        @Override
        public String pay(String card) {
            Promise<Void> deadline = Workflow.newTimer(Duration.ofDays(1));
            cards.charge(card);
            return "charged " + card + (deadline.isCompleted() ? " late" : "");
        }
    }

    @WorkflowInterface
    public interface Sleeper {
        @WorkflowMethod
        String sleep();
    }

    public static class SleeperImpl implements Sleeper {
        @Override
        public String sleep() {
            Workflow.sleep(Duration.ofDays(30));
            return "rested";
        }
    }

    /** Declines the first {@code declines} charges. */
    public static class DecliningCards implements Cards {
        final AtomicInteger declines = new AtomicInteger();

        @Override
        public void charge(String card) {
            if (declines.getAndDecrement() > 0) {
                throw ApplicationFailure.newFailure("card declined", "Declined");
            }
        }
    }

    private TestWorkflowEnvironment env;
    private WorkflowClient client;
    private final DecliningCards cards = new DecliningCards();

    @BeforeEach
    void setUp() {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setSeed(7)
                .setInitialTime(START).build());
        Worker worker = env.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(PaymentImpl.class, SleeperImpl.class);
        worker.registerActivitiesImplementations(cards);
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void tearDown() {
        env.close();
    }

    private Payment payment(String workflowId) {
        return client.newWorkflowStub(Payment.class,
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(workflowId).build());
    }

    /** Starts a payment whose charge keeps failing, and moves to 4 s: attempts at 0, 1 and 3 s failed. */
    private Payment paymentBackingOffAfterThreeFailures(String workflowId) {
        cards.declines.set(100);
        Payment payment = payment(workflowId);
        WorkflowClient.start(payment::pay, "visa");
        env.sleep(Duration.ofSeconds(4));
        return payment;
    }

    @Test
    void describesAnActivityBackingOffWithItsNextAttemptAndLastFailure() {
        Payment payment = paymentBackingOffAfterThreeFailures("payment-1");

        WorkflowExecutionDescription description = WorkflowStub.fromTyped(payment).describe();

        assertThat(description.getPendingActivities()).hasSize(1);
        PendingActivityInfo charge = description.getPendingActivities().get(0);
        assertThat(charge.getActivityType()).isEqualTo("charge");
        assertThat(charge.getState()).isEqualTo(PendingActivityState.SCHEDULED);
        assertThat(charge.getAttempt()).isEqualTo(4);
        assertThat(charge.getNextAttemptTime()).contains(START.plusSeconds(7));
        assertThat(charge.getScheduledTime()).isEqualTo(START);
        assertThat(charge.getLastFailureType()).contains("Declined");
        assertThat(charge.getLastFailureMessage()).contains("card declined");
    }

    @Test
    void describesARunningExecutionWithItsPendingTimerAndNoCloseTime() {
        Payment payment = paymentBackingOffAfterThreeFailures("payment-2");

        WorkflowExecutionDescription description = WorkflowStub.fromTyped(payment).describe();

        assertThat(description.getStatus()).isEqualTo(WorkflowExecutionStatus.RUNNING);
        assertThat(description.getWorkflowType()).isEqualTo("Payment");
        assertThat(description.getTaskQueue()).isEqualTo(QUEUE);
        assertThat(description.getExecution()).isEqualTo(WorkflowStub.fromTyped(payment).getExecution());
        assertThat(description.getStartTime()).isEqualTo(START);
        assertThat(description.getCloseTime()).isEmpty();
        assertThat(description.getPendingTimers()).singleElement()
                .satisfies(timer -> assertThat(timer.getFireTime()).isEqualTo(START.plus(Duration.ofDays(1))));
        assertThat(description.getPendingChildWorkflows()).isEmpty();
    }

    @Test
    void describesAClosedExecutionWithItsCloseTimeAndNothingPending() {
        cards.declines.set(2);
        Payment payment = payment("payment-3");

        assertThat(payment.pay("visa")).isEqualTo("charged visa");
        WorkflowExecutionDescription description = WorkflowStub.fromTyped(payment).describe();

        assertThat(description.getStatus()).isEqualTo(WorkflowExecutionStatus.COMPLETED);
        assertThat(description.getCloseTime()).contains(START.plusSeconds(3));
        assertThat(description.getHistoryLength()).isEqualTo(client.fetchHistory("payment-3").getEvents().size());
        assertThat(description.getPendingActivities()).isEmpty();
        assertThat(description.getPendingTimers()).isEmpty();
    }

    @Test
    void diagnosticsShowTheVirtualTimeAndWhatEachOpenExecutionWaitsFor() {
        Payment payment = paymentBackingOffAfterThreeFailures("payment-4");
        String runId = WorkflowStub.fromTyped(payment).getExecution().getRunId();

        String diagnostics = env.getDiagnostics();

        assertThat(diagnostics).startsWith("virtual time: 2024-01-01T00:00:04Z (seed 7)\nopen executions: 1\n");
        assertThat(diagnostics).contains("  Payment payment-4 (run " + runId + ") RUNNING, task queue 'payments',"
                + " started 2024-01-01T00:00:00Z, ");
        assertThat(diagnostics).containsPattern("    activity charge \\(id [^)]+\\): SCHEDULED, attempt 4, next attempt at"
                + " 2024-01-01T00:00:07Z, last failure Declined: card declined\n");
        assertThat(diagnostics).containsPattern("    timer [^:]+: fires at 2024-01-02T00:00:00Z\n");
    }

    @Test
    void diagnosticsSayWhenNoExecutionIsOpen() {
        cards.declines.set(0);
        payment("payment-5").pay("visa");

        assertThat(env.getDiagnostics()).endsWith("open executions: none\n");
    }

    @Test
    void aTimedResultWaitLetsVirtualTimeSkipAhead() throws TimeoutException {
        Sleeper sleeper = client.newWorkflowStub(Sleeper.class,
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("sleeper-1").build());
        WorkflowClient.start(sleeper::sleep);

        String result = WorkflowStub.fromTyped(sleeper).getResult(10, TimeUnit.SECONDS, String.class);

        assertThat(result).isEqualTo("rested");
        assertThat(Instant.ofEpochMilli(env.currentTimeMillis())).isEqualTo(START.plus(Duration.ofDays(30)));
    }
}
