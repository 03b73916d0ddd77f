package dev.hourglass.internal.replay;

import dev.hourglass.common.DataConverterException;
import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.internal.history.EventText;
import dev.hourglass.internal.statemachines.IllegalTransitionException;
import java.util.Locale;

/**
 * Turns what goes wrong while code runs over a history into the documented exception that says where:
 * events in an order Hourglass never records become a {@link NonDeterministicException} naming the event, and
 * a payload the code cannot decode a {@link DataConverterException} naming the execution and the event it
 * came with.
 */
final class ReplayFailures {

    private ReplayFailures() {
    }

    /**
     * The failure to report for {@code failure}, raised while the code ran after {@code event} (the last event
     * delivered; {@code null} before the first): explained if it is one of the above, else itself.
     */
    static Throwable explain(Throwable failure, String execution, HistoryEvent event) {
        if (failure instanceof IllegalTransitionException) {
            return inconsistentHistory((IllegalTransitionException) failure, execution, event);
        }
        if (failure instanceof DataConverterException && !(failure instanceof InExecution)) {
            String at = event == null ? "" : " at event " + event.getEventId() + " (" + event.getEventType() + ")";
            return new InExecution(execution + at + ": " + failure.getMessage(), failure);
        }
        return failure;
    }

    private static NonDeterministicException inconsistentHistory(IllegalTransitionException failure,
            String execution, HistoryEvent event) {
        long eventId = event == null ? -1 : event.getEventId();
        String recorded = event == null ? "(no event)" : EventText.summary(event);
        String message = "The history of " + execution + " cannot be replayed at event " + eventId + ": "
                + (event == null ? recorded : EventText.describe(event.getAttributes())) + " comes while the " + kind(failure.machine()) + " it is about is " + failure.state()
                + ", which has no transition on " + failure.event() + ".\n"
                + "Hourglass never records events in this order: the history was changed after it was recorded,"
                + " or was recorded by other software. Replay the history as it was recorded.";
        return new NonDeterministicException(message, eventId, recorded, "no " + failure.event() + " expected",
                null);
    }

    /** {@code "child workflow"} for {@code ChildWorkflowStateMachine}. */
    private static String kind(String machine) {
        String kind = machine.endsWith("StateMachine") ? machine.substring(0, machine.length() - 12) : machine;
        return kind.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
    }

    /** A {@link DataConverterException} whose message names the execution and the event. */
    private static final class InExecution extends DataConverterException {
        private static final long serialVersionUID = 1L;

        InExecution(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
