package dev.hourglass.cli;

import static dev.hourglass.cli.ListCommandTest.TIME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowExecutionDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(OrdersStoreExtension.class)
class DescribeCommandTest {

    @Test
    void describesAClosedRunWithNothingPending(OrdersStore store) {
        WorkflowExecutionDescription description = store.client().newUntypedWorkflowStub("order-1").describe();

        Cli cli = Cli.run("workflows", "describe", "order-1", "--store", store.location());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.err()).isEmpty();
        assertThat(cli.lines()).containsExactly(
                "Workflow    order-1",
                "Run         " + description.getExecution().getRunId(),
                "Type        OrderWorkflow",
                "Task queue  orders",
                "Status      COMPLETED",
                "Started     " + Times.format(description.getStartTime()),
                "Closed      " + Times.format(description.getCloseTime().orElseThrow()),
                "Events      11",
                "",
                "Pending activities: none",
                "",
                "Pending timers: none",
                "",
                "Pending child workflows: none");
    }

    @Test
    void describesAPendingActivityWithItsAttemptAndLastFailure(OrdersStore store) {
        Cli cli = Cli.run("describe", "order-3", "--store", store.location());

        assertThat(cli.lines()).contains("Status      RUNNING", "Closed      -");
        assertThat(cli.out()).containsPattern("\nPending activities:\n"
                + "  ACTIVITY ID  TYPE     STATE      ATTEMPT  SCHEDULED                 NEXT ATTEMPT              LAST"
                + " FAILURE\n"
                + "  1            reserve  SCHEDULED  3        " + TIME + "  " + TIME
                + "  java.lang.IllegalStateException: no stock of broken\n");
    }

    @Test
    void describesAPendingTimerWithItsFireTime(OrdersStore store) {
        WorkflowExecutionDescription description = store.client().newUntypedWorkflowStub("order-2").describe();

        Cli cli = Cli.run("describe", "order-2", "--store", store.location());

        assertThat(cli.out()).contains("\nPending activities: none\n\nPending timers:\n"
                + "  TIMER ID  FIRES\n"
                + "  2         " + Times.format(description.getPendingTimers().get(0).getFireTime()) + "\n"
                + "\nPending child workflows: none\n");
    }

    @Test
    void printsTheSameAtTopLevelAsUnderWorkflows(OrdersStore store) {
        assertThat(Cli.run("describe", "order-4", "--store", store.location()).out())
                .isEqualTo(Cli.run("workflows", "describe", "order-4", "--store", store.location()).out());
    }

    @Test
    void saysWhenNoWorkflowHasTheId(OrdersStore store) {
        Cli cli = Cli.run("describe", "order-99", "--store", store.location());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("hourglass: no workflow 'order-99' in " + store.location() + "\n");
    }
}
