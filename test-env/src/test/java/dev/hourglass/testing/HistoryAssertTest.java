package dev.hourglass.testing;

import static dev.hourglass.history.EventType.ActivityTaskCompleted;
import static dev.hourglass.history.EventType.ActivityTaskFailed;
import static dev.hourglass.history.EventType.ActivityTaskScheduled;
import static dev.hourglass.history.EventType.ActivityTaskStarted;
import static dev.hourglass.history.EventType.TimerFired;
import static dev.hourglass.history.EventType.TimerStarted;
import static dev.hourglass.history.EventType.WorkflowExecutionCompleted;
import static dev.hourglass.history.EventType.WorkflowExecutionFailed;
import static dev.hourglass.history.EventType.WorkflowExecutionSignaled;
import static dev.hourglass.history.EventType.WorkflowExecutionStarted;
import static dev.hourglass.testing.HourglassAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hourglass.history.Histories;
import dev.hourglass.history.History;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HistoryAssertTest {

    private static final History COMPLETED = Histories.completedTransfer();
    private static final History FAILED = Histories.failedTransfer();
    private static final History OPEN = Histories.openTransfer();

    private static final String COMPLETED_EVENTS = "<1 WorkflowExecutionStarted, "
            + "2 ActivityTaskScheduled activityId=1 activityType=withdraw, 3 ActivityTaskStarted activityId=1 attempt=1, "
            + "4 ActivityTaskCompleted activityId=1, 5 TimerStarted timerId=1 duration=3d, 6 TimerFired timerId=1, "
            + "7 ActivityTaskScheduled activityId=2 activityType=deposit, 8 ActivityTaskStarted activityId=2 attempt=1, "
            + "9 ActivityTaskCompleted activityId=2, 10 WorkflowExecutionCompleted>";

    private static final String FAILED_EVENTS = "<1 WorkflowExecutionStarted, "
            + "2 ActivityTaskScheduled activityId=1 activityType=withdraw, 3 ActivityTaskStarted activityId=1 attempt=1, "
            + "4 ActivityTaskFailed activityId=1 failure=InsufficientFunds \"insufficient funds\", "
            + "5 WorkflowExecutionFailed failure=ActivityFailure[withdraw, attempt 1] caused by InsufficientFunds "
            + "\"insufficient funds\">";

    /**
     * Runs {@code assertion}, expects it to fail, and returns assertions on its message with each platform line
     * separator turned into {@code "\n"}: the messages use AssertJ's {@code %n}, as AssertJ's own do.
     */
    private static AbstractStringAssert<?> assertThatFailureMessageOf(ThrowingCallable assertion) {
        AssertionError failure = catchThrowableOfType(AssertionError.class, assertion);
        assertThat(failure).as("the failure of the assertion").isNotNull();
        return assertThat(failure.getMessage().replace("\r\n", "\n"));
    }

    @Nested
    class HasEventsInOrder {

        @Test
        void passesForASubsequenceWithOtherEventsBetween() {
            assertThat(COMPLETED).hasEventsInOrder(WorkflowExecutionStarted, TimerStarted, TimerFired,
                    ActivityTaskScheduled, WorkflowExecutionCompleted);
        }

        @Test
        void failsWhenTheEventsAppearInAnotherOrder() {
            assertThatFailureMessageOf(() -> assertThat(COMPLETED).hasEventsInOrder(TimerFired, TimerStarted))
                    .contains("Expecting history of <transfer-1>:\n  " + COMPLETED_EVENTS)
                    .contains("to contain these events in order:\n  <TimerFired, TimerStarted>")
                    .contains("but <TimerStarted> was not found: it has none after event 6 (TimerFired");
        }

        @Test
        void failsWhenAnEventIsMissing() {
            assertThatFailureMessageOf(() -> assertThat(FAILED).hasEventsInOrder(WorkflowExecutionStarted,
                    TimerStarted))
                    .contains("but <TimerStarted> was not found");
        }
    }

    @Nested
    class HasExactlyEvents {

        @Test
        void passesForTheWholeSequence() {
            assertThat(FAILED).hasExactlyEvents(WorkflowExecutionStarted, ActivityTaskScheduled, ActivityTaskStarted,
                    ActivityTaskFailed, WorkflowExecutionFailed);
        }

        @Test
        void failsForASubsequence() {
            assertThatFailureMessageOf(() -> assertThat(FAILED).hasExactlyEvents(WorkflowExecutionStarted,
                    WorkflowExecutionFailed))
                    .contains("Expecting history of <transfer-2>:")
                    .contains("to have exactly the events:\n"
                            + "  <WorkflowExecutionStarted, WorkflowExecutionFailed>")
                    .contains("but event 2 is <ActivityTaskScheduled> where <WorkflowExecutionFailed> was"
                            + " expected");
        }

        @Test
        void failsWhenTheHistoryHasMoreEvents() {
            assertThatFailureMessageOf(() -> assertThat(FAILED).hasExactlyEvents(WorkflowExecutionStarted,
                    ActivityTaskScheduled, ActivityTaskStarted, ActivityTaskFailed))
                    .contains("but it has more events, from event 5 (WorkflowExecutionFailed)");
        }

        @Test
        void failsWhenTheHistoryEndsEarly() {
            assertThatFailureMessageOf(() -> assertThat(OPEN).hasExactlyEvents(WorkflowExecutionStarted, TimerStarted,
                    WorkflowExecutionSignaled, TimerFired))
                    .contains("but it ends after event 3 where <TimerFired> was expected");
        }
    }

    @Nested
    class HasActivityScheduled {

        @Test
        void passesWhenAnActivityOfTheTypeWasScheduled() {
            assertThat(COMPLETED).hasActivityScheduled("withdraw").hasActivityScheduled("deposit");
        }

        @Test
        void failsWhenNoActivityOfTheTypeWasScheduled() {
            assertThatFailureMessageOf(() -> assertThat(FAILED).hasActivityScheduled("deposit"))
                    .isEqualTo("\nExpecting history of <transfer-2>:\n"
                            + "  " + FAILED_EVENTS + "\n"
                            + "to contain an ActivityTaskScheduled of type:\n"
                            + "  <\"deposit\">\n"
                            + "but it has none");
        }
    }

    @Nested
    class HasActivityScheduledTimes {

        @Test
        void passesForTheExactCount() {
            assertThat(COMPLETED).hasActivityScheduledTimes("withdraw", 1).hasActivityScheduledTimes("refund", 0);
        }

        @Test
        void failsForAnotherCount() {
            assertThatFailureMessageOf(() -> assertThat(COMPLETED).hasActivityScheduledTimes("withdraw", 2))
                    .contains("Expecting history of <transfer-1>:\n  " + COMPLETED_EVENTS)
                    .contains("to contain 2 ActivityTaskScheduled of type:\n  <\"withdraw\">\nbut it has 1");
        }
    }

    @Nested
    class HasTimerStarted {

        @Test
        void passesForATimerOfTheDuration() {
            assertThat(COMPLETED).hasTimerStarted(Duration.ofHours(72));
        }

        @Test
        void failsForATimerOfAnotherDurationAndNamesTheTimers() {
            assertThatFailureMessageOf(() -> assertThat(COMPLETED).hasTimerStarted(Duration.ofDays(2)))
                    .contains("to contain a TimerStarted of duration:\n  <2d>\n"
                            + "but its timers are [3d]");
        }

        @Test
        void failsWhenNoTimerStarted() {
            assertThatFailureMessageOf(() -> assertThat(FAILED).hasTimerStarted(Duration.ofDays(3)))
                    .contains("but it started no timer");
        }
    }

    @Nested
    class HasSignal {

        @Test
        void passesWhenTheSignalWasDelivered() {
            assertThat(OPEN).hasSignal("cancel");
        }

        @Test
        void failsWhenNoSignalOfTheNameWasDelivered() {
            assertThatFailureMessageOf(() -> assertThat(OPEN).hasSignal("approve"))
                    .contains("Expecting history of <transfer-3>:\n"
                            + "  <1 WorkflowExecutionStarted, 2 TimerStarted timerId=1 duration=3d, "
                            + "3 WorkflowExecutionSignaled signalName=cancel>")
                    .contains("to contain a WorkflowExecutionSignaled named:\n  <\"approve\">\nbut it has none");
        }
    }

    @Nested
    class CompletedWith {

        @Test
        void passesForAnEqualResult() {
            assertThat(COMPLETED).completedWith("moved 100 from alice to bob");
        }

        @Test
        void decodesTheResultToTheExpectedValuesClass() {
            History history = Histories.of("quote-1")
                    .started()
                    .event(new WorkflowExecutionCompletedAttributes(Payload.of(new Quote("EUR", 105))))
                    .build();
            assertThat(history).completedWith(new Quote("EUR", 105));
        }

        @Test
        void comparesAGenericResultByItsJson() {
            History history = Histories.of("quote-2")
                    .started()
                    .event(new WorkflowExecutionCompletedAttributes(
                            Payload.of(List.of(new Quote("EUR", 105), new Quote("USD", 99)))))
                    .build();
            assertThat(history).completedWith(List.of(new Quote("EUR", 105), new Quote("USD", 99)));
        }

        @Test
        void failsForAGenericResultWithOtherContent() {
            History history = Histories.of("quote-3")
                    .started()
                    .event(new WorkflowExecutionCompletedAttributes(Payload.of(List.of(new Quote("EUR", 105)))))
                    .build();
            assertThatFailureMessageOf(() -> assertThat(history).completedWith(List.of(new Quote("EUR", 106))))
                    .contains("but it completed with:\n  <[{\"currency\":\"EUR\",\"cents\":105}]>");
        }

        @Test
        void failsForAnotherResult() {
            assertThatFailureMessageOf(() -> assertThat(COMPLETED).completedWith("moved 5 from alice to bob"))
                    .contains("Expecting history of <transfer-1>:")
                    .contains("to have completed with:\n  <\"moved 5 from alice to bob\">\n"
                            + "but it completed with:\n  <\"moved 100 from alice to bob\">");
        }

        @Test
        void failsWhenTheResultCannotBeReadAsTheExpectedClass() {
            assertThatFailureMessageOf(() -> assertThat(COMPLETED).completedWith(Map.of("amount", 100)))
                    .contains("but its result \"moved 100 from alice to bob\" cannot be read as a");
        }

        @Test
        void failsForAFailedExecution() {
            assertThatFailureMessageOf(() -> assertThat(FAILED).completedWith("anything"))
                    .contains("but its last event is <5 WorkflowExecutionFailed failure=ActivityFailure[withdraw,"
                            + " attempt 1] caused by InsufficientFunds \"insufficient funds\">");
        }
    }

    /** A result with structure, to decode. */
    public record Quote(String currency, long cents) {
    }

    @Nested
    class FailedWith {

        @Test
        void passesForTheTypeOfACauseOfTheFailure() {
            assertThat(FAILED).failedWith("InsufficientFunds");
        }

        @Test
        void passesForTheTypeOfTheOutermostFailure() {
            assertThat(FAILED).failedWith("ActivityFailure");
        }

        @Test
        void failsForAnotherTypeAndShowsTheFailureChain() {
            assertThatFailureMessageOf(() -> assertThat(FAILED).failedWith("AccountLocked"))
                    .contains("Expecting history of <transfer-2>:")
                    .contains("to have failed with:\n  <\"AccountLocked\">\n"
                            + "but it failed with:\n"
                            + "  <ActivityFailure[withdraw, attempt 1] caused by InsufficientFunds \"insufficient funds\">");
        }

        @Test
        void failsForACompletedExecution() {
            assertThatFailureMessageOf(() -> assertThat(COMPLETED).failedWith("InsufficientFunds"))
                    .contains("but its last event is <10 WorkflowExecutionCompleted>");
        }
    }

    @Nested
    class IsClosedAndIsOpen {

        @Test
        void completedAndFailedExecutionsAreClosed() {
            assertThat(COMPLETED).isClosed();
            assertThat(FAILED).isClosed();
        }

        @Test
        void isClosedFailsForAnOpenExecution() {
            assertThatFailureMessageOf(() -> assertThat(OPEN).isClosed())
                    .contains("to be closed\n"
                            + "but its last event <3 WorkflowExecutionSignaled signalName=cancel> does not close it");
        }

        @Test
        void anExecutionWithoutAClosingEventIsOpen() {
            assertThat(OPEN).isOpen();
        }

        @Test
        void isOpenFailsForAClosedExecution() {
            assertThatFailureMessageOf(() -> assertThat(COMPLETED).isOpen())
                    .contains("to be open\nbut it was closed by <10 WorkflowExecutionCompleted>");
        }
    }

    @Test
    void aDescriptionPrefixesTheMessage() {
        assertThatFailureMessageOf(() -> assertThat(OPEN).as("the transfer").isClosed())
                .startsWith("[the transfer] \nExpecting history of <transfer-3>");
    }

    @Test
    void aNullHistoryFailsEveryAssertion() {
        assertThatFailureMessageOf(() -> assertThat((History) null).hasSignal("cancel"))
                .contains("Expecting actual not to be null");
    }
}
