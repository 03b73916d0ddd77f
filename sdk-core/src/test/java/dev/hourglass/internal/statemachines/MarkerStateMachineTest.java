package dev.hourglass.internal.statemachines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.internal.statemachines.MarkerStateMachine.State;
import org.junit.jupiter.api.Test;

class MarkerStateMachineTest {

    /** Takes every declared transition at least once; used by the tests below and the coverage report. */
    static void exerciseAllTransitions() {
        recorded();
        replayed();
        skipped();
    }

    static MarkerStateMachine recorded() {
        MarkerStateMachine machine = new MarkerStateMachine();
        machine.record();
        return machine;
    }

    static MarkerStateMachine replayed() {
        MarkerStateMachine machine = new MarkerStateMachine();
        machine.matchRecorded();
        return machine;
    }

    static MarkerStateMachine skipped() {
        MarkerStateMachine machine = new MarkerStateMachine();
        machine.notInHistory();
        return machine;
    }

    @Test
    void newMarkerIsCreated() {
        assertThat(new MarkerStateMachine().state()).isEqualTo(State.CREATED);
    }

    @Test
    void markerProducedByTheCodeIsRecorded() {
        assertThat(recorded().state()).isEqualTo(State.RECORDED);
    }

    @Test
    void markerFoundInTheHistoryIsReplayed() {
        assertThat(replayed().state()).isEqualTo(State.REPLAYED);
    }

    @Test
    void markerMissingFromAnOlderHistoryIsSkipped() {
        assertThat(skipped().state()).isEqualTo(State.SKIPPED);
    }

    @Test
    void recordingAReplayedMarkerIsAnUndeclaredTransition() {
        MarkerStateMachine machine = replayed();

        assertThatThrownBy(machine::record)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MarkerStateMachine")
                .hasMessageContaining("from REPLAYED on RECORD");
        assertThat(machine.state()).isEqualTo(State.REPLAYED);
    }
}
