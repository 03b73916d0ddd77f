package dev.hourglass.internal.statemachines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.history.MarkerRecordedAttributes;
import dev.hourglass.history.Payload;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.internal.statemachines.MarkerStateMachine.State;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class MarkerStateMachineTest {

    private static final Payload TICKET = Payload.of("concert-1-x7");
    private static final Payload VERSION_2 = Payload.fromJson("{\"version\":2}");

    private int computations;

    /** Computes {@code value}, counting how often it is asked to. */
    private Supplier<Payload> computing(Payload value) {
        return () -> {
            computations++;
            return value;
        };
    }

    @Test
    void newMarkerIsCreatedWithoutAValue() {
        MarkerStateMachine machine = MarkerStateMachine.sideEffect("1", RecordingCommandSink.live());

        assertThat(machine.state()).isEqualTo(State.CREATED);
        assertThat(machine.value()).isNull();
    }

    @Test
    void markerPastTheRecordedCommandsComputesItsValueOnceAndRecordsIt() {
        RecordingCommandSink sink = RecordingCommandSink.live();
        MarkerStateMachine machine = MarkerStateMachine.sideEffect("1", sink);

        Payload value = machine.resolve(computing(TICKET));

        assertThat(machine.state()).isEqualTo(State.RECORDED);
        assertThat(value).isEqualTo(TICKET);
        assertThat(machine.value()).isEqualTo(TICKET);
        assertThat(computations).isEqualTo(1);
        assertThat(sink.commands()).containsExactly(new MarkerRecordedAttributes("SideEffect", "1", TICKET));
    }

    @Test
    void markerFoundInTheHistoryReturnsTheRecordedValueWithoutComputingIt() {
        RecordingCommandSink sink = RecordingCommandSink.replaying(
                new MarkerRecordedAttributes("SideEffect", "1", TICKET));
        MarkerStateMachine machine = MarkerStateMachine.sideEffect("1", sink);

        Payload value = machine.resolve(computing(Payload.of("a different ticket")));

        assertThat(machine.state()).isEqualTo(State.REPLAYED);
        assertThat(value).isEqualTo(TICKET);
        assertThat(computations).isZero();
        assertThat(sink.commands()).singleElement().isInstanceOfSatisfying(MarkerRecordedAttributes.class,
                command -> assertThat(command.markerId()).isEqualTo("1"));
    }

    @Test
    void versionMarkerFoundInTheHistoryReturnsTheRecordedDecision() {
        RecordingCommandSink sink = RecordingCommandSink.replaying(
                new MarkerRecordedAttributes("Version", "add-fraud-check", Payload.fromJson("{\"version\":1}")));
        MarkerStateMachine machine = MarkerStateMachine.version("add-fraud-check", sink);

        Payload value = machine.resolve(computing(VERSION_2));

        assertThat(machine.state()).isEqualTo(State.REPLAYED);
        assertThat(value).isEqualTo(Payload.fromJson("{\"version\":1}"));
        assertThat(computations).isZero();
    }

    @Test
    void versionMarkerMissingFromAnOlderHistoryIsSkippedWithoutACommandOrAValue() {
        TimerStartedAttributes recorded = Events.timerStarted("1", Duration.ofSeconds(5));
        RecordingCommandSink sink = RecordingCommandSink.replaying(recorded);
        MarkerStateMachine machine = MarkerStateMachine.version("add-fraud-check", sink);

        Payload value = machine.resolve(computing(VERSION_2));

        assertThat(machine.state()).isEqualTo(State.SKIPPED);
        assertThat(value).isNull();
        assertThat(computations).isZero();
        assertThat(sink.commands()).isEmpty();
        assertThat(sink.peekRecorded()).isEqualTo(recorded);
    }

    @Test
    void versionMarkerOfAnotherChangeInTheHistoryIsNotTakenAsThisOne() {
        MarkerRecordedAttributes other = new MarkerRecordedAttributes("Version", "other-change", VERSION_2);
        RecordingCommandSink sink = RecordingCommandSink.replaying(other);
        MarkerStateMachine machine = MarkerStateMachine.version("add-fraud-check", sink);

        machine.resolve(computing(VERSION_2));

        assertThat(machine.state()).isEqualTo(State.SKIPPED);
        assertThat(sink.peekRecorded()).isEqualTo(other);
    }

    @Test
    void sideEffectMarkerTakesARecordedCommandOfAnotherKindAsItsOwnSoReplayReportsTheDifference() {
        RecordingCommandSink sink = RecordingCommandSink.replaying(Events.timerStarted("1", Duration.ofSeconds(5)));
        MarkerStateMachine machine = MarkerStateMachine.sideEffect("1", sink);

        assertThatThrownBy(() -> machine.resolve(computing(TICKET)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("nondeterminism");
        assertThat(computations).isZero();
        assertThat(sink.commands()).singleElement().isInstanceOf(MarkerRecordedAttributes.class);
    }

    @Test
    void resolvingAResolvedMarkerAgainIsAnUndeclaredTransition() {
        MarkerStateMachine machine = MarkerStateMachine.sideEffect("1", RecordingCommandSink.live());
        machine.resolve(computing(TICKET));

        assertThatThrownBy(() -> machine.resolve(computing(TICKET)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MarkerStateMachine")
                .hasMessageContaining("from RECORDED on RECORD");
        assertThat(machine.state()).isEqualTo(State.RECORDED);
    }
}
