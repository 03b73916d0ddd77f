package dev.hourglass.internal.statemachines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hourglass.internal.service.ActivityAttemptLifecycle;
import dev.hourglass.internal.service.WorkflowTaskLifecycle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Reports the rows of every transition table that the test suite never took: the workflow side's command
 * machines and the service side's lifecycles. It runs after every other test class of the module
 * ({@code junit-platform.properties} orders classes by {@link Order}), and reads what the suite's workflow
 * executions and machine tests took in this JVM; a row that nothing takes is either dead or untested.
 */
@Order(Integer.MAX_VALUE)
class StateMachineCoverageTest {

    private static final List<StateMachineDefinition<?, ?, ?>> TABLES = List.of(ActivityStateMachine.DEFINITION,
            TimerStateMachine.DEFINITION, ChildWorkflowStateMachine.DEFINITION, MarkerStateMachine.DEFINITION,
            SignalStateMachine.DEFINITION, CompletionStateMachine.DEFINITION, SearchAttributesStateMachine.DEFINITION,
            MemoStateMachine.DEFINITION,
            WorkflowTaskLifecycle.DEFINITION,
            ActivityAttemptLifecycle.DEFINITION);

    @Test
    void theSuiteTakesEveryDeclaredTransition() {
        Map<String, List<? extends StateMachineDefinition.Transition<?, ?>>> untaken = new LinkedHashMap<>();
        int rows = 0;
        for (StateMachineDefinition<?, ?, ?> table : TABLES) {
            untaken.put(table.name(), table.untakenTransitions());
            rows += table.transitions().size();
        }
        int taken = rows - untaken.values().stream().mapToInt(List::size).sum();
        assumeTrue(taken > rows / 2, "the suite ran too little of the engine for a coverage report (run the whole"
                + " module's tests, not this class alone): " + taken + " of " + rows + " rows taken");
        System.out.println(report(untaken, taken, rows));

        assertThat(untaken).allSatisfy((machine, transitions) -> assertThat(transitions)
                .as("transitions of %s that no test of the suite took", machine).isEmpty());
    }

    private static String report(Map<String, List<? extends StateMachineDefinition.Transition<?, ?>>> untaken,
            int taken, int rows) {
        StringBuilder text = new StringBuilder("Transition coverage of the test suite: " + taken + " of " + rows
                + " rows taken; never taken:");
        untaken.forEach((machine, transitions) -> text.append("\n  ").append(machine).append(": ")
                .append(transitions.isEmpty() ? "none" : transitions.toString()));
        return text.toString();
    }
}
