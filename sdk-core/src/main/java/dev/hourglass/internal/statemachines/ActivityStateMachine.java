package dev.hourglass.internal.statemachines;

import dev.hourglass.activity.ActivityCancellationType;
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
 * the result or failure handed to the waiting code. How a scope's cancellation is taken depends on the
 * activity's {@link ActivityCancellationType}, each with an event of its own: {@code CANCEL} requests
 * cancellation and fails the code at once ({@code TRY_CANCEL}), {@code CANCEL_AND_WAIT} requests it and fails the
 * code once the activity reports it canceled ({@code WAIT_CANCELLATION_COMPLETED}), and {@code ABANDON} fails the
 * code at once without a request.
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ActivityStateMachine
        extends StateMachine<ActivityStateMachine, ActivityStateMachine.State, ActivityStateMachine.Event> {

    /** States of an activity. */
    public enum State {
        CREATED, SCHEDULED, STARTED, COMPLETED, FAILED, TIMED_OUT, CANCEL_REQUESTED,
        /** Cancellation was requested and the code waits until the activity has stopped. */
        CANCEL_AWAITED,
        CANCELED,
        /** The code stopped waiting without a cancellation request; the activity's later events are ignored. */
        ABANDONED
    }

    /** Events that move an activity. */
    public enum Event { SCHEDULE, STARTED, COMPLETED, FAILED, TIMED_OUT, CANCEL, CANCEL_AND_WAIT, ABANDON, CANCELED }

    /** The transitions, in one place. */
    public static final StateMachineDefinition<ActivityStateMachine, State, Event> DEFINITION =
            StateMachineDefinition.<ActivityStateMachine, State, Event>of("ActivityStateMachine", State.class,
                            Event.class)
                    .add(State.CREATED, Event.SCHEDULE, State.SCHEDULED, (m, input) -> m.sink.add(m.scheduled))
                    // its scope was canceled before: no command, the code gets the cancellation at once
                    .add(State.CREATED, Event.CANCEL, State.CANCELED, (m, input) -> m.canceledBeforeScheduled())
                    .add(State.CREATED, Event.CANCEL_AND_WAIT, State.CANCELED,
                            (m, input) -> m.canceledBeforeScheduled())
                    .add(State.CREATED, Event.ABANDON, State.CANCELED, (m, input) -> m.canceledBeforeScheduled())
                    .add(State.SCHEDULED, Event.STARTED, State.STARTED, ActivityStateMachine::started)
                    .add(State.SCHEDULED, Event.TIMED_OUT, State.TIMED_OUT, ActivityStateMachine::timedOut)
                    .add(State.SCHEDULED, Event.CANCEL, State.CANCEL_REQUESTED, (m, input) -> m.requestCancel(true))
                    .add(State.SCHEDULED, Event.CANCEL_AND_WAIT, State.CANCEL_AWAITED,
                            (m, input) -> m.requestCancel(false))
                    .add(State.SCHEDULED, Event.ABANDON, State.ABANDONED, (m, input) -> m.abandon())
                    .add(State.STARTED, Event.COMPLETED, State.COMPLETED, ActivityStateMachine::completed)
                    .add(State.STARTED, Event.FAILED, State.FAILED, ActivityStateMachine::failed)
                    .add(State.STARTED, Event.TIMED_OUT, State.TIMED_OUT, ActivityStateMachine::timedOut)
                    .add(State.STARTED, Event.CANCEL, State.CANCEL_REQUESTED, (m, input) -> m.requestCancel(true))
                    .add(State.STARTED, Event.CANCEL_AND_WAIT, State.CANCEL_AWAITED,
                            (m, input) -> m.requestCancel(false))
                    .add(State.STARTED, Event.ABANDON, State.ABANDONED, (m, input) -> m.abandon())
                    .add(State.CANCEL_REQUESTED, Event.CANCELED, State.CANCELED)
                    // the activity closed before the service saw the cancel request: the outcome is ignored
                    .add(State.CANCEL_REQUESTED, Event.STARTED, State.CANCEL_REQUESTED)
                    .add(State.CANCEL_REQUESTED, Event.COMPLETED, State.COMPLETED)
                    .add(State.CANCEL_REQUESTED, Event.FAILED, State.FAILED)
                    .add(State.CANCEL_REQUESTED, Event.TIMED_OUT, State.TIMED_OUT)
                    // waiting: the activity's own end, whichever it is, is what the code gets
                    .add(State.CANCEL_AWAITED, Event.CANCELED, State.CANCELED, (m, input) -> m.canceledAsAwaited())
                    .add(State.CANCEL_AWAITED, Event.STARTED, State.CANCEL_AWAITED, ActivityStateMachine::started)
                    .add(State.CANCEL_AWAITED, Event.COMPLETED, State.COMPLETED, ActivityStateMachine::completed)
                    .add(State.CANCEL_AWAITED, Event.FAILED, State.FAILED, ActivityStateMachine::failed)
                    .add(State.CANCEL_AWAITED, Event.TIMED_OUT, State.TIMED_OUT, ActivityStateMachine::timedOut)
                    // abandoned: the activity runs on, and whatever it does is ignored
                    .add(State.ABANDONED, Event.STARTED, State.ABANDONED)
                    .add(State.ABANDONED, Event.COMPLETED, State.ABANDONED)
                    .add(State.ABANDONED, Event.FAILED, State.ABANDONED)
                    .add(State.ABANDONED, Event.TIMED_OUT, State.ABANDONED);

    private final ActivityTaskScheduledAttributes scheduled;
    private final CommandSink sink;
    private final Consumer<Payload> onResult;
    private final Consumer<ActivityFailure> onFailure;
    private final ActivityCancellationType cancellationType;
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
        this(scheduled, ActivityCancellationType.TRY_CANCEL, sink, onResult, onFailure);
    }

    /**
     * Creates the machine of an activity about to be scheduled, whose scope's cancellation is taken as
     * {@code cancellationType} says.
     */
    public ActivityStateMachine(ActivityTaskScheduledAttributes scheduled, ActivityCancellationType cancellationType,
            CommandSink sink, Consumer<Payload> onResult, Consumer<ActivityFailure> onFailure) {
        super(DEFINITION, State.CREATED);
        this.scheduled = scheduled;
        this.cancellationType = cancellationType;
        this.sink = sink;
        this.onResult = onResult;
        this.onFailure = onFailure;
    }

    /** Schedules the activity: records (or matches) its command. */
    public void schedule() {
        fire(Event.SCHEDULE, null);
    }

    /** Its scope was canceled: takes the cancellation as the activity's cancellation type says. */
    public void cancel() {
        switch (cancellationType) {
            case WAIT_CANCELLATION_COMPLETED:
                fire(Event.CANCEL_AND_WAIT, null);
                break;
            case ABANDON:
                fire(Event.ABANDON, null);
                break;
            default:
                fire(Event.CANCEL, null);
                break;
        }
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

    private void requestCancel(boolean failAtOnce) {
        sink.add(new ActivityTaskCancelRequestedAttributes(scheduled.activityId(), cancellationType));
        if (failAtOnce) {
            onFailure.accept(failure(new CanceledFailure("activity canceled")));
        }
    }

    private void canceledAsAwaited() {
        onFailure.accept(failure(new CanceledFailure("activity canceled; it reported that it stopped")));
    }

    private void abandon() {
        onFailure.accept(failure(new CanceledFailure("activity abandoned: its cancellation scope was canceled and"
                + " its cancellation type is ABANDON, so it was not asked to stop")));
    }

    private void canceledBeforeScheduled() {
        onFailure.accept(new ActivityFailure(scheduled.activityType(), scheduled.activityId(), 0,
                new CanceledFailure("the activity's cancellation scope was already canceled")));
    }

    private ActivityFailure failure(Throwable cause) {
        return new ActivityFailure(scheduled.activityType(), scheduled.activityId(), attempt, cause);
    }
}
