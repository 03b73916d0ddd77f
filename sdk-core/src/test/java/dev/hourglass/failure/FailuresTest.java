package dev.hourglass.failure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.client.WorkflowExecutionAlreadyStartedException;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.client.WorkflowNotFoundException;
import dev.hourglass.client.WorkflowQueryException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void applicationFailureMessageShowsMessageAndType() {
        ApplicationFailure failure = ApplicationFailure.newFailure("card declined", "PaymentDeclined");

        assertThat(failure).hasMessage("message=card declined, type=PaymentDeclined");
        assertThat(failure.getOriginalMessage()).isEqualTo("card declined");
        assertThat(failure.getType()).isEqualTo("PaymentDeclined");
        assertThat(failure.isNonRetryable()).isFalse();
    }

    @Test
    void nonRetryableApplicationFailureSaysSoInItsMessage() {
        ApplicationFailure failure = ApplicationFailure.newNonRetryableFailure("balance too low", "InsufficientFunds");

        assertThat(failure).hasMessage("message=balance too low, type=InsufficientFunds, nonRetryable=true");
        assertThat(failure.isNonRetryable()).isTrue();
    }

    @Test
    void applicationFailureWithNullTypeHasTheDefaultType() {
        assertThat(ApplicationFailure.newFailure("oops", null).getType()).isEqualTo("ApplicationFailure");
    }

    @Test
    void applicationFailuresWithCauseKeepTheCause() {
        IOException cause = new IOException("disk full");

        assertThat(ApplicationFailure.newFailureWithCause("m", "T", cause)).hasCause(cause);
        assertThat(ApplicationFailure.newNonRetryableFailureWithCause("m", "T", cause))
                .hasCause(cause)
                .matches(ApplicationFailure::isNonRetryable);
    }

    @Test
    void fromThrowableReturnsAnApplicationFailureItself() {
        ApplicationFailure failure = ApplicationFailure.newNonRetryableFailure("m", "T");

        assertThat(ApplicationFailure.fromThrowable(failure)).isSameAs(failure);
    }

    @Test
    void fromThrowableWrapsAnyOtherThrowableAsRetryableWithItsClassNameAsType() {
        IllegalStateException bug = new IllegalStateException("no stock");

        ApplicationFailure failure = ApplicationFailure.fromThrowable(bug);

        assertThat(failure.getType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(failure.getOriginalMessage()).isEqualTo("no stock");
        assertThat(failure.isNonRetryable()).isFalse();
        assertThat(failure).hasCause(bug);
    }

    @Test
    void everyBusinessFailureIsAnHourglassFailure() {
        assertThat(ApplicationFailure.newFailure("m", "T")).isInstanceOf(HourglassFailure.class);
        assertThat(new ActivityFailure("withdraw", "1", 3, null)).isInstanceOf(HourglassFailure.class);
        assertThat(new TimeoutFailure("t", null, TimeoutType.HEARTBEAT)).isInstanceOf(HourglassFailure.class);
        assertThat(new CanceledFailure("c")).isInstanceOf(HourglassFailure.class);
        assertThat(new TerminatedFailure("r")).isInstanceOf(HourglassFailure.class);
        assertThat(new ChildWorkflowFailure("Ship", "s-1", null, null)).isInstanceOf(HourglassFailure.class);
    }

    @Test
    void activityFailureMessageNamesTypeIdAndAttempt() {
        ApplicationFailure cause = ApplicationFailure.newFailure("declined", "Declined");

        ActivityFailure failure = new ActivityFailure("withdraw", "1", 3, cause);

        assertThat(failure)
                .hasMessage("Activity task failed: activityType='withdraw', activityId='1', attempt=3")
                .hasCause(cause);
        assertThat(failure.getActivityType()).isEqualTo("withdraw");
        assertThat(failure.getActivityId()).isEqualTo("1");
        assertThat(failure.getAttempt()).isEqualTo(3);
    }

    @Test
    void timeoutFailureKeepsTypeAndLastFailure() {
        ApplicationFailure last = ApplicationFailure.newFailure("slow", "Slow");

        TimeoutFailure failure = new TimeoutFailure("activity timed out", TimeoutType.START_TO_CLOSE, last);

        assertThat(failure.getTimeoutType()).isEqualTo(TimeoutType.START_TO_CLOSE);
        assertThat(failure.getLastFailure()).isSameAs(last);
        assertThat(failure).hasCause(last).hasMessage("activity timed out, timeoutType=START_TO_CLOSE");
        assertThat(failure.getOriginalMessage()).isEqualTo("activity timed out");
    }

    @Test
    void canceledFailureKeepsMessageAndCause() {
        CanceledFailure cause = new CanceledFailure("scope canceled");

        assertThat(new CanceledFailure("activity canceled", cause)).hasMessage("activity canceled").hasCause(cause);
        assertThat(cause).hasNoCause();
    }

    @Test
    void terminatedFailureReasonIsItsMessage() {
        TerminatedFailure failure = new TerminatedFailure("operator request");

        assertThat(failure.getReason()).isEqualTo("operator request");
        assertThat(failure).hasMessage("operator request");
    }

    @Test
    void childWorkflowFailureMessageNamesTypeAndId() {
        ChildWorkflowFailure failure = new ChildWorkflowFailure("Shipment", "ship-7", "run-9", null);

        assertThat(failure).hasMessage("Child workflow failed: workflowType='Shipment', workflowId='ship-7'");
        assertThat(failure.getWorkflowType()).isEqualTo("Shipment");
        assertThat(failure.getWorkflowId()).isEqualTo("ship-7");
        assertThat(failure.getRunId()).isEqualTo("run-9");
    }

    @Test
    void nonDeterministicExceptionFailsTheTaskNotTheWorkflow() {
        NonDeterministicException e =
                new NonDeterministicException("report", 5, "ScheduleActivity(withdraw)", "StartTimer", "Impl.java:12");

        assertThat(e).isNotInstanceOf(HourglassFailure.class).isInstanceOf(RuntimeException.class).hasMessage("report");
        assertThat(e.getEventId()).isEqualTo(5);
        assertThat(e.getRecorded()).isEqualTo("ScheduleActivity(withdraw)");
        assertThat(e.getActual()).isEqualTo("StartTimer");
        assertThat(e.getLocation()).isEqualTo("Impl.java:12");
    }

    @Test
    void nondeterministicCallErrorIsNotAnException() {
        Throwable error = new NondeterministicCallError("System.currentTimeMillis() called from workflow code");

        assertThat(error).isInstanceOf(Error.class).isNotInstanceOf(Exception.class);
    }

    @Test
    void nondeterministicCallErrorEscapesCatchException() {
        Throwable escaped = null;
        try {
            try {
                throw new NondeterministicCallError("new Random() called from workflow code");
            } catch (Exception swallowed) {
                escaped = swallowed;
            }
        } catch (NondeterministicCallError expected) {
            escaped = expected;
        }

        assertThat(escaped).isInstanceOf(NondeterministicCallError.class);
    }

    @Test
    void workflowFailedExceptionMessageNamesTheExecution() {
        ApplicationFailure cause = ApplicationFailure.newFailure("m", "T");

        WorkflowFailedException e =
                new WorkflowFailedException(new WorkflowExecution("order-1", "run-1"), "OrderWorkflow", cause);

        assertThat(e)
                .hasMessage("Workflow execution failed: workflowType='OrderWorkflow', workflowId='order-1', runId='run-1'")
                .hasCause(cause)
                .isNotInstanceOf(HourglassFailure.class);
        assertThat(e.getExecution()).isEqualTo(new WorkflowExecution("order-1", "run-1"));
        assertThat(e.getWorkflowType()).isEqualTo("OrderWorkflow");
    }

    @Test
    void workflowNotFoundExceptionNamesIdAndRunIdWhenGiven() {
        assertThat(new WorkflowNotFoundException("order-1", null))
                .hasMessage("Workflow execution not found: workflowId='order-1'");
        assertThat(new WorkflowNotFoundException("order-1", "run-1"))
                .hasMessage("Workflow execution not found: workflowId='order-1', runId='run-1'");
    }

    @Test
    void alreadyStartedExceptionKeepsTheExistingExecution() {
        WorkflowExecution existing = new WorkflowExecution("order-1", "run-1");

        WorkflowExecutionAlreadyStartedException e =
                new WorkflowExecutionAlreadyStartedException(existing, "OrderWorkflow", "already running");

        assertThat(e.getExecution()).isSameAs(existing);
        assertThat(e).hasMessage("already running");
    }

    @Test
    void queryExceptionKeepsExecutionQueryTypeAndCause() {
        WorkflowExecution execution = new WorkflowExecution("order-1", "run-1");
        IllegalStateException cause = new IllegalStateException("handler threw");

        WorkflowQueryException e = new WorkflowQueryException(execution, "status", "query failed", cause);

        assertThat(e.getExecution()).isSameAs(execution);
        assertThat(e.getQueryType()).isEqualTo("status");
        assertThat(e).hasMessage("query failed").hasCause(cause);
    }
}
