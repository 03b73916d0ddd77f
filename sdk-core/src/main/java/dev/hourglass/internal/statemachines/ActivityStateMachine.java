package dev.hourglass.internal.statemachines;

import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.history.ActivityTaskCancelRequestedAttributes;
import dev.hourglass.history.ActivityTaskCompletedAttributes;
import dev.hourglass.history.ActivityTaskFailedAttributes;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.ActivityTaskStartedAttributes;
import dev.hourglass.history.ActivityTaskTimedOutAttributes;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.internal.history.JsonPayload;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * One activity as the workflow sees it: scheduled, started, then closed one way or another; or canceled by its
 * scope, before or after it was scheduled. The rows carry what happens: the schedule and cancel commands, and
 * the result or failure handed to the waiting code.
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ActivityStateMachine
        extends StateMachine<ActivityStateMachine, ActivityStateMachine.State, ActivityStateMachine.Event> {

    /** States of an activity. */
    public enum State { CREATED, SCHEDULED, STARTED, COMPLETED, FAILED, TIMED_OUT, CANCEL_REQUESTED, CANCELED }

    /** Events that move an activity. */
    public enum Event { SCHEDULE, STARTED, COMPLETED, FAILED, TIMED_OUT, CANCEL, CANCELED }

    /** The transitions, in one place. */
    public static final StateMachineDefinition<ActivityStateMachine, State, Event> DEFINITION =
            StateMachineDefinition.<ActivityStateMachine, State, Event>of("ActivityStateMachine", State.class,
                            Event.class)
                    .add(State.CREATED, Event.SCHEDULE, State.SCHEDULED, (m, input) -> m.sink.add(m.scheduled))
                    // its scope was canceled before: no command, the code gets the cancellation at once
                    .add(State.CREATED, Event.CANCEL, State.CANCELED, (m, input) -> m.canceledBeforeScheduled())
                    .add(State.SCHEDULED, Event.STARTED, State.STARTED, ActivityStateMachine::started)
                    .add(State.SCHEDULED, Event.TIMED_OUT, State.TIMED_OUT, ActivityStateMachine::timedOut)
                    .add(State.SCHEDULED, Event.CANCEL, State.CANCEL_REQUESTED, (m, input) -> m.requestCancel())
                    .add(State.STARTED, Event.COMPLETED, State.COMPLETED, ActivityStateMachine::completed)
                    .add(State.STARTED, Event.FAILED, State.FAILED, ActivityStateMachine::failed)
                    .add(State.STARTED, Event.TIMED_OUT, State.TIMED_OUT, ActivityStateMachine::timedOut)
                    .add(State.STARTED, Event.CANCEL, State.CANCEL_REQUESTED, (m, input) -> m.requestCancel())
                    .add(State.CANCEL_REQUESTED, Event.CANCELED, State.CANCELED)
                    // the activity closed before the service saw the cancel request: the outcome is ignored
                    .add(State.CANCEL_REQUESTED, Event.STARTED, State.CANCEL_REQUESTED)
                    .add(State.CANCEL_REQUESTED, Event.COMPLETED, State.COMPLETED)
                    .add(State.CANCEL_REQUESTED, Event.FAILED, State.FAILED)
                    .add(State.CANCEL_REQUESTED, Event.TIMED_OUT, State.TIMED_OUT);

    private final ActivityTaskScheduledAttributes scheduled;
    private final CommandSink sink;
    private final Consumer<Payload> onResult;
    private final Consumer<ActivityFailure> onFailure;
    private int attempt = 1;

    /**
     * Creates the machine of an activity about to be scheduled.
     *
     * @param scheduled the schedule command
     * @param sink takes the machine's commands
     * @param onResult receives the result once the activity completes
     * @param onFailure receives the failure once it fails, times out or is canceled
     */
    public ActivityStateMachine(ActivityTaskScheduledAttributes scheduled, CommandSink sink,
            Consumer<Payload> onResult, Consumer<ActivityFailure> onFailure) {
        super(DEFINITION, State.CREATED);
        this.scheduled = scheduled;
        this.sink = sink;
        this.onResult = onResult;
        this.onFailure = onFailure;
    }

    /** Schedules the activity: records (or matches) its command. */
    public void schedule() {
        fire(Event.SCHEDULE, null);
    }

    /** Its scope was canceled: asks for the activity to be canceled and fails the waiting code at once. */
    public void cancel() {
        fire(Event.CANCEL, null);
    }

    public void handle(ActivityTaskStartedAttributes started) {
        fire(Event.STARTED, started);
    }

    public void handle(ActivityTaskCompletedAttributes completed) {
        fire(Event.COMPLETED, completed);
    }

    public void handle(ActivityTaskFailedAttributes failed) {
        fire(Event.FAILED, failed);
    }

    public void handle(ActivityTaskTimedOutAttributes timedOut) {
        fire(Event.TIMED_OUT, timedOut);
    }

    /** Handles the canceled event. */
    public void canceled() {
        fire(Event.CANCELED, null);
    }

    private void started(Object input) {
        attempt = ((ActivityTaskStartedAttributes) input).attempt();
    }

    private void completed(Object input) {
        onResult.accept(((ActivityTaskCompletedAttributes) input).result());
    }

    private void failed(Object input) {
        ActivityTaskFailedAttributes failed = (ActivityTaskFailedAttributes) input;
        if (failed.attempt() != null) {
            attempt = failed.attempt();
        }
        onFailure.accept(failure(FailureConverter.fromJson(JsonPayload.node(failed.failure()))));
    }

    private void timedOut(Object input) {
        Payload failure = ((ActivityTaskTimedOutAttributes) input).failure();
        onFailure.accept(failure(FailureConverter.fromJson(JsonPayload.node(failure))));
    }

    private void requestCancel() {
        sink.add(new ActivityTaskCancelRequestedAttributes(scheduled.activityId()));
        onFailure.accept(failure(new CanceledFailure("activity canceled")));
    }

    private void canceledBeforeScheduled() {
        onFailure.accept(new ActivityFailure(scheduled.activityType(), scheduled.activityId(), 0,
                new CanceledFailure("the activity's cancellation scope was already canceled")));
    }

    private ActivityFailure failure(Throwable cause) {
        return new ActivityFailure(scheduled.activityType(), scheduled.activityId(), attempt, cause);
    }
}
