package dev.hourglass.internal.statemachines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reports the declared transitions of each state machine that no test takes. It drives the machines itself,
 * through the same scenarios as their own tests, so that the report does not depend on which tests ran
 * before it.
 */
class StateMachineCoverageTest {

    @Test
    void everyDeclaredTransitionIsExercised() {
        ActivityStateMachineTest.exerciseAllTransitions();
        TimerStateMachineTest.exerciseAllTransitions();
        ChildWorkflowStateMachineTest.exerciseAllTransitions();
        MarkerStateMachineTest.exerciseAllTransitions();
        SignalStateMachineTest.exerciseAllTransitions();
        CompletionStateMachineTest.exerciseAllTransitions();

        Map<String, List<? extends StateMachineDefinition.Transition<?, ?>>> unexercised = new LinkedHashMap<>();
        for (StateMachineDefinition<?, ?> definition : List.of(ActivityStateMachine.DEFINITION,
                TimerStateMachine.DEFINITION, ChildWorkflowStateMachine.DEFINITION, MarkerStateMachine.DEFINITION,
                SignalStateMachine.DEFINITION, CompletionStateMachine.DEFINITION)) {
            unexercised.put(definition.name(), definition.unexercisedTransitions());
        }
        System.out.println(report(unexercised));

        assertThat(unexercised).allSatisfy((machine, transitions) -> assertThat(transitions)
                .as("declared transitions of %s that no test takes", machine).isEmpty());
    }

    private static String report(Map<String, List<? extends StateMachineDefinition.Transition<?, ?>>> unexercised) {
        StringBuilder text = new StringBuilder("State machine transitions never exercised:");
        unexercised.forEach((machine, transitions) -> {
            text.append(System.lineSeparator()).append("  ").append(machine).append(": ");
            text.append(transitions.isEmpty() ? "none" : transitions.toString());
        });
        return text.toString();
    }
}
