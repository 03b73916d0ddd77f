package dev.hourglass.cli;

import static dev.hourglass.cli.ListCommandTest.TIME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.history.History;
import dev.hourglass.history.HistoryTimeline;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(OrdersStoreExtension.class)
class ShowCommandTest {

    @Test
    void headsTheTimelineWithTheRunItsStatusAndTimes(OrdersStore store) {
        History history = store.client().fetchHistory("order-1");

        Cli cli = Cli.run("workflows", "show", "order-1", "--store", store.location());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.err()).isEmpty();
        assertThat(cli.lines().subList(0, 10)).containsExactly(
                "Workflow    order-1",
                "Run         " + history.getRunId(),
                "Type        OrderWorkflow",
                "Task queue  orders",
                "Status      COMPLETED",
                "Started     " + Times.format(history.getEvents().get(0).getEventTime()),
                "Closed      " + Times.format(history.getLastEvent().getEventTime()),
                "Events      11",
                "",
                "EVENT  TIME                      TYPE                        DETAILS");
    }

    @Test
    void showsEachEventWithItsIdUtcTimeTypeInputsAndResults(OrdersStore store) {
        List<String> events = eventLines(Cli.run("show", "order-1", "--store", store.location()));

        assertThat(events).hasSize(11);
        assertThat(events.get(0)).matches("    1  " + TIME + "  WorkflowExecutionStarted    input=\\[\"book\"]");
        assertThat(events).anySatisfy(line -> assertThat(line).matches(" +\\d+  " + TIME
                + "  WorkflowExecutionSignaled   signalName=approve input=\\[\"alice\"]"));
        assertThat(events.get(10)).matches("   11  " + TIME
                + "  WorkflowExecutionCompleted  result=\"R-book S-book approved by alice\"");
    }

    @Test
    void namesTheActivityAndTheAttemptOfEveryActivityEvent(OrdersStore store) {
        List<String> events = eventLines(Cli.run("show", "order-1", "--store", store.location()));

        assertThat(events).anySatisfy(line -> assertThat(line).contains("ActivityTaskScheduled       activityId=1"
                + " activityType=reserve input=[\"book\"] startToCloseTimeout=10s retryPolicy={initialInterval=50ms,"
                + "backoffCoefficient=1.0,maximumInterval=5s,maximumAttempts=0}"));
        assertThat(events).anySatisfy(line -> assertThat(line)
                .endsWith("ActivityTaskStarted         activity=reserve attempt=3 activityId=1"));
        assertThat(events).anySatisfy(line -> assertThat(line)
                .endsWith("ActivityTaskCompleted       activity=reserve attempt=3 activityId=1 result=\"R-book\""));
    }

    @Test
    void showsTimersWithTheirDuration(OrdersStore store) {
        List<String> events = eventLines(Cli.run("show", "order-1", "--store", store.location()));

        assertThat(events).anySatisfy(line -> assertThat(line).endsWith("TimerStarted                timerId=1"
                + " duration=100ms"));
        assertThat(events).anySatisfy(line -> assertThat(line).endsWith("TimerFired                  timerId=1"));
    }

    @Test
    void followsAFailureWithItsCausesAndTheirStackTraces(OrdersStore store) {
        Cli cli = Cli.run("show", "order-4", "--store", store.location());

        assertThat(cli.out()).containsPattern("\n   10  " + TIME + "  ActivityTaskFailed         activity=ship"
                + " attempt=1 activityId=2 failure=Unshippable \"cannot ship unshippable\"\n"
                + "      Unshippable \"cannot ship unshippable\"\n"
                + "          at dev.hourglass.failure.ApplicationFailure.newNonRetryableFailure\\(ApplicationFailure"
                + ".java:\\d+\\)\n"
                + "          at dev.hourglass.cli.WarehouseImpl.ship\\(WarehouseImpl.java:\\d+\\)\n");
        assertThat(cli.out()).containsPattern("\n   11  " + TIME + "  WorkflowExecutionFailed    failure="
                + "ActivityFailure\\[ship, attempt 1] caused by Unshippable \"cannot ship unshippable\"\n"
                + "      ActivityFailure\\[ship, attempt 1]\n"
                + "          at dev.hourglass.internal.statemachines.");
        assertThat(cli.out()).contains("\n      caused by: Unshippable \"cannot ship unshippable\"\n");
    }

    @Test
    void showsTheReasonOfATermination(OrdersStore store) {
        Cli cli = Cli.run("show", "order-5", "--store", store.location());

        assertThat(cli.lines()).contains("Status      TERMINATED");
        assertThat(cli.lines()).last().asString()
                .matches("    8  " + TIME + "  WorkflowExecutionTerminated  reason=\"customer left\"");
    }

    @Test
    void showsAnOpenRunAsFarAsItGot(OrdersStore store) {
        Cli cli = Cli.run("show", "order-2", "--store", store.location());

        assertThat(cli.lines()).contains("Status      RUNNING", "Closed      -", "Events      7");
        assertThat(cli.lines()).last().asString().endsWith("TimerStarted              timerId=2 duration=1d");
    }

    @Test
    void showsTheRunThatRunIdNames(OrdersStore store) {
        String runId = store.client().fetchHistory("order-4").getRunId();

        Cli cli = Cli.run("show", "order-4", "--run-id", runId, "--store", store.location());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.lines().get(1)).isEqualTo("Run         " + runId);
    }

    @Test
    void printsTheCompactTimelineOfHistoryTimeline(OrdersStore store) {
        Cli cli = Cli.run("show", "order-5", "--compact", "--store", store.location());

        assertThat(cli.out()).isEqualTo(HistoryTimeline.format(store.client().fetchHistory("order-5")) + "\n");
    }

    @Test
    void printsTheHistoryAsJsonInTheHistoryFormat(OrdersStore store) {
        Cli cli = Cli.run("show", "order-4", "--json", "--store", store.location());

        assertThat(History.fromJson(cli.out())).isEqualTo(store.client().fetchHistory("order-4"));
    }

    @Test
    void printsTheSameAtTopLevelAsUnderWorkflows(OrdersStore store) {
        assertThat(Cli.run("show", "order-1", "--store", store.location()).out())
                .isEqualTo(Cli.run("workflows", "show", "order-1", "--store", store.location()).out());
    }

    @Test
    void saysWhenNoWorkflowHasTheId(OrdersStore store) {
        Cli cli = Cli.run("show", "order-99", "--store", store.location());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("hourglass: no workflow 'order-99' in " + store.location() + "\n");
    }

    @Test
    void saysWhenTheWorkflowHasNoSuchRun(OrdersStore store) {
        Cli cli = Cli.run("show", "order-1", "--run-id", "no-such-run", "--store", store.location());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("hourglass: no workflow 'order-1' with run no-such-run in " + store.location()
                + "\n");
    }

    /** The lines of the events: after the header and the column titles, without the failures' lines. */
    private static List<String> eventLines(Cli cli) {
        List<String> lines = cli.lines();
        return lines.subList(10, lines.size()).stream().filter(line -> line.matches(" *\\d+  .*")).toList();
    }
}
