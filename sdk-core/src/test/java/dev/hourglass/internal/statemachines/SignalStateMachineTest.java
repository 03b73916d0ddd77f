package dev.hourglass.internal.statemachines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.internal.statemachines.SignalStateMachine.State;
import org.junit.jupiter.api.Test;

class SignalStateMachineTest {

    /** Takes every declared transition at least once; used by the tests below and the coverage report. */
    static void exerciseAllTransitions() {
        handled();
        failed();
        dropped();
    }

    static SignalStateMachine received() {
        return new SignalStateMachine("approve");
    }

    static SignalStateMachine handling() {
        SignalStateMachine machine = received();
        machine.dispatch();
        return machine;
    }

    static SignalStateMachine handled() {
        SignalStateMachine machine = handling();
        machine.returned();
        return machine;
    }

    static SignalStateMachine failed() {
        SignalStateMachine machine = handling();
        machine.threw();
        return machine;
    }

    static SignalStateMachine dropped() {
        SignalStateMachine machine = received();
        machine.noHandler();
        return machine;
    }

    @Test
    void receivedSignalKeepsItsName() {
        SignalStateMachine machine = received();

        assertThat(machine.state()).isEqualTo(State.RECEIVED);
        assertThat(machine.signalName()).isEqualTo("approve");
    }

    @Test
    void dispatchedSignalIsBeingHandled() {
        assertThat(handling().state()).isEqualTo(State.HANDLING);
    }

    @Test
    void handlerThatReturnsHandlesTheSignal() {
        assertThat(handled().state()).isEqualTo(State.HANDLED);
    }

    @Test
    void handlerThatThrowsFailsTheSignal() {
        assertThat(failed().state()).isEqualTo(State.FAILED);
    }

    @Test
    void signalWithoutHandlerIsDropped() {
        assertThat(dropped().state()).isEqualTo(State.DROPPED);
    }

    @Test
    void returningBeforeDispatchIsAnUndeclaredTransition() {
        SignalStateMachine machine = received();

        assertThatThrownBy(machine::returned)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SignalStateMachine")
                .hasMessageContaining("from RECEIVED on RETURN");
    }

    @Test
    void dispatchingADroppedSignalIsAnUndeclaredTransition() {
        SignalStateMachine machine = dropped();

        assertThatThrownBy(machine::dispatch)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SignalStateMachine")
                .hasMessageContaining("from DROPPED on DISPATCH");
    }
}
