package dev.hourglass.internal.statemachines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.internal.statemachines.StateMachineDefinition.Transition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateMachineDefinitionTest {

    enum Light { RED, GREEN, AMBER }

    enum Signal { GO, SLOW, STOP }

    /** A machine whose actions write what they see into its log. */
    static final class TrafficLight extends StateMachine<TrafficLight, Light, Signal> {
        final List<String> log = new ArrayList<>();

        TrafficLight(StateMachineDefinition<TrafficLight, Light, Signal> definition) {
            super(definition, Light.RED);
        }

        void signal(Signal signal, Object input) {
            fire(signal, input);
        }
    }

    private static StateMachineDefinition<TrafficLight, Light, Signal> trafficLight() {
        return StateMachineDefinition.<TrafficLight, Light, Signal>of("TrafficLight", Light.class, Signal.class)
                .add(Light.RED, Signal.GO, Light.GREEN, (m, input) -> m.log.add("go " + input + " in " + m.state()))
                .add(Light.GREEN, Signal.SLOW, Light.AMBER)
                .add(Light.AMBER, Signal.STOP, Light.RED);
    }

    @Test
    void transitionsAreListedInDeclarationOrder() {
        StateMachineDefinition<TrafficLight, Light, Signal> definition =
                StateMachineDefinition.<TrafficLight, Light, Signal>of("Reversed", Light.class, Signal.class)
                        .add(Light.AMBER, Signal.STOP, Light.RED)
                        .add(Light.RED, Signal.GO, Light.GREEN)
                        .add(Light.GREEN, Signal.SLOW, Light.AMBER);

        assertThat(definition.transitions()).containsExactly(
                new Transition<>(Light.AMBER, Signal.STOP, Light.RED),
                new Transition<>(Light.RED, Signal.GO, Light.GREEN),
                new Transition<>(Light.GREEN, Signal.SLOW, Light.AMBER));
    }

    @Test
    void transitionDeclaredTwiceIsRejected() {
        StateMachineDefinition<TrafficLight, Light, Signal> definition = trafficLight();

        assertThatThrownBy(() -> definition.add(Light.RED, Signal.GO, Light.AMBER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TrafficLight")
                .hasMessageContaining("from RED on GO declared twice");
        assertThat(definition.transitions()).hasSize(3);
    }

    @Test
    void acceptsOnlyDeclaredTransitions() {
        StateMachineDefinition<TrafficLight, Light, Signal> definition = trafficLight();

        assertThat(definition.accepts(Light.RED, Signal.GO)).isTrue();
        assertThat(definition.accepts(Light.RED, Signal.STOP)).isFalse();
        assertThat(definition.accepts(Light.GREEN, Signal.GO)).isFalse();
    }

    @Test
    void rowGivesTheDeclaredTransition() {
        assertThat(trafficLight().row(Light.GREEN, Signal.SLOW).transition())
                .isEqualTo(new Transition<>(Light.GREEN, Signal.SLOW, Light.AMBER));
    }

    @Test
    void undeclaredTransitionNamesMachineStateEventAndWhatIsDeclared() {
        assertThatThrownBy(() -> trafficLight().row(Light.RED, Signal.STOP))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TrafficLight")
                .hasMessageContaining("no transition from RED on STOP")
                .hasMessageContaining("RED --GO--> GREEN");
    }

    @Test
    void firingMovesToTheTargetStateBeforeTheActionRunsWithTheInput() {
        TrafficLight light = new TrafficLight(trafficLight());

        light.signal(Signal.GO, "now");

        assertThat(light.state()).isEqualTo(Light.GREEN);
        assertThat(light.log).containsExactly("go now in GREEN");
    }

    @Test
    void aRowWithoutAnActionOnlyMoves() {
        TrafficLight light = new TrafficLight(trafficLight());
        light.signal(Signal.GO, null);

        light.signal(Signal.SLOW, null);

        assertThat(light.state()).isEqualTo(Light.AMBER);
        assertThat(light.log).hasSize(1);
    }

    @Test
    void firingAnUndeclaredTransitionLeavesTheStateAndRunsNoAction() {
        TrafficLight light = new TrafficLight(trafficLight());

        assertThatThrownBy(() -> light.signal(Signal.STOP, null)).isInstanceOf(IllegalStateException.class);

        assertThat(light.state()).isEqualTo(Light.RED);
        assertThat(light.accepts(Signal.STOP)).isFalse();
        assertThat(light.log).isEmpty();
    }

    @Test
    void machineReadsAsItsNameAndState() {
        assertThat(new TrafficLight(trafficLight())).hasToString("TrafficLight[RED]");
    }

    @Test
    void acceptsDoesNotCountAsTakingARow() {
        StateMachineDefinition<TrafficLight, Light, Signal> definition = trafficLight();
        definition.accepts(Light.RED, Signal.GO);

        assertThat(definition.untakenTransitions()).hasSize(3);
    }

    @Test
    void untakenTransitionsAreThoseNeverTakenInDeclarationOrder() {
        StateMachineDefinition<TrafficLight, Light, Signal> definition = trafficLight();
        definition.row(Light.GREEN, Signal.SLOW);

        assertThat(definition.untakenTransitions()).containsExactly(
                new Transition<>(Light.RED, Signal.GO, Light.GREEN),
                new Transition<>(Light.AMBER, Signal.STOP, Light.RED));
    }

    @Test
    void firingARowCountsAsTakingIt() {
        StateMachineDefinition<TrafficLight, Light, Signal> definition = trafficLight();

        new TrafficLight(definition).signal(Signal.GO, null);

        assertThat(definition.untakenTransitions()).doesNotContain(new Transition<>(Light.RED, Signal.GO, Light.GREEN));
    }

    @Test
    void everyDefinitionIsListedInCreationOrder() {
        StateMachineDefinition<TrafficLight, Light, Signal> first = trafficLight();
        StateMachineDefinition<TrafficLight, Light, Signal> second = trafficLight();

        assertThat(StateMachineDefinition.all()).containsSubsequence(first, second);
        assertThat(StateMachineDefinition.all())
                .contains(ActivityStateMachine.DEFINITION, TimerStateMachine.DEFINITION);
    }

    @Test
    void transitionListCannotBeModified() {
        StateMachineDefinition<TrafficLight, Light, Signal> definition = trafficLight();

        assertThatThrownBy(() -> definition.transitions().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void transitionReadsAsAnArrow() {
        assertThat(new Transition<>(Light.RED, Signal.GO, Light.GREEN)).hasToString("RED --GO--> GREEN");
    }

    @Test
    void nameIsTheMachineName() {
        assertThat(trafficLight().name()).isEqualTo("TrafficLight");
    }
}
