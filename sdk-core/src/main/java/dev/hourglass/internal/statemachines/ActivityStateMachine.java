package dev.hourglass.internal.statemachines;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.internal.replay.PromiseImpl;

/** One scheduled activity as the workflow sees it: scheduled, started, then closed one way or another. */
public final class ActivityStateMachine {

    /** States of an activity. */
    public enum State { SCHEDULED, STARTED, COMPLETED, FAILED, TIMED_OUT, CANCEL_REQUESTED, CANCELED }

    /** Events that move an activity. */
    public enum Event { STARTED, COMPLETED, FAILED, TIMED_OUT, CANCEL, CANCELED }

    /** The transitions, in one place. */
    public static final StateMachineDefinition<State, Event> DEFINITION =
            StateMachineDefinition.of("ActivityStateMachine", State.class, Event.class)
                    .add(State.SCHEDULED, Event.STARTED, State.STARTED)
                    .add(State.SCHEDULED, Event.TIMED_OUT, State.TIMED_OUT)
                    .add(State.SCHEDULED, Event.CANCEL, State.CANCEL_REQUESTED)
                    .add(State.STARTED, Event.COMPLETED, State.COMPLETED)
                    .add(State.STARTED, Event.FAILED, State.FAILED)
                    .add(State.STARTED, Event.TIMED_OUT, State.TIMED_OUT)
                    .add(State.STARTED, Event.CANCEL, State.CANCEL_REQUESTED)
                    .add(State.CANCEL_REQUESTED, Event.CANCELED, State.CANCELED)
                    // the activity closed before the service saw the cancel request: the outcome is ignored
                    .add(State.CANCEL_REQUESTED, Event.STARTED, State.CANCEL_REQUESTED)
                    .add(State.CANCEL_REQUESTED, Event.COMPLETED, State.COMPLETED)
                    .add(State.CANCEL_REQUESTED, Event.FAILED, State.FAILED)
                    .add(State.CANCEL_REQUESTED, Event.TIMED_OUT, State.TIMED_OUT);

    private final String activityId;
    private final String activityType;
    private final PromiseImpl<JsonNode> result = new PromiseImpl<>();
    private State state = State.SCHEDULED;
    private int attempt = 1;

    /** Creates the machine of a just-scheduled activity. */
    public ActivityStateMachine(String activityId, String activityType) {
        this.activityId = activityId;
        this.activityType = activityType;
    }

    public State state() {
        return state;
    }

    /** The promise of the activity's JSON result. */
    public PromiseImpl<JsonNode> result() {
        return result;
    }

    public void onStarted(HistoryEvent event) {
        state = DEFINITION.next(state, Event.STARTED);
        attempt = (int) event.getLongAttribute("attempt", 1);
    }

    public void onCompleted(HistoryEvent event) {
        state = DEFINITION.next(state, Event.COMPLETED);
        result.complete(event.getAttribute("result"));
    }

    public void onFailed(HistoryEvent event) {
        state = DEFINITION.next(state, Event.FAILED);
        attempt = (int) event.getLongAttribute("attempt", attempt);
        result.completeExceptionally(failure(FailureConverter.fromJson(event.getAttribute("failure"))));
    }

    public void onTimedOut(HistoryEvent event) {
        state = DEFINITION.next(state, Event.TIMED_OUT);
        result.completeExceptionally(failure(FailureConverter.fromJson(event.getAttribute("failure"))));
    }

    /**
     * Requests cancellation; the result fails at once with a {@link CanceledFailure} cause.
     *
     * @return whether a cancel command must be recorded (false if the activity already closed)
     */
    public boolean cancel() {
        if (!DEFINITION.accepts(state, Event.CANCEL)) {
            return false;
        }
        state = DEFINITION.next(state, Event.CANCEL);
        result.completeExceptionally(failure(new CanceledFailure("activity canceled")));
        return true;
    }

    public void onCanceled(HistoryEvent event) {
        state = DEFINITION.next(state, Event.CANCELED);
    }

    private ActivityFailure failure(Throwable cause) {
        return new ActivityFailure(activityType, activityId, attempt, cause);
    }
}
