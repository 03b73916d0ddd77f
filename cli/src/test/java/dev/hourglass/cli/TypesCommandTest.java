package dev.hourglass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowOptions;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code workflows types}: the distinct workflow types of a store's runs. */
@ExtendWith(OrdersStoreExtension.class)
class TypesCommandTest {

    @Test
    void printsTheWorkflowTypeOfTheRunsOnce(OrdersStore store) {
        Cli cli = Cli.run("workflows", "types", "--store", store.location());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.err()).isEmpty();
        assertThat(cli.out()).isEqualTo("OrderWorkflow\n");
    }

    @Test
    void printsTheSameAtTopLevelAsUnderWorkflows(OrdersStore store) {
        assertThat(Cli.run("types", "--store", store.location()).out())
                .isEqualTo(Cli.run("workflows", "types", "--store", store.location()).out());
    }

    @Test
    void printsEveryTypeOncePerLineSorted() throws IOException {
        try (OrdersStore store = OrdersStore.empty()) {
            startWithoutWorker(store, "Shipment", "shipment-1");
            store.start("order-a", "lamp");
            startWithoutWorker(store, "Billing", "billing-1");
            startWithoutWorker(store, "Shipment", "shipment-2");

            Cli cli = Cli.run("types", "--store", store.location());

            assertThat(cli.exitCode()).isZero();
            assertThat(cli.lines()).containsExactly("Billing", "OrderWorkflow", "Shipment");
        }
    }

    @Test
    void printsNothingForAStoreWithoutRuns() throws IOException {
        try (OrdersStore store = OrdersStore.empty()) {
            Cli cli = Cli.run("types", "--store", store.location());

            assertThat(cli.exitCode()).isZero();
            assertThat(cli.out()).isEmpty();
            assertThat(cli.err()).isEmpty();
        }
    }

    @Test
    void namesTheMissingDatabaseFileInOneLine() {
        Cli cli = Cli.run("types", "--store", "sqlite:no-such-orders.db");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("hourglass: no database file no-such-orders.db (check --store; hourglass"
                + " never creates one)\n");
    }

    @Test
    void takesNoArguments(OrdersStore store) {
        Cli cli = Cli.run("types", "OrderWorkflow", "--store", store.location());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("hourglass: Unmatched argument at index 1: 'OrderWorkflow'")
                .endsWith(" (see 'hourglass types --help')\n").hasLineCount(1);
    }

    /** Starts a run of a workflow type that no worker of the store runs: it stays open, and its type is recorded. */
    private static void startWithoutWorker(OrdersStore store, String workflowType, String workflowId) {
        store.client().newUntypedWorkflowStub(workflowType, WorkflowOptions.newBuilder()
                .setTaskQueue("nobody-polls").setWorkflowId(workflowId).build()).start();
    }
}
