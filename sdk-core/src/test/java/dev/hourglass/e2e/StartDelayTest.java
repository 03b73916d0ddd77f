package dev.hourglass.e2e;

import static dev.hourglass.history.EventType.TimerStarted;
import static dev.hourglass.history.EventType.WorkflowExecutionCompleted;
import static dev.hourglass.history.EventType.WorkflowExecutionSignaled;
import static dev.hourglass.history.EventType.WorkflowExecutionStarted;
import static dev.hourglass.history.EventType.WorkflowExecutionTerminated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A start delay holds back an execution's first workflow task; input that arrives meanwhile ends it. */
class StartDelayTest {

    /** Takes a short nap, then says what it was told meanwhile; its first workflow task starts the nap's timer. */
    @WorkflowInterface
    public interface Reminder {
        @WorkflowMethod
        String remind(String about);

        @SignalMethod
        void note(String note);
    }

    public static class ReminderImpl implements Reminder {
        private String note = "no note";

        @Override
        public String remind(String about) {
            Workflow.sleep(Duration.ofMillis(1));
            return about + " with " + note;
        }

        @Override
        public void note(String note) {
            this.note = note;
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(ReminderImpl.class)
            .build();

    private Reminder delayed(String workflowId, Duration delay) {
        return env.client().newWorkflowStub(Reminder.class, env.options(workflowId).setStartDelay(delay).build());
    }

    /** When the run's first workflow task completed: the time of the first event its code caused. */
    private static Instant firstTaskCompleted(History history) {
        return history.getEvents().stream().filter(event -> event.getEventType() == TimerStarted).findFirst()
                .orElseThrow().getEventTime();
    }

    @Test
    void theWorkflowCodeBeginsWhenTheDelayIsOver() {
        Reminder reminder = delayed("reminder-1", Duration.ofMillis(800));
        WorkflowClient.start(reminder::remind, "renew");

        String result = WorkflowStub.fromTyped(reminder).getResult(String.class);

        History history = env.history("reminder-1");
        assertThat(firstTaskCompleted(history)).isAfterOrEqualTo(history.getEvents().get(0).getEventTime()
                .plusMillis(800));
        assertThat(result).isEqualTo("renew with no note");
    }

    @Test
    void theStartedEventRecordsTheDelay() {
        Reminder reminder = delayed("reminder-2", Duration.ofHours(1));
        WorkflowClient.start(reminder::remind, "renew");

        History history = env.history("reminder-2");

        assertThat(history.getEvents()).extracting(HistoryEvent::getEventType).containsExactly(WorkflowExecutionStarted);
        assertThat(history.getEvents().get(0).getAttributes(WorkflowExecutionStartedAttributes.class)
                .firstWorkflowTaskBackoff()).isEqualTo(Duration.ofHours(1));
        WorkflowStub.fromTyped(reminder).terminate("the test is over");
    }

    @Test
    void aSignalDuringTheDelayStartsTheWorkflowAtOnce() {
        Reminder reminder = delayed("reminder-3", Duration.ofHours(1));
        WorkflowClient.start(reminder::remind, "renew");

        reminder.note("urgent");

        assertThat(WorkflowStub.fromTyped(reminder).getResult(String.class)).isEqualTo("renew with urgent");
        assertThat(env.history("reminder-3").getEvents()).extracting(HistoryEvent::getEventType)
                .startsWith(WorkflowExecutionStarted, WorkflowExecutionSignaled, TimerStarted)
                .endsWith(WorkflowExecutionCompleted);
    }

    @Test
    void theSignalThatStartsADelayedWorkflowWaitsWithIt() {
        WorkflowStub reminder = env.client().newUntypedWorkflowStub("Reminder",
                env.options("reminder-4").setStartDelay(Duration.ofMillis(800)).build());

        reminder.signalWithStart("note", new Object[] {"bring the form"}, new Object[] {"renew"});
        String result = reminder.getResult(String.class);

        History history = env.history("reminder-4");
        assertThat(history.getEvents()).extracting(HistoryEvent::getEventType)
                .startsWith(WorkflowExecutionStarted, WorkflowExecutionSignaled, TimerStarted);
        assertThat(firstTaskCompleted(history)).isAfterOrEqualTo(history.getEvents().get(0).getEventTime()
                .plusMillis(800));
        assertThat(result).isEqualTo("renew with bring the form");
    }

    @Test
    void aDelayedWorkflowCanBeTerminatedBeforeItBegins() {
        Reminder reminder = delayed("reminder-5", Duration.ofHours(1));
        WorkflowClient.start(reminder::remind, "renew");

        WorkflowStub.fromTyped(reminder).terminate("not needed any more");

        assertThat(env.history("reminder-5").getEvents()).extracting(HistoryEvent::getEventType)
                .containsExactly(WorkflowExecutionStarted, WorkflowExecutionTerminated);
    }
}
