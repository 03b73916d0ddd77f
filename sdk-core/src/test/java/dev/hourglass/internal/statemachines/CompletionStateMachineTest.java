package dev.hourglass.internal.statemachines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.internal.statemachines.CompletionStateMachine.Event;
import dev.hourglass.internal.statemachines.CompletionStateMachine.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompletionStateMachineTest {

    /** Takes every declared transition at least once; used by the tests below and the coverage report. */
    static void exerciseAllTransitions() {
        for (Event closing : new Event[] {Event.COMPLETE, Event.FAIL, Event.CONTINUE_AS_NEW}) {
            closedFromRunning(closing);
        }
        for (Event closing : new Event[] {Event.COMPLETE, Event.FAIL, Event.CANCEL, Event.CONTINUE_AS_NEW}) {
            closedAfterCancelRequest(closing);
        }
    }

    static CompletionStateMachine cancelRequested() {
        CompletionStateMachine machine = new CompletionStateMachine();
        machine.handle(Event.REQUEST_CANCEL);
        return machine;
    }

    static CompletionStateMachine closedFromRunning(Event closing) {
        CompletionStateMachine machine = new CompletionStateMachine();
        machine.handle(closing);
        return machine;
    }

    static CompletionStateMachine closedAfterCancelRequest(Event closing) {
        CompletionStateMachine machine = cancelRequested();
        machine.handle(closing);
        return machine;
    }

    @Test
    void newRunIsRunning() {
        CompletionStateMachine machine = new CompletionStateMachine();

        assertThat(machine.state()).isEqualTo(State.RUNNING);
        assertThat(machine.isCancelRequested()).isFalse();
        assertThat(machine.isClosed()).isFalse();
    }

    @Test
    void cancelRequestLeavesTheRunOpen() {
        CompletionStateMachine machine = cancelRequested();

        assertThat(machine.state()).isEqualTo(State.CANCEL_REQUESTED);
        assertThat(machine.isCancelRequested()).isTrue();
        assertThat(machine.isClosed()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"COMPLETE, COMPLETED", "FAIL, FAILED", "CONTINUE_AS_NEW, CONTINUED_AS_NEW"})
    void runningRunClosesWithItsClosingCommand(Event closing, State expected) {
        CompletionStateMachine machine = closedFromRunning(closing);

        assertThat(machine.state()).isEqualTo(expected);
        assertThat(machine.isClosed()).isTrue();
        assertThat(machine.isCancelRequested()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"COMPLETE, COMPLETED", "FAIL, FAILED", "CANCEL, CANCELED", "CONTINUE_AS_NEW, CONTINUED_AS_NEW"})
    void runAskedToCancelMayStillCloseAnyWay(Event closing, State expected) {
        CompletionStateMachine machine = closedAfterCancelRequest(closing);

        assertThat(machine.state()).isEqualTo(expected);
        assertThat(machine.isClosed()).isTrue();
    }

    @Test
    void cancelingWithoutARequestIsAnUndeclaredTransition() {
        CompletionStateMachine machine = new CompletionStateMachine();

        assertThatThrownBy(() -> machine.handle(Event.CANCEL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CompletionStateMachine")
                .hasMessageContaining("from RUNNING on CANCEL");
        assertThat(machine.state()).isEqualTo(State.RUNNING);
    }

    @Test
    void closingAClosedRunIsAnUndeclaredTransition() {
        CompletionStateMachine machine = closedFromRunning(Event.COMPLETE);

        assertThatThrownBy(() -> machine.handle(Event.FAIL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CompletionStateMachine")
                .hasMessageContaining("from COMPLETED on FAIL");
    }
}
