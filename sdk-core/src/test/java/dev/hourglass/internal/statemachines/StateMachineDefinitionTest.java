package dev.hourglass.internal.statemachines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.internal.statemachines.StateMachineDefinition.Transition;
import org.junit.jupiter.api.Test;

class StateMachineDefinitionTest {

    enum Light { RED, GREEN, AMBER }

    enum Signal { GO, SLOW, STOP }

    private static StateMachineDefinition<Light, Signal> trafficLight() {
        return StateMachineDefinition.of("TrafficLight", Light.class, Signal.class)
                .add(Light.RED, Signal.GO, Light.GREEN)
                .add(Light.GREEN, Signal.SLOW, Light.AMBER)
                .add(Light.AMBER, Signal.STOP, Light.RED);
    }

    @Test
    void transitionsAreListedInDeclarationOrder() {
        StateMachineDefinition<Light, Signal> definition = StateMachineDefinition.of("Reversed", Light.class,
                Signal.class)
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
        StateMachineDefinition<Light, Signal> definition = trafficLight();

        assertThatThrownBy(() -> definition.add(Light.RED, Signal.GO, Light.AMBER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TrafficLight")
                .hasMessageContaining("from RED on GO declared twice");
        assertThat(definition.transitions()).hasSize(3);
    }

    @Test
    void acceptsOnlyDeclaredTransitions() {
        StateMachineDefinition<Light, Signal> definition = trafficLight();

        assertThat(definition.accepts(Light.RED, Signal.GO)).isTrue();
        assertThat(definition.accepts(Light.RED, Signal.STOP)).isFalse();
        assertThat(definition.accepts(Light.GREEN, Signal.GO)).isFalse();
    }

    @Test
    void nextGivesTheDeclaredTarget() {
        assertThat(trafficLight().next(Light.GREEN, Signal.SLOW)).isEqualTo(Light.AMBER);
    }

    @Test
    void undeclaredTransitionNamesMachineStateEventAndWhatIsDeclared() {
        assertThatThrownBy(() -> trafficLight().next(Light.RED, Signal.STOP))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TrafficLight")
                .hasMessageContaining("no transition from RED on STOP")
                .hasMessageContaining("RED --GO--> GREEN");
    }

    @Test
    void acceptsDoesNotCountAsExercising() {
        StateMachineDefinition<Light, Signal> definition = trafficLight();
        definition.accepts(Light.RED, Signal.GO);

        assertThat(definition.unexercisedTransitions()).hasSize(3);
    }

    @Test
    void unexercisedTransitionsAreThoseNeverTakenInDeclarationOrder() {
        StateMachineDefinition<Light, Signal> definition = trafficLight();
        definition.next(Light.GREEN, Signal.SLOW);

        assertThat(definition.unexercisedTransitions()).containsExactly(
                new Transition<>(Light.RED, Signal.GO, Light.GREEN),
                new Transition<>(Light.AMBER, Signal.STOP, Light.RED));
    }

    @Test
    void transitionListCannotBeModified() {
        StateMachineDefinition<Light, Signal> definition = trafficLight();

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
