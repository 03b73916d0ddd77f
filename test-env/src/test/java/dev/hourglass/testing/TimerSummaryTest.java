package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.workflow.TimerOptions;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimerSummaryTest {

    private static final String QUEUE = "reminders";

    @WorkflowInterface
    public interface Reminder {
        @WorkflowMethod
        String remind();
    }

    public static class ReminderImpl implements Reminder {
        @Override
        public String remind() {
            Workflow.newTimer(Duration.ofDays(3), TimerOptions.newBuilder().setSummary("grace period").build()).get();
            Workflow.sleep(Duration.ofHours(1));
            return "reminded";
        }
    }

    /** The same timers, the first with another summary. */
    public static class RenamedSummaryImpl implements Reminder {
        @Override
        public String remind() {
            Workflow.newTimer(Duration.ofDays(3),
                    TimerOptions.newBuilder().setSummary("wait before reminding").build()).get();
            Workflow.sleep(Duration.ofHours(1));
            return "reminded";
        }
    }

    /** The same timers, neither with a summary. */
    public static class NoSummaryImpl implements Reminder {
        @Override
        public String remind() {
            Workflow.newTimer(Duration.ofDays(3)).get();
            Workflow.sleep(Duration.ofHours(1));
            return "reminded";
        }
    }

    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();

    @AfterEach
    void tearDown() {
        env.close();
    }

    private History run(Class<?> implementation) {
        env.newWorker(QUEUE).registerWorkflowImplementationTypes(implementation);
        env.start();
        Reminder reminder = env.getWorkflowClient().newWorkflowStub(Reminder.class,
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("reminder-1").build());
        assertThat(reminder.remind()).isEqualTo("reminded");
        return env.getWorkflowClient().fetchHistory("reminder-1");
    }

    private static List<TimerStartedAttributes> timers(History history) {
        return history.getEvents().stream()
                .filter(event -> event.getEventType() == EventType.TimerStarted)
                .map(HistoryEvent::getAttributes)
                .map(TimerStartedAttributes.class::cast)
                .toList();
    }

    @Test
    void aTimerWithASummaryRecordsItOnItsTimerStartedEvent() {
        History history = run(ReminderImpl.class);

        assertThat(timers(history).get(0).summary()).isEqualTo("grace period");
        assertThat(timers(history).get(0).duration()).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void aTimerStartedWithoutASummaryRecordsNoSummaryAttribute() {
        History history = run(NoSummaryImpl.class);

        assertThat(timers(history)).extracting(TimerStartedAttributes::summary).containsOnlyNulls();
        assertThat(history.toJson()).doesNotContain("\"summary\"");
    }

    @Test
    void theTimelineShowsTheSummaryOfTheTimer() {
        History history = run(ReminderImpl.class);

        assertThat(dev.hourglass.history.HistoryTimeline.format(history))
                .contains("timerId=1 duration=3d summary=\"grace period\"")
                .contains("timerId=2 duration=1h\n");
    }

    @Test
    void aChangedSummaryReplaysWithoutAWarningEvenWhenStrict() {
        History history = run(ReminderImpl.class);

        assertThat(Replayer.replay(history, true, RenamedSummaryImpl.class)).isEmpty();
    }

    @Test
    void aRemovedSummaryReplaysWithoutAWarningEvenWhenStrict() {
        History history = run(ReminderImpl.class);

        assertThat(Replayer.replay(history, true, NoSummaryImpl.class)).isEmpty();
    }

    @Test
    void anAddedSummaryReplaysAHistoryRecordedWithoutOne() {
        History history = run(NoSummaryImpl.class);

        assertThat(Replayer.replay(history, true, ReminderImpl.class)).isEmpty();
    }

    @Test
    void aHistoryWithASummaryReplaysAfterARoundTripThroughJson() {
        History history = run(ReminderImpl.class);

        History read = History.fromJson(history.toJson());

        assertThat(read).isEqualTo(history);
        assertThat(timers(read).get(0).summary()).isEqualTo("grace period");
        assertThat(Replayer.replay(read, true, ReminderImpl.class)).isEmpty();
    }

    @Test
    void newTimerRejectsNullOptionsNamingThem() {
        assertThatNullPointerException()
                .isThrownBy(() -> Workflow.newTimer(Duration.ofDays(1), null))
                .withMessage("options");
    }
}
