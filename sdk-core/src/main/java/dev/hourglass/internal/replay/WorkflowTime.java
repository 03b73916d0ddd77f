package dev.hourglass.internal.replay;

import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.WorkflowExecutionSignaledAttributes;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import java.time.Duration;
import java.util.List;

/**
 * The time workflow code sees when an input event is delivered: the event's time, never earlier than a time it saw
 * before; for the first event, when the run's first workflow task became due.
 *
 * <p>A run with a start delay records its start at once and its first workflow task later: at the end of the delay,
 * or earlier if input (a signal, a cancellation request) ended the delay. The history holds no event of that moment,
 * so it is read from what the history does hold: the delay, and the first input event recorded during it. A signal
 * sent with the start does not end the delay. Everything here is read from the history, so a replay sees the same
 * times.
 */
final class WorkflowTime {

    private WorkflowTime() {
    }

    /** The time code sees when {@code event}, the one at {@code index} of {@code events}, is delivered. */
    static long atDelivery(List<HistoryEvent> events, int index, long previous) {
        long time = index == 0 ? firstTaskDue(events) : events.get(index).getEventTime().toEpochMilli();
        return Math.max(previous, time);
    }

    private static long firstTaskDue(List<HistoryEvent> events) {
        HistoryEvent started = events.get(0);
        long startTime = started.getEventTime().toEpochMilli();
        Duration delay = started.getEventType() == EventType.WorkflowExecutionStarted
                ? started.getAttributes(WorkflowExecutionStartedAttributes.class).firstWorkflowTaskBackoff() : null;
        if (delay == null) {
            return startTime;
        }
        long due = startTime + delay.toMillis();
        for (HistoryEvent event : events.subList(1, events.size())) {
            long time = event.getEventTime().toEpochMilli();
            if (time >= due) {
                break;
            }
            if (!event.getEventType().isCommand() && !sentWithStart(event)) {
                return time;
            }
        }
        return due;
    }

    private static boolean sentWithStart(HistoryEvent event) {
        return event.getAttributes() instanceof WorkflowExecutionSignaledAttributes signaled && signaled.withStart();
    }
}
