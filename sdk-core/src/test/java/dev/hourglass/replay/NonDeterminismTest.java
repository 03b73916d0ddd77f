package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.internal.replay.Replayer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Replaying recorded histories against changed code: what is nondeterminism and how it is reported. */
class NonDeterminismTest {

    static Stream<Arguments> recordedHistoriesWithTheirCode() {
        return Stream.of(
                Arguments.of("transfer", (Supplier<History>) RecordedHistories::transfer, Transfers.Original.class),
                Arguments.of("versioned transfer", (Supplier<History>) RecordedHistories::versionedTransfer,
                        Transfers.VersionedWithoutHold.class),
                Arguments.of("batch", (Supplier<History>) RecordedHistories::batch, Batches.ThreeSteps.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordedHistoriesWithTheirCode")
    void theRecordingCodeReplaysItsHistoryWithoutWarnings(String name, Supplier<History> history, Class<?> code) {
        assertThat(Replayer.replay(history.get(), false, code)).isEmpty();
    }

    @Test
    void swappedActivitiesAreReportedAtTheFirstScheduledActivity() {
        History history = RecordedHistories.transfer();
        HistoryEvent firstScheduled = RecordedHistories.firstEvent(history, EventType.ActivityTaskScheduled);

        assertThatThrownBy(() -> Replayer.replay(history, false, Transfers.SwappedActivities.class))
                .isInstanceOfSatisfying(NonDeterministicException.class, e -> {
                    assertThat(e.getEventId()).isEqualTo(firstScheduled.getEventId());
                    assertThat(e.getRecorded()).contains("activityType=withdraw");
                    assertThat(e.getActual()).contains("activityType=deposit");
                    assertThat(e.getLocation()).contains("SwappedActivities").contains("Transfers.java:");
                    assertThat(e.getMessage()).contains("Workflow.getVersion").contains("activity")
                            .contains(e.getLocation());
                });
    }

    @Test
    void droppedTimerIsReportedAtTheTimerStartedEvent() {
        History history = RecordedHistories.transfer();
        HistoryEvent timer = RecordedHistories.firstEvent(history, EventType.TimerStarted);

        assertThatThrownBy(() -> Replayer.replay(history, false, Transfers.WithoutHold.class))
                .isInstanceOfSatisfying(NonDeterministicException.class, e -> {
                    assertThat(e.getEventId()).isEqualTo(timer.getEventId());
                    assertThat(e.getRecorded()).startsWith("TimerStarted");
                    assertThat(e.getActual()).contains("activityType=deposit");
                    assertThat(e.getLocation()).contains("WithoutHold").contains(".java:");
                });
    }

    @Test
    void extraCommandAfterTheEndOfAClosedHistoryIsNondeterministic() {
        History history = RecordedHistories.transfer();

        assertThatThrownBy(() -> Replayer.replay(history, false, Transfers.WithAudit.class))
                .isInstanceOfSatisfying(NonDeterministicException.class, e -> {
                    assertThat(e.getEventId()).isEqualTo(history.getLastEvent().getEventId());
                    assertThat(e.getRecorded()).contains("WorkflowExecutionCompleted");
                    assertThat(e.getActual()).contains("activityType=audit");
                    assertThat(e.getLocation()).contains("WithAudit").contains(".java:");
                });
    }

    @Test
    void missingCommandNamesTheRecordedActivity() {
        History history = RecordedHistories.transfer();
        HistoryEvent deposit = RecordedHistories.scheduledActivity(history, "deposit");

        assertThatThrownBy(() -> Replayer.replay(history, false, Transfers.WithoutDeposit.class))
                .isInstanceOfSatisfying(NonDeterministicException.class, e -> {
                    assertThat(e.getEventId()).isEqualTo(deposit.getEventId());
                    assertThat(e.getRecorded()).contains("ActivityTaskScheduled").contains("activityType=deposit");
                    assertThat(e.getActual()).contains("WorkflowExecutionCompleted");
                });
    }

    @Test
    void missingCommandWhileTheCodeIsBlockedNamesWhereItWaits() {
        History history = RecordedHistories.transfer();
        HistoryEvent timer = RecordedHistories.firstEvent(history, EventType.TimerStarted);

        assertThatThrownBy(() -> Replayer.replay(history, false, Transfers.WaitsInsteadOfHolding.class))
                .isInstanceOfSatisfying(NonDeterministicException.class, e -> {
                    assertThat(e.getEventId()).isEqualTo(timer.getEventId());
                    assertThat(e.getRecorded()).startsWith("TimerStarted");
                    assertThat(e.getLocation()).contains("WaitsInsteadOfHolding").contains(".java:");
                });
    }

    @Test
    void shorterLoopIsNondeterministicAtTheFirstStepItSkips() {
        History history = RecordedHistories.batch();
        HistoryEvent thirdStep = history.getEvents().stream()
                .filter(event -> event.getEventType() == EventType.ActivityTaskScheduled)
                .skip(2).findFirst().orElseThrow();

        assertThatThrownBy(() -> Replayer.replay(history, false, Batches.TwoSteps.class))
                .isInstanceOfSatisfying(NonDeterministicException.class, e -> {
                    assertThat(e.getEventId()).isEqualTo(thirdStep.getEventId());
                    assertThat(e.getRecorded()).contains("activityType=step").contains("activityId=3");
                });
    }

    @Test
    void longerLoopIsNondeterministicAtTheRecordedCompletion() {
        History history = RecordedHistories.batch();

        assertThatThrownBy(() -> Replayer.replay(history, false, Batches.FourSteps.class))
                .isInstanceOfSatisfying(NonDeterministicException.class, e -> {
                    assertThat(e.getEventId()).isEqualTo(history.getLastEvent().getEventId());
                    assertThat(e.getActual()).contains("activityType=step").contains("activityId=4");
                });
    }

    @Test
    void catchingExceptionInWorkflowCodeDoesNotSwallowNondeterminism() {
        History history = RecordedHistories.transfer();
        HistoryEvent firstScheduled = RecordedHistories.firstEvent(history, EventType.ActivityTaskScheduled);

        assertThatThrownBy(() -> Replayer.replay(history, false, Transfers.SwappedInsideCatch.class))
                .isInstanceOfSatisfying(NonDeterministicException.class, e -> {
                    assertThat(e.getEventId()).isEqualTo(firstScheduled.getEventId());
                    assertThat(e.getLocation()).contains("SwappedInsideCatch");
                });
    }
}
