package dev.hourglass.internal.statemachines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.failure.TimeoutFailure;
import dev.hourglass.failure.TimeoutType;
import dev.hourglass.internal.statemachines.ActivityStateMachine.State;
import org.junit.jupiter.api.Test;

class ActivityStateMachineTest {

    private static final String ID = "7";
    private static final String TYPE = "withdraw";

    /** Takes every declared transition at least once; used by the tests below and the coverage report. */
    static void exerciseAllTransitions() {
        started();
        completed();
        failed();
        timedOutAfterStart();
        timedOutBeforeStart();
        cancelRequestedBeforeStart();
        cancelRequestedAfterStart();
        canceled();
        completedAfterCancelRequest();
        failedAfterCancelRequest();
        timedOutAfterCancelRequest();
    }

    static ActivityStateMachine scheduled() {
        return new ActivityStateMachine(ID, TYPE);
    }

    static ActivityStateMachine started() {
        ActivityStateMachine machine = scheduled();
        machine.onStarted(Events.activityStarted(ID, 3));
        return machine;
    }

    static ActivityStateMachine completed() {
        ActivityStateMachine machine = started();
        machine.onCompleted(Events.activityCompleted(ID, Events.text("wd-7731")));
        return machine;
    }

    static ActivityStateMachine failed() {
        ActivityStateMachine machine = started();
        machine.onFailed(Events.activityFailed(ID, Events.applicationFailure("card declined", "Declined"), 3));
        return machine;
    }

    static ActivityStateMachine timedOutAfterStart() {
        ActivityStateMachine machine = started();
        machine.onTimedOut(Events.activityTimedOut(ID, "START_TO_CLOSE"));
        return machine;
    }

    static ActivityStateMachine timedOutBeforeStart() {
        ActivityStateMachine machine = scheduled();
        machine.onTimedOut(Events.activityTimedOut(ID, "SCHEDULE_TO_CLOSE"));
        return machine;
    }

    static ActivityStateMachine cancelRequestedBeforeStart() {
        ActivityStateMachine machine = scheduled();
        assertThat(machine.cancel()).isTrue();
        return machine;
    }

    static ActivityStateMachine cancelRequestedAfterStart() {
        ActivityStateMachine machine = started();
        assertThat(machine.cancel()).isTrue();
        return machine;
    }

    static ActivityStateMachine canceled() {
        ActivityStateMachine machine = cancelRequestedBeforeStart();
        machine.onCanceled(Events.activityCanceled(ID));
        return machine;
    }

    /** The service records the outcome of an attempt that closed while the cancel request was on its way. */
    static ActivityStateMachine completedAfterCancelRequest() {
        ActivityStateMachine machine = cancelRequestedBeforeStart();
        machine.onStarted(Events.activityStarted(ID, 1));
        machine.onCompleted(Events.activityCompleted(ID, Events.text("too late")));
        return machine;
    }

    static ActivityStateMachine failedAfterCancelRequest() {
        ActivityStateMachine machine = cancelRequestedBeforeStart();
        machine.onStarted(Events.activityStarted(ID, 2));
        machine.onFailed(Events.activityFailed(ID, Events.applicationFailure("too late", "Late"), 2));
        return machine;
    }

    static ActivityStateMachine timedOutAfterCancelRequest() {
        ActivityStateMachine machine = cancelRequestedBeforeStart();
        machine.onTimedOut(Events.activityTimedOut(ID, "SCHEDULE_TO_CLOSE"));
        return machine;
    }

    @Test
    void startedActivityKeepsWaitingForItsOutcome() {
        ActivityStateMachine machine = started();

        assertThat(machine.state()).isEqualTo(State.STARTED);
        assertThat(machine.result().isCompleted()).isFalse();
    }

    @Test
    void completedActivityDeliversItsResult() {
        ActivityStateMachine machine = completed();

        assertThat(machine.state()).isEqualTo(State.COMPLETED);
        assertThat(machine.result().isCompleted()).isTrue();
        assertThat(machine.result().getFailure()).isNull();
        assertThat(machine.result().get().asText()).isEqualTo("wd-7731");
    }

    @Test
    void failedActivityFailsTheResultWithActivityFailureCarryingTheCause() {
        ActivityStateMachine machine = failed();

        assertThat(machine.state()).isEqualTo(State.FAILED);
        assertThat(machine.result().getFailure()).isInstanceOfSatisfying(ActivityFailure.class, failure -> {
            assertThat(failure.getActivityType()).isEqualTo(TYPE);
            assertThat(failure.getActivityId()).isEqualTo(ID);
            assertThat(failure.getAttempt()).isEqualTo(3);
            assertThat(failure.getCause()).isInstanceOfSatisfying(ApplicationFailure.class, cause -> {
                assertThat(cause.getType()).isEqualTo("Declined");
                assertThat(cause.getOriginalMessage()).isEqualTo("card declined");
            });
        });
    }

    @Test
    void activityTimingOutAfterItStartedFailsWithATimeoutCause() {
        ActivityStateMachine machine = timedOutAfterStart();

        assertThat(machine.state()).isEqualTo(State.TIMED_OUT);
        assertThat(machine.result().getFailure()).isInstanceOf(ActivityFailure.class)
                .cause().isInstanceOfSatisfying(TimeoutFailure.class,
                        cause -> assertThat(cause.getTimeoutType()).isEqualTo(TimeoutType.START_TO_CLOSE));
    }

    @Test
    void activityTimingOutBeforeItStartedFailsWithATimeoutCause() {
        ActivityStateMachine machine = timedOutBeforeStart();

        assertThat(machine.state()).isEqualTo(State.TIMED_OUT);
        assertThat(machine.result().getFailure()).isInstanceOf(ActivityFailure.class)
                .cause().isInstanceOfSatisfying(TimeoutFailure.class,
                        cause -> assertThat(cause.getTimeoutType()).isEqualTo(TimeoutType.SCHEDULE_TO_CLOSE));
    }

    @Test
    void cancellationBeforeStartFailsTheResultAtOnceWithACanceledCause() {
        ActivityStateMachine machine = cancelRequestedBeforeStart();

        assertThat(machine.state()).isEqualTo(State.CANCEL_REQUESTED);
        assertThat(machine.result().getFailure()).isInstanceOf(ActivityFailure.class)
                .hasCauseInstanceOf(CanceledFailure.class);
    }

    @Test
    void cancellationAfterStartFailsTheResultAtOnceWithACanceledCause() {
        ActivityStateMachine machine = cancelRequestedAfterStart();

        assertThat(machine.state()).isEqualTo(State.CANCEL_REQUESTED);
        assertThat(machine.result().getFailure()).isInstanceOf(ActivityFailure.class)
                .hasCauseInstanceOf(CanceledFailure.class);
    }

    @Test
    void confirmedCancellationEndsCanceled() {
        ActivityStateMachine machine = canceled();

        assertThat(machine.state()).isEqualTo(State.CANCELED);
        assertThat(machine.result().getFailure()).hasCauseInstanceOf(CanceledFailure.class);
    }

    @Test
    void resultArrivingAfterTheCancelRequestIsIgnored() {
        ActivityStateMachine machine = completedAfterCancelRequest();

        assertThat(machine.state()).isEqualTo(State.COMPLETED);
        assertThat(machine.result().getFailure()).hasCauseInstanceOf(CanceledFailure.class);
    }

    @Test
    void failureArrivingAfterTheCancelRequestIsIgnored() {
        ActivityStateMachine machine = failedAfterCancelRequest();

        assertThat(machine.state()).isEqualTo(State.FAILED);
        assertThat(machine.result().getFailure()).hasCauseInstanceOf(CanceledFailure.class);
    }

    @Test
    void timeoutArrivingAfterTheCancelRequestIsIgnored() {
        ActivityStateMachine machine = timedOutAfterCancelRequest();

        assertThat(machine.state()).isEqualTo(State.TIMED_OUT);
        assertThat(machine.result().getFailure()).hasCauseInstanceOf(CanceledFailure.class);
    }

    @Test
    void cancelingAClosedActivityRecordsNoCancelCommand() {
        ActivityStateMachine machine = completed();

        assertThat(machine.cancel()).isFalse();
        assertThat(machine.state()).isEqualTo(State.COMPLETED);
        assertThat(machine.result().getFailure()).isNull();
    }

    @Test
    void outcomeBeforeStartIsAnUndeclaredTransition() {
        ActivityStateMachine machine = scheduled();

        assertThatThrownBy(() -> machine.onCompleted(Events.activityCompleted(ID, Events.text("x"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ActivityStateMachine")
                .hasMessageContaining("from SCHEDULED on COMPLETED");
        assertThat(machine.state()).isEqualTo(State.SCHEDULED);
    }

    @Test
    void secondOutcomeIsAnUndeclaredTransition() {
        ActivityStateMachine machine = completed();

        assertThatThrownBy(() -> machine.onFailed(Events.activityFailed(ID, Events.applicationFailure("x", "X"), 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ActivityStateMachine")
                .hasMessageContaining("from COMPLETED on FAILED");
    }
}
