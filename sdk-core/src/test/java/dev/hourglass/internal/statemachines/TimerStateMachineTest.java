package dev.hourglass.internal.statemachines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.history.TimerCanceledAttributes;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.internal.statemachines.TimerStateMachine.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimerStateMachineTest {

    private static final TimerStartedAttributes STARTED = Events.timerStarted("2", Duration.ofDays(3));

    private RecordingCommandSink sink = RecordingCommandSink.live();
    private int firings;
    private final List<CanceledFailure> cancellations = new ArrayList<>();

    private TimerStateMachine created() {
        return new TimerStateMachine(STARTED, sink, () -> firings++, cancellations::add);
    }

    private TimerStateMachine started() {
        TimerStateMachine machine = created();
        machine.start();
        return machine;
    }

    private TimerStateMachine fired() {
        TimerStateMachine machine = started();
        machine.fired();
        return machine;
    }

    private TimerStateMachine canceled() {
        TimerStateMachine machine = started();
        machine.cancel();
        return machine;
    }

    @Test
    void newTimerIsCreatedAndHasProducedNoCommand() {
        TimerStateMachine machine = created();

        assertThat(machine.state()).isEqualTo(State.CREATED);
        assertThat(sink.commands()).isEmpty();
    }

    @Test
    void startingRecordsTheStartCommandAndWaits() {
        TimerStateMachine machine = started();

        assertThat(machine.state()).isEqualTo(State.STARTED);
        assertThat(sink.commands()).containsExactly(STARTED);
        assertThat(firings).isZero();
        assertThat(cancellations).isEmpty();
    }

    @Test
    void startingInReplayMatchesTheRecordedCommand() {
        sink = RecordingCommandSink.replaying(STARTED);

        TimerStateMachine machine = started();

        assertThat(machine.state()).isEqualTo(State.STARTED);
        assertThat(sink.peekRecorded()).isNull();
    }

    @Test
    void cancelingBeforeStartingRecordsNoCommandAndCancelsTheWaitingCodeAtOnce() {
        TimerStateMachine machine = created();

        machine.cancel();

        assertThat(machine.state()).isEqualTo(State.CANCELED);
        assertThat(sink.commands()).isEmpty();
        assertThat(cancellations).hasSize(1);
    }

    @Test
    void firedTimerWakesTheWaitingCode() {
        TimerStateMachine machine = fired();

        assertThat(machine.state()).isEqualTo(State.FIRED);
        assertThat(firings).isEqualTo(1);
        assertThat(cancellations).isEmpty();
    }

    @Test
    void cancelingAStartedTimerRecordsItsCancellationAndCancelsTheWaitingCode() {
        TimerStateMachine machine = canceled();

        assertThat(machine.state()).isEqualTo(State.CANCELED);
        assertThat(sink.commands()).containsExactly(STARTED, new TimerCanceledAttributes("2"));
        assertThat(cancellations).hasSize(1);
        assertThat(firings).isZero();
    }

    @Test
    void firingAfterTheCancelIsIgnored() {
        TimerStateMachine machine = canceled();

        machine.fired();

        assertThat(machine.state()).isEqualTo(State.CANCELED);
        assertThat(firings).isZero();
        assertThat(cancellations).hasSize(1);
    }

    @Test
    void cancelingAFiredTimerRecordsNoCancelCommand() {
        TimerStateMachine machine = fired();

        machine.cancel();

        assertThat(machine.state()).isEqualTo(State.FIRED);
        assertThat(sink.commands()).containsExactly(STARTED);
        assertThat(cancellations).isEmpty();
    }

    @Test
    void firingTwiceIsAnUndeclaredTransition() {
        TimerStateMachine machine = fired();

        assertThatThrownBy(machine::fired)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TimerStateMachine")
                .hasMessageContaining("from FIRED on FIRE");
        assertThat(firings).isEqualTo(1);
    }

    @Test
    void firingBeforeStartingIsAnUndeclaredTransition() {
        TimerStateMachine machine = created();

        assertThatThrownBy(machine::fired)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("from CREATED on FIRE");
        assertThat(machine.state()).isEqualTo(State.CREATED);
    }
}
