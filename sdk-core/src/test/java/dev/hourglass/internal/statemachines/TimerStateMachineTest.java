package dev.hourglass.internal.statemachines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.internal.statemachines.TimerStateMachine.State;
import org.junit.jupiter.api.Test;

class TimerStateMachineTest {

    /** Takes every declared transition at least once; used by the tests below and the coverage report. */
    static void exerciseAllTransitions() {
        fired();
        canceled();
        firedAfterCancel();
    }

    static TimerStateMachine fired() {
        TimerStateMachine machine = new TimerStateMachine();
        machine.onFired();
        return machine;
    }

    static TimerStateMachine canceled() {
        TimerStateMachine machine = new TimerStateMachine();
        assertThat(machine.cancel()).isTrue();
        return machine;
    }

    /** The timer fired while the task that canceled it ran, so its firing comes after the cancel. */
    static TimerStateMachine firedAfterCancel() {
        TimerStateMachine machine = canceled();
        machine.onFired();
        return machine;
    }

    @Test
    void startedTimerIsPending() {
        TimerStateMachine machine = new TimerStateMachine();

        assertThat(machine.state()).isEqualTo(State.STARTED);
        assertThat(machine.fired().isCompleted()).isFalse();
    }

    @Test
    void firedTimerCompletesItsPromise() {
        TimerStateMachine machine = fired();

        assertThat(machine.state()).isEqualTo(State.FIRED);
        assertThat(machine.fired().isCompleted()).isTrue();
        assertThat(machine.fired().getFailure()).isNull();
    }

    @Test
    void canceledTimerFailsItsPromiseWithCanceledFailure() {
        TimerStateMachine machine = canceled();

        assertThat(machine.state()).isEqualTo(State.CANCELED);
        assertThat(machine.fired().getFailure()).isInstanceOf(CanceledFailure.class);
    }

    @Test
    void firingAfterTheCancelIsIgnored() {
        TimerStateMachine machine = firedAfterCancel();

        assertThat(machine.state()).isEqualTo(State.CANCELED);
        assertThat(machine.fired().getFailure()).isInstanceOf(CanceledFailure.class);
    }

    @Test
    void cancelingAFiredTimerRecordsNoCancelCommand() {
        TimerStateMachine machine = fired();

        assertThat(machine.cancel()).isFalse();
        assertThat(machine.state()).isEqualTo(State.FIRED);
        assertThat(machine.fired().getFailure()).isNull();
    }

    @Test
    void firingTwiceIsAnUndeclaredTransition() {
        TimerStateMachine machine = fired();

        assertThatThrownBy(machine::onFired)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TimerStateMachine")
                .hasMessageContaining("from FIRED on FIRE");
    }
}
