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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.history.History;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HistoryAssertTest {

    private static final History COMPLETED = Histories.completedTransfer();
    private static final History FAILED = Histories.failedTransfer();
    private static final History OPEN = Histories.openTransfer();

    private static final String COMPLETED_EVENTS = "<1 WorkflowExecutionStarted, 2 ActivityTaskScheduled withdraw, "
            + "3 ActivityTaskStarted, 4 ActivityTaskCompleted, 5 TimerStarted 3d, 6 TimerFired, "
            + "7 ActivityTaskScheduled deposit, 8 ActivityTaskStarted, 9 ActivityTaskCompleted, "
            + "10 WorkflowExecutionCompleted>";

    private static String nl() {
        return System.lineSeparator();
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
            assertThatThrownBy(() -> assertThat(COMPLETED).hasEventsInOrder(TimerFired, TimerStarted))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting history of <transfer-1>:" + nl() + "  " + COMPLETED_EVENTS)
                    .hasMessageContaining("to contain these events in order:" + nl() + "  <TimerFired, TimerStarted>")
                    .hasMessageContaining("but <TimerStarted> was not found: it has none after event 6 (TimerFired");
        }

        @Test
        void failsWhenAnEventIsMissing() {
            assertThatThrownBy(() -> assertThat(FAILED).hasEventsInOrder(WorkflowExecutionStarted, TimerStarted))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("but <TimerStarted> was not found");
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
            assertThatThrownBy(() -> assertThat(FAILED).hasExactlyEvents(WorkflowExecutionStarted,
                    WorkflowExecutionFailed))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting history of <transfer-2>:")
                    .hasMessageContaining("to have exactly the events:" + nl()
                            + "  <WorkflowExecutionStarted, WorkflowExecutionFailed>")
                    .hasMessageContaining("but event 2 is <ActivityTaskScheduled> where <WorkflowExecutionFailed> was"
                            + " expected");
        }

        @Test
        void failsWhenTheHistoryHasMoreEvents() {
            assertThatThrownBy(() -> assertThat(FAILED).hasExactlyEvents(WorkflowExecutionStarted,
                    ActivityTaskScheduled, ActivityTaskStarted, ActivityTaskFailed))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("but it has more events, from event 5 (WorkflowExecutionFailed)");
        }

        @Test
        void failsWhenTheHistoryEndsEarly() {
            assertThatThrownBy(() -> assertThat(OPEN).hasExactlyEvents(WorkflowExecutionStarted, TimerStarted,
                    WorkflowExecutionSignaled, TimerFired))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("but it ends after event 3 where <TimerFired> was expected");
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
            assertThatThrownBy(() -> assertThat(FAILED).hasActivityScheduled("deposit"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessage(nl() + "Expecting history of <transfer-2>:" + nl()
                            + "  <1 WorkflowExecutionStarted, 2 ActivityTaskScheduled withdraw, 3 ActivityTaskStarted, "
                            + "4 ActivityTaskFailed InsufficientFunds, 5 WorkflowExecutionFailed ActivityFailure <- "
                            + "InsufficientFunds>" + nl()
                            + "to contain an ActivityTaskScheduled of type:" + nl()
                            + "  <\"deposit\">" + nl()
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
            assertThatThrownBy(() -> assertThat(COMPLETED).hasActivityScheduledTimes("withdraw", 2))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting history of <transfer-1>:" + nl() + "  " + COMPLETED_EVENTS)
                    .hasMessageContaining("to contain 2 ActivityTaskScheduled of type:" + nl() + "  <\"withdraw\">"
                            + nl() + "but it has 1");
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
            assertThatThrownBy(() -> assertThat(COMPLETED).hasTimerStarted(Duration.ofDays(2)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("to contain a TimerStarted of duration:" + nl() + "  <2d>" + nl()
                            + "but its timers are [3d]");
        }

        @Test
        void failsWhenNoTimerStarted() {
            assertThatThrownBy(() -> assertThat(FAILED).hasTimerStarted(Duration.ofDays(3)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("but it started no timer");
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
            assertThatThrownBy(() -> assertThat(OPEN).hasSignal("approve"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting history of <transfer-3>:" + nl()
                            + "  <1 WorkflowExecutionStarted, 2 TimerStarted 3d, 3 WorkflowExecutionSignaled cancel>")
                    .hasMessageContaining("to contain a WorkflowExecutionSignaled named:" + nl() + "  <\"approve\">"
                            + nl() + "but it has none");
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
                    .event(WorkflowExecutionStarted, "workflowType", "Quote", "taskQueue", "transfers", "input", List.of())
                    .event(WorkflowExecutionCompleted, "result", new Quote("EUR", 105))
                    .build();
            assertThat(history).completedWith(new Quote("EUR", 105));
        }

        @Test
        void comparesAGenericResultByItsJson() {
            History history = Histories.of("quote-2")
                    .event(WorkflowExecutionStarted, "workflowType", "Quote", "taskQueue", "transfers", "input", List.of())
                    .event(WorkflowExecutionCompleted, "result", List.of(new Quote("EUR", 105), new Quote("USD", 99)))
                    .build();
            assertThat(history).completedWith(List.of(new Quote("EUR", 105), new Quote("USD", 99)));
        }

        @Test
        void failsForAGenericResultWithOtherContent() {
            History history = Histories.of("quote-3")
                    .event(WorkflowExecutionStarted, "workflowType", "Quote", "taskQueue", "transfers", "input", List.of())
                    .event(WorkflowExecutionCompleted, "result", List.of(new Quote("EUR", 105)))
                    .build();
            assertThatThrownBy(() -> assertThat(history).completedWith(List.of(new Quote("EUR", 106))))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("but it completed with:" + nl() + "  <[{\"currency\":\"EUR\",\"cents\":105}]>");
        }

        @Test
        void failsForAnotherResult() {
            assertThatThrownBy(() -> assertThat(COMPLETED).completedWith("moved 5 from alice to bob"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting history of <transfer-1>:")
                    .hasMessageContaining("to have completed with:" + nl() + "  <\"moved 5 from alice to bob\">" + nl()
                            + "but it completed with:" + nl() + "  <\"moved 100 from alice to bob\">");
        }

        @Test
        void failsWhenTheResultCannotBeReadAsTheExpectedClass() {
            assertThatThrownBy(() -> assertThat(COMPLETED).completedWith(Map.of("amount", 100)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("but its result \"moved 100 from alice to bob\" cannot be read as a");
        }

        @Test
        void failsForAFailedExecution() {
            assertThatThrownBy(() -> assertThat(FAILED).completedWith("anything"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("but its last event is <5 WorkflowExecutionFailed ActivityFailure <- "
                            + "InsufficientFunds>");
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
            assertThatThrownBy(() -> assertThat(FAILED).failedWith("AccountLocked"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting history of <transfer-2>:")
                    .hasMessageContaining("to have failed with:" + nl() + "  <\"AccountLocked\">" + nl()
                            + "but it failed with:" + nl()
                            + "  <ActivityFailure[withdraw, attempt 1] caused by InsufficientFunds \"insufficient funds\">");
        }

        @Test
        void failsForACompletedExecution() {
            assertThatThrownBy(() -> assertThat(COMPLETED).failedWith("InsufficientFunds"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("but its last event is <10 WorkflowExecutionCompleted>");
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
            assertThatThrownBy(() -> assertThat(OPEN).isClosed())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("to be closed" + nl()
                            + "but its last event <3 WorkflowExecutionSignaled cancel> does not close it");
        }

        @Test
        void anExecutionWithoutAClosingEventIsOpen() {
            assertThat(OPEN).isOpen();
        }

        @Test
        void isOpenFailsForAClosedExecution() {
            assertThatThrownBy(() -> assertThat(COMPLETED).isOpen())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("to be open" + nl() + "but it was closed by <10 WorkflowExecutionCompleted>");
        }
    }

    @Test
    void aDescriptionPrefixesTheMessage() {
        assertThatThrownBy(() -> assertThat(OPEN).as("the transfer").isClosed())
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("[the transfer] " + nl() + "Expecting history of <transfer-3>");
    }

    @Test
    void aNullHistoryFailsEveryAssertion() {
        assertThatThrownBy(() -> assertThat((History) null).hasSignal("cancel"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting actual not to be null");
    }
}
