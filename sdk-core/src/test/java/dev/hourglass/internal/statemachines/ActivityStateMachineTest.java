package dev.hourglass.internal.statemachines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.activity.ActivityCancellationType;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.failure.TimeoutFailure;
import dev.hourglass.failure.TimeoutType;
import dev.hourglass.history.ActivityTaskCancelRequestedAttributes;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.statemachines.ActivityStateMachine.Event;
import dev.hourglass.internal.statemachines.ActivityStateMachine.State;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityStateMachineTest {

    private static final String ID = "7";
    private static final String TYPE = "withdraw";
    private static final ActivityTaskScheduledAttributes SCHEDULED = Events.activityScheduled(ID, TYPE);

    private RecordingCommandSink sink = RecordingCommandSink.live();
    private final List<Payload> results = new ArrayList<>();
    private final List<ActivityFailure> failures = new ArrayList<>();

    private ActivityStateMachine created() {
        return new ActivityStateMachine(SCHEDULED, sink, results::add, failures::add);
    }

    private ActivityStateMachine scheduled() {
        ActivityStateMachine machine = created();
        machine.schedule();
        return machine;
    }

    private ActivityStateMachine started(int attempt) {
        ActivityStateMachine machine = scheduled();
        machine.handle(Events.activityStarted(ID, attempt));
        return machine;
    }

    private ActivityStateMachine cancelRequested() {
        ActivityStateMachine machine = scheduled();
        machine.cancel();
        return machine;
    }

    // --- CREATED ---------------------------------------------------------------------------------------

    @Test
    void newActivityIsCreatedAndHasProducedNoCommand() {
        ActivityStateMachine machine = created();

        assertThat(machine.state()).isEqualTo(State.CREATED);
        assertThat(sink.commands()).isEmpty();
    }

    @Test
    void schedulingRecordsTheScheduleCommandAndWaits() {
        ActivityStateMachine machine = scheduled();

        assertThat(machine.state()).isEqualTo(State.SCHEDULED);
        assertThat(sink.commands()).containsExactly(SCHEDULED);
        assertThat(results).isEmpty();
        assertThat(failures).isEmpty();
    }

    @Test
    void schedulingInReplayMatchesTheRecordedCommand() {
        sink = RecordingCommandSink.replaying(SCHEDULED);

        ActivityStateMachine machine = scheduled();

        assertThat(machine.state()).isEqualTo(State.SCHEDULED);
        assertThat(sink.commands()).containsExactly(SCHEDULED);
        assertThat(sink.peekRecorded()).isNull();
    }

    @Test
    void cancelingBeforeSchedulingRecordsNoCommandAndFailsAtOnceWithACanceledCause() {
        ActivityStateMachine machine = created();

        machine.cancel();

        assertThat(machine.state()).isEqualTo(State.CANCELED);
        assertThat(sink.commands()).isEmpty();
        assertThat(failures).singleElement().satisfies(failure -> {
            assertThat(failure.getActivityType()).isEqualTo(TYPE);
            assertThat(failure.getActivityId()).isEqualTo(ID);
            assertThat(failure.getAttempt()).isZero();
            assertThat(failure.getCause()).isInstanceOf(CanceledFailure.class);
        });
    }

    // --- SCHEDULED -------------------------------------------------------------------------------------

    @Test
    void startedActivityKeepsWaitingForItsOutcome() {
        ActivityStateMachine machine = started(3);

        assertThat(machine.state()).isEqualTo(State.STARTED);
        assertThat(results).isEmpty();
        assertThat(failures).isEmpty();
    }

    @Test
    void activityTimingOutBeforeItStartedFailsWithATimeoutCause() {
        ActivityStateMachine machine = scheduled();

        machine.handle(Events.activityTimedOut(ID, "SCHEDULE_TO_CLOSE"));

        assertThat(machine.state()).isEqualTo(State.TIMED_OUT);
        assertThat(failures).singleElement().extracting(ActivityFailure::getCause)
                .isInstanceOfSatisfying(TimeoutFailure.class,
                        cause -> assertThat(cause.getTimeoutType()).isEqualTo(TimeoutType.SCHEDULE_TO_CLOSE));
    }

    @Test
    void cancelingAScheduledActivityRecordsTheCancelRequestAndFailsAtOnceWithACanceledCause() {
        ActivityStateMachine machine = cancelRequested();

        assertThat(machine.state()).isEqualTo(State.CANCEL_REQUESTED);
        assertThat(sink.commands()).containsExactly(SCHEDULED, new ActivityTaskCancelRequestedAttributes(ID));
        assertThat(failures).singleElement().satisfies(failure -> {
            assertThat(failure.getActivityId()).isEqualTo(ID);
            assertThat(failure.getCause()).isInstanceOf(CanceledFailure.class);
        });
    }

    // --- STARTED ---------------------------------------------------------------------------------------

    @Test
    void completedActivityDeliversItsResult() {
        ActivityStateMachine machine = started(1);

        machine.handle(Events.activityCompleted(ID, "wd-7731"));

        assertThat(machine.state()).isEqualTo(State.COMPLETED);
        assertThat(results).containsExactly(Payload.of("wd-7731"));
        assertThat(failures).isEmpty();
    }

    @Test
    void failedActivityFailsWithActivityFailureCarryingTheAttemptAndTheCause() {
        ActivityStateMachine machine = started(1);

        machine.handle(Events.activityFailed(ID, Events.applicationFailure("card declined", "Declined"), 3));

        assertThat(machine.state()).isEqualTo(State.FAILED);
        assertThat(results).isEmpty();
        assertThat(failures).singleElement().satisfies(failure -> {
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
    void failureThatRecordsNoAttemptNamesTheAttemptThatStarted() {
        ActivityStateMachine machine = started(2);

        machine.handle(Events.activityFailed(ID, Events.applicationFailure("card declined", "Declined"), null));

        assertThat(failures).singleElement().extracting(ActivityFailure::getAttempt).isEqualTo(2);
    }

    @Test
    void activityTimingOutAfterItStartedFailsWithATimeoutCauseNamingTheAttempt() {
        ActivityStateMachine machine = started(2);

        machine.handle(Events.activityTimedOut(ID, "START_TO_CLOSE"));

        assertThat(machine.state()).isEqualTo(State.TIMED_OUT);
        assertThat(failures).singleElement().satisfies(failure -> {
            assertThat(failure.getAttempt()).isEqualTo(2);
            assertThat(failure.getCause()).isInstanceOfSatisfying(TimeoutFailure.class,
                    cause -> assertThat(cause.getTimeoutType()).isEqualTo(TimeoutType.START_TO_CLOSE));
        });
    }

    @Test
    void cancelingAStartedActivityRecordsTheCancelRequestAndFailsAtOnceWithACanceledCause() {
        ActivityStateMachine machine = started(1);

        machine.cancel();

        assertThat(machine.state()).isEqualTo(State.CANCEL_REQUESTED);
        assertThat(sink.commands()).containsExactly(SCHEDULED, new ActivityTaskCancelRequestedAttributes(ID));
        assertThat(failures).singleElement().extracting(ActivityFailure::getCause)
                .isInstanceOf(CanceledFailure.class);
    }

    // --- CANCEL_REQUESTED ------------------------------------------------------------------------------

    @Test
    void confirmedCancellationEndsCanceledWithoutFailingTheCodeAgain() {
        ActivityStateMachine machine = cancelRequested();

        machine.canceled();

        assertThat(machine.state()).isEqualTo(State.CANCELED);
        assertThat(failures).hasSize(1);
    }

    @Test
    void attemptStartingAfterTheCancelRequestIsIgnored() {
        ActivityStateMachine machine = cancelRequested();

        machine.handle(Events.activityStarted(ID, 1));

        assertThat(machine.state()).isEqualTo(State.CANCEL_REQUESTED);
        assertThat(failures).hasSize(1);
    }

    @Test
    void resultArrivingAfterTheCancelRequestIsIgnored() {
        ActivityStateMachine machine = cancelRequested();

        machine.handle(Events.activityCompleted(ID, "too late"));

        assertThat(machine.state()).isEqualTo(State.COMPLETED);
        assertThat(results).isEmpty();
        assertThat(failures).singleElement().extracting(ActivityFailure::getCause).isInstanceOf(CanceledFailure.class);
    }

    @Test
    void failureArrivingAfterTheCancelRequestIsIgnored() {
        ActivityStateMachine machine = cancelRequested();

        machine.handle(Events.activityFailed(ID, Events.applicationFailure("too late", "Late"), 2));

        assertThat(machine.state()).isEqualTo(State.FAILED);
        assertThat(failures).singleElement().extracting(ActivityFailure::getCause).isInstanceOf(CanceledFailure.class);
    }

    @Test
    void timeoutArrivingAfterTheCancelRequestIsIgnored() {
        ActivityStateMachine machine = cancelRequested();

        machine.handle(Events.activityTimedOut(ID, "SCHEDULE_TO_CLOSE"));

        assertThat(machine.state()).isEqualTo(State.TIMED_OUT);
        assertThat(failures).singleElement().extracting(ActivityFailure::getCause).isInstanceOf(CanceledFailure.class);
    }

    // --- undeclared transitions ------------------------------------------------------------------------

    @Test
    void aClosedActivityDoesNotAcceptACancel() {
        ActivityStateMachine machine = started(1);
        machine.handle(Events.activityCompleted(ID, "wd-7731"));

        assertThat(machine.accepts(Event.CANCEL)).isFalse();
    }

    @Test
    void outcomeBeforeStartIsAnUndeclaredTransition() {
        ActivityStateMachine machine = scheduled();

        assertThatThrownBy(() -> machine.handle(Events.activityCompleted(ID, "x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ActivityStateMachine")
                .hasMessageContaining("from SCHEDULED on COMPLETED");
        assertThat(machine.state()).isEqualTo(State.SCHEDULED);
        assertThat(results).isEmpty();
    }

    @Test
    void secondOutcomeIsAnUndeclaredTransition() {
        ActivityStateMachine machine = started(1);
        machine.handle(Events.activityCompleted(ID, "wd-7731"));

        assertThatThrownBy(() -> machine.handle(Events.activityFailed(ID, Events.applicationFailure("x", "X"), 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ActivityStateMachine")
                .hasMessageContaining("from COMPLETED on FAILED");
        assertThat(failures).isEmpty();
    }
    // --- cancellation types --------------------------------------------------------------------------

    private ActivityStateMachine created(ActivityCancellationType type) {
        return new ActivityStateMachine(SCHEDULED, type, sink, results::add, failures::add);
    }

    private ActivityStateMachine scheduled(ActivityCancellationType type) {
        ActivityStateMachine machine = created(type);
        machine.schedule();
        return machine;
    }

    @Test
    void waitingCancelOfAScheduledActivityRequestsItAndFailsNothingYet() {
        ActivityStateMachine machine = scheduled(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED);

        machine.cancel();

        assertThat(machine.state()).isEqualTo(State.CANCEL_AWAITED);
        assertThat(sink.commands()).containsExactly(SCHEDULED,
                new ActivityTaskCancelRequestedAttributes(ID, ActivityCancellationType.WAIT_CANCELLATION_COMPLETED));
        assertThat(failures).isEmpty();
    }

    @Test
    void waitingCancelOfAStartedActivityFailsTheCodeOnceItIsCanceled() {
        ActivityStateMachine machine = scheduled(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED);
        machine.handle(Events.activityStarted(ID, 2));
        machine.cancel();
        machine.handle(Events.activityStarted(ID, 2));

        machine.canceled();

        assertThat(machine.state()).isEqualTo(State.CANCELED);
        assertThat(failures).singleElement().satisfies(failure -> {
            assertThat(failure.getAttempt()).isEqualTo(2);
            assertThat(failure.getCause()).isInstanceOf(CanceledFailure.class);
        });
    }

    @Test
    void waitingCancelHandsOverTheResultOfAnActivityThatCompletedAnyway() {
        ActivityStateMachine machine = scheduled(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED);
        machine.cancel();

        machine.handle(Events.activityCompleted(ID, "done"));

        assertThat(machine.state()).isEqualTo(State.COMPLETED);
        assertThat(results).containsExactly(Payload.of("done"));
    }

    @Test
    void waitingCancelHandsOverTheFailureOfAnActivityThatFailedAnyway() {
        ActivityStateMachine machine = scheduled(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED);
        machine.cancel();

        machine.handle(Events.activityFailed(ID, Events.applicationFailure("offline", "Offline"), 1));

        assertThat(machine.state()).isEqualTo(State.FAILED);
        assertThat(failures).singleElement().extracting(Throwable::getCause)
                .isInstanceOf(ApplicationFailure.class);
    }

    @Test
    void waitingCancelHandsOverTheTimeoutOfAnActivityThatTimedOutAnyway() {
        ActivityStateMachine machine = scheduled(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED);
        machine.cancel();

        machine.handle(Events.activityTimedOut(ID, "HEARTBEAT"));

        assertThat(machine.state()).isEqualTo(State.TIMED_OUT);
        assertThat(failures).singleElement().extracting(Throwable::getCause).isInstanceOf(TimeoutFailure.class);
    }

    @Test
    void waitingCancelOfAStartedActivityRequestsIt() {
        ActivityStateMachine machine = scheduled(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED);
        machine.handle(Events.activityStarted(ID, 1));

        machine.cancel();

        assertThat(machine.state()).isEqualTo(State.CANCEL_AWAITED);
        assertThat(sink.commands()).hasSize(2);
    }

    @Test
    void abandoningAScheduledActivityFailsTheCodeAtOnceWithoutACommand() {
        ActivityStateMachine machine = scheduled(ActivityCancellationType.ABANDON);

        machine.cancel();

        assertThat(machine.state()).isEqualTo(State.ABANDONED);
        assertThat(sink.commands()).containsExactly(SCHEDULED);
        assertThat(failures).singleElement().extracting(Throwable::getCause).isInstanceOf(CanceledFailure.class);
    }

    @Test
    void anAbandonedActivityIgnoresWhatItDoesAfterwards() {
        ActivityStateMachine machine = scheduled(ActivityCancellationType.ABANDON);
        machine.handle(Events.activityStarted(ID, 1));
        machine.cancel();

        machine.handle(Events.activityStarted(ID, 1));
        machine.handle(Events.activityCompleted(ID, "done"));

        assertThat(machine.state()).isEqualTo(State.ABANDONED);
        assertThat(results).isEmpty();
        assertThat(failures).hasSize(1);
    }

    @Test
    void anAbandonedActivityIgnoresItsFailureAndTimeout() {
        ActivityStateMachine failing = scheduled(ActivityCancellationType.ABANDON);
        failing.cancel();
        failing.handle(Events.activityFailed(ID, Events.applicationFailure("offline", "Offline"), 1));
        ActivityStateMachine timingOut = scheduled(ActivityCancellationType.ABANDON);
        timingOut.cancel();
        timingOut.handle(Events.activityTimedOut(ID, "START_TO_CLOSE"));

        assertThat(failing.state()).isEqualTo(State.ABANDONED);
        assertThat(timingOut.state()).isEqualTo(State.ABANDONED);
        assertThat(failures).hasSize(2);
    }

    @Test
    void anyTypeOfCancelBeforeSchedulingFailsTheCodeWithoutACommand() {
        ActivityStateMachine waiting = created(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED);
        ActivityStateMachine abandoning = created(ActivityCancellationType.ABANDON);

        waiting.cancel();
        abandoning.cancel();

        assertThat(waiting.state()).isEqualTo(State.CANCELED);
        assertThat(abandoning.state()).isEqualTo(State.CANCELED);
        assertThat(sink.commands()).isEmpty();
        assertThat(failures).hasSize(2);
    }
}
