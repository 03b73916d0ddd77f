package dev.hourglass.internal.statemachines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionCanceledAttributes;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.history.WorkflowExecutionContinuedAsNewAttributes;
import dev.hourglass.history.WorkflowExecutionFailedAttributes;
import dev.hourglass.internal.statemachines.CompletionStateMachine.Event;
import dev.hourglass.internal.statemachines.CompletionStateMachine.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompletionStateMachineTest {

    private final RecordingCommandSink sink = RecordingCommandSink.live();
    private int cancelRequests;

    private CompletionStateMachine running() {
        return new CompletionStateMachine(sink, () -> cancelRequests++);
    }

    private CompletionStateMachine cancelRequested() {
        CompletionStateMachine machine = running();
        machine.requestCancel();
        return machine;
    }

    /** The closing command of each way to close. */
    private static EventAttributes command(Event closing) {
        switch (closing) {
            case COMPLETE:
                return new WorkflowExecutionCompletedAttributes(Payload.of("done"));
            case FAIL:
                return new WorkflowExecutionFailedAttributes(Payload.fromJson(
                        "{\"message\":\"boom\",\"type\":\"Boom\",\"kind\":\"application\"}"));
            case CANCEL:
                return new WorkflowExecutionCanceledAttributes();
            case CONTINUE_AS_NEW:
                return new WorkflowExecutionContinuedAsNewAttributes(null, Payload.ofArguments(2), null, null);
            default:
                throw new AssertionError(closing);
        }
    }

    @Test
    void newRunIsRunning() {
        CompletionStateMachine machine = running();

        assertThat(machine.state()).isEqualTo(State.RUNNING);
        assertThat(machine.isCancelRequested()).isFalse();
        assertThat(machine.isClosed()).isFalse();
    }

    @Test
    void cancelRequestCancelsTheRunsScopeAndLeavesTheRunOpen() {
        CompletionStateMachine machine = cancelRequested();

        assertThat(machine.state()).isEqualTo(State.CANCEL_REQUESTED);
        assertThat(machine.isCancelRequested()).isTrue();
        assertThat(machine.isClosed()).isFalse();
        assertThat(cancelRequests).isEqualTo(1);
        assertThat(sink.commands()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"COMPLETE, COMPLETED", "FAIL, FAILED", "CONTINUE_AS_NEW, CONTINUED_AS_NEW"})
    void runningRunClosesByRecordingItsClosingCommand(Event closing, State expected) {
        CompletionStateMachine machine = running();

        machine.close(closing, command(closing));

        assertThat(machine.state()).isEqualTo(expected);
        assertThat(machine.isClosed()).isTrue();
        assertThat(machine.isCancelRequested()).isFalse();
        assertThat(sink.commands()).containsExactly(command(closing));
        assertThat(cancelRequests).isZero();
    }

    @ParameterizedTest
    @CsvSource({"COMPLETE, COMPLETED", "FAIL, FAILED", "CANCEL, CANCELED", "CONTINUE_AS_NEW, CONTINUED_AS_NEW"})
    void runAskedToCancelMayStillCloseAnyWay(Event closing, State expected) {
        CompletionStateMachine machine = cancelRequested();

        machine.close(closing, command(closing));

        assertThat(machine.state()).isEqualTo(expected);
        assertThat(machine.isClosed()).isTrue();
        assertThat(sink.commands()).containsExactly(command(closing));
    }

    @Test
    void closingInReplayMatchesTheRecordedClosingCommand() {
        RecordingCommandSink replaying = RecordingCommandSink.replaying(command(Event.COMPLETE));
        CompletionStateMachine machine = new CompletionStateMachine(replaying, () -> { });

        machine.close(Event.COMPLETE, command(Event.COMPLETE));

        assertThat(machine.state()).isEqualTo(State.COMPLETED);
        assertThat(replaying.peekRecorded()).isNull();
    }

    @Test
    void cancelingWithoutARequestIsAnUndeclaredTransition() {
        CompletionStateMachine machine = running();

        assertThatThrownBy(() -> machine.close(Event.CANCEL, command(Event.CANCEL)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CompletionStateMachine")
                .hasMessageContaining("from RUNNING on CANCEL");
        assertThat(machine.state()).isEqualTo(State.RUNNING);
        assertThat(sink.commands()).isEmpty();
    }

    @Test
    void closingAClosedRunIsAnUndeclaredTransition() {
        CompletionStateMachine machine = running();
        machine.close(Event.COMPLETE, command(Event.COMPLETE));

        assertThatThrownBy(() -> machine.close(Event.FAIL, command(Event.FAIL)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CompletionStateMachine")
                .hasMessageContaining("from COMPLETED on FAIL");
        assertThat(sink.commands()).containsExactly(command(Event.COMPLETE));
    }
}
