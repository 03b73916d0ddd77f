package dev.hourglass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(OrdersStoreExtension.class)
class ListCommandTest {

    static final String HEADER = "WORKFLOW ID  RUN ID                                TYPE           STATUS      STARTED"
            + "                   CLOSED                    EVENTS";
    static final String RUN_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    @Test
    void listsEveryRunOldestFirstWithItsStatusTimesAndHistoryLength(OrdersStore store) {
        Cli cli = Cli.run("workflows", "list", "--store", store.location());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.err()).isEmpty();
        assertThat(cli.lines()).hasSize(6);
        assertThat(cli.lines().get(0)).isEqualTo(HEADER);
        assertThat(cli.lines().subList(1, 6)).satisfiesExactly(
                line -> assertThat(line).matches(row("order-1", "COMPLETED  ", TIME, "11")),
                line -> assertThat(line).matches(row("order-2", "RUNNING    ", "- {23}", "7")),
                line -> assertThat(line).matches(row("order-3", "RUNNING    ", "- {23}", "2")),
                line -> assertThat(line).matches(row("order-4", "FAILED     ", TIME, "11")),
                line -> assertThat(line).matches(row("order-5", "TERMINATED ", TIME, "8")));
    }

    @Test
    void keepsTheRunsOfOneStatusWrittenInAnyCase(OrdersStore store) {
        Cli cli = Cli.run("workflows", "list", "--status", "running", "--store", store.location());

        assertThat(cli.exitCode()).isZero();
        assertThat(workflowIds(cli)).containsExactly("order-2", "order-3");
    }

    @Test
    void keepsTheRunsOfOneWorkflowType(OrdersStore store) {
        assertThat(workflowIds(Cli.run("list", "--type", "OrderWorkflow", "--store", store.location())))
                .containsExactly("order-1", "order-2", "order-3", "order-4", "order-5");
        assertThat(Cli.run("list", "--type", "Billing", "--store", store.location()).out())
                .isEqualTo("No workflow runs match.\n");
    }

    @Test
    void keepsTheRunsStartedSinceAGivenAge(OrdersStore store) {
        assertThat(workflowIds(Cli.run("list", "--since", "1h", "--store", store.location()))).hasSize(5);
        assertThat(Cli.run("list", "--since", "2099-01-01T00:00:00Z", "--store", store.location()).out())
                .isEqualTo("No workflow runs match.\n");
    }

    @Test
    void listsAtMostTheLimitAndSaysThatMoreMatch(OrdersStore store) {
        Cli cli = Cli.run("list", "--limit", "2", "--store", store.location());

        assertThat(workflowIds(cli)).containsExactly("order-1", "order-2");
        assertThat(cli.lines()).last().isEqualTo("(the first 2 runs; more match: raise --limit)");
    }

    @Test
    void printsTheSameAtTopLevelAsUnderWorkflows(OrdersStore store) {
        assertThat(Cli.run("list", "--store", store.location()).out())
                .isEqualTo(Cli.run("workflows", "list", "--store", store.location()).out());
    }

    @Test
    void takesTheStoreFromTheEnvironmentWhenNoOptionNamesIt(OrdersStore store) {
        Cli cli = Cli.run(java.util.Map.of("HOURGLASS_STORE", store.location()), "list", "--status", "FAILED");

        assertThat(cli.exitCode()).isZero();
        assertThat(workflowIds(cli)).containsExactly("order-4");
    }

    @Test
    void refusesALimitBelowOne(OrdersStore store) {
        Cli cli = Cli.run("list", "--limit", "0", "--store", store.location());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("hourglass: --limit must be at least 1, not 0\n");
    }

    /** A line of the listing: the columns aligned under the header's. */
    private static String row(String workflowId, String status, String closed, String events) {
        return workflowId + " {6}" + RUN_ID + "  OrderWorkflow  " + status + " " + TIME + "  " + closed + "  " + events;
    }

    /** The workflow ids of a listing's rows. */
    static List<String> workflowIds(Cli cli) {
        return cli.lines().stream().skip(1).filter(line -> !line.startsWith("("))
                .map(line -> line.substring(0, line.indexOf(' '))).toList();
    }
}
