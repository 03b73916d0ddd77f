package dev.hourglass.internal.statemachines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.internal.statemachines.SignalStateMachine.State;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalStateMachineTest {

    /** What happened to the signal, in order. */
    private final List<String> log = new ArrayList<>();

    private SignalStateMachine received() {
        return new SignalStateMachine("approve", () -> log.add("handler started"), () -> log.add("dropped"),
                cause -> log.add("skipped: " + cause.getMessage()));
    }

    private SignalStateMachine handling() {
        SignalStateMachine machine = received();
        machine.dispatch();
        return machine;
    }

    @Test
    void receivedSignalKeepsItsNameAndWaitsForItsHandler() {
        SignalStateMachine machine = received();

        assertThat(machine.state()).isEqualTo(State.RECEIVED);
        assertThat(machine.signalName()).isEqualTo("approve");
        assertThat(machine.isHandling()).isFalse();
        assertThat(log).isEmpty();
    }

    @Test
    void dispatchedSignalStartsItsHandlerAndIsBeingHandled() {
        SignalStateMachine machine = handling();

        assertThat(machine.state()).isEqualTo(State.HANDLING);
        assertThat(machine.isHandling()).isTrue();
        assertThat(log).containsExactly("handler started");
    }

    @Test
    void signalWithoutHandlerIsDroppedAndSaysSo() {
        SignalStateMachine machine = received();

        machine.drop();

        assertThat(machine.state()).isEqualTo(State.DROPPED);
        assertThat(machine.isHandling()).isFalse();
        assertThat(log).containsExactly("dropped");
    }

    @Test
    void signalWhoseInputCannotBeDecodedIsSkippedAndSaysWhy() {
        SignalStateMachine machine = received();

        machine.skip(new IllegalArgumentException("not an int"));

        assertThat(machine.state()).isEqualTo(State.SKIPPED);
        assertThat(machine.isHandling()).isFalse();
        assertThat(log).containsExactly("skipped: not an int");
    }

    @Test
    void handlerThatReturnsHandlesTheSignal() {
        SignalStateMachine machine = handling();

        machine.returned();

        assertThat(machine.state()).isEqualTo(State.HANDLED);
        assertThat(machine.isHandling()).isFalse();
    }

    @Test
    void handlerThatThrowsFailsTheSignal() {
        SignalStateMachine machine = handling();

        machine.threw();

        assertThat(machine.state()).isEqualTo(State.FAILED);
        assertThat(machine.isHandling()).isFalse();
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
        SignalStateMachine machine = received();
        machine.drop();

        assertThatThrownBy(machine::dispatch)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SignalStateMachine")
                .hasMessageContaining("from DROPPED on DISPATCH");
        assertThat(log).containsExactly("dropped");
    }
}
