package dev.hourglass.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hourglass.client.WorkflowExecutionStatus;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.WorkflowExecutionTerminatedAttributes;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The commands that change runs: each on a run of its own, in a store of this class's own. */
class OperateCommandsTest {

    private static OrdersStore store;

    @BeforeAll
    static void openStore() {
        store = OrdersStore.empty();
    }

    @AfterAll
    static void closeStore() throws IOException {
        store.close();
    }

    @Test
    void signalDeliversTheSignalWithItsJsonArgumentsToTheWorkflow() throws Exception {
        WorkflowStub order = waitingOrder("order-signal");

        Cli cli = Cli.run("workflows", "signal", "order-signal", "approve", "\"carol\"", "--store", store.location());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.err()).isEmpty();
        assertThat(cli.out()).isEqualTo("Signaled order-signal with approve[\"carol\"].\n");
        assertThat(order.getResult(30, TimeUnit.SECONDS, String.class)).isEqualTo("R-book S-book approved by carol");
    }

    @Test
    void signalWorksAtTopLevelToo() throws Exception {
        WorkflowStub order = waitingOrder("order-signal-top");

        Cli cli = Cli.run("signal", "order-signal-top", "approve", "\"dave\"", "--store", store.location());

        assertThat(cli.exitCode()).isZero();
        assertThat(order.getResult(30, TimeUnit.SECONDS, String.class)).endsWith("approved by dave");
    }

    @Test
    void signalRefusesAnArgumentThatIsNotJson() {
        Cli cli = Cli.run("signal", "order-any", "approve", "carol", "--store", store.location());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("hourglass: argument 1 of signal approve is not JSON: carol (a string is"
                + " written in quotes: '\"carol\"')\n");
    }

    @Test
    void signalSaysWhenNoWorkflowHasTheId() {
        Cli cli = Cli.run("signal", "order-missing", "approve", "\"carol\"", "--store", store.location());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("hourglass: no workflow 'order-missing' in " + store.location() + "\n");
    }

    @Test
    void signalSaysWhenTheRunHasClosed() {
        WorkflowStub order = waitingOrder("order-closed");
        order.terminate("test");

        Cli cli = Cli.run("signal", "order-closed", "approve", "\"carol\"", "--store", store.location());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).matches("hourglass: cannot signal approve to workflow order-closed: its run "
                + ListCommandTest.RUN_ID + " is closed: it was terminated \\(event 8, WorkflowExecutionTerminated, at "
                + ListCommandTest.TIME + "\\); only open runs take signals, cancellation and termination"
                + " \\('hourglass show order-closed' shows how it ended\\)\n");
    }

    @Test
    void cancelRequestsCancellationWhichTheWorkflowHonours() {
        WorkflowStub order = waitingOrder("order-cancel");

        Cli cli = Cli.run("cancel", "order-cancel", "--store", store.location());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).isEqualTo("Requested cancellation of order-cancel.\n");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> order.describe().getStatus() == WorkflowExecutionStatus.CANCELED);
    }

    @Test
    void cancelWorksUnderWorkflowsToo() {
        WorkflowStub order = waitingOrder("order-cancel-group");

        assertThat(Cli.run("workflows", "cancel", "order-cancel-group", "--store", store.location()).exitCode())
                .isZero();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> order.describe().getStatus() == WorkflowExecutionStatus.CANCELED);
    }

    @Test
    void terminateEndsTheRunAtOnceAndRecordsTheReason() {
        WorkflowStub order = waitingOrder("order-terminate");

        Cli cli = Cli.run("workflows", "terminate", "order-terminate", "--reason", "duplicate order",
                "--store", store.location());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).isEqualTo("Terminated order-terminate: duplicate order\n");
        assertThat(order.describe().getStatus()).isEqualTo(WorkflowExecutionStatus.TERMINATED);
        HistoryEvent last = store.client().fetchHistory("order-terminate").getLastEvent();
        assertThat(last.getAttributes(WorkflowExecutionTerminatedAttributes.class).reason())
                .isEqualTo("duplicate order");
    }

    @Test
    void terminateWithoutAReason() {
        WorkflowStub order = waitingOrder("order-terminate-top");

        Cli cli = Cli.run("terminate", "order-terminate-top", "--store", store.location());

        assertThat(cli.out()).isEqualTo("Terminated order-terminate-top.\n");
        assertThat(order.describe().getStatus()).isEqualTo(WorkflowExecutionStatus.TERMINATED);
    }

    @Test
    void terminateSaysWhenTheRunHasClosed() {
        WorkflowStub order = waitingOrder("order-terminate-twice");
        order.terminate("first");

        Cli cli = Cli.run("terminate", "order-terminate-twice", "--store", store.location());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).startsWith("hourglass: cannot terminate workflow order-terminate-twice: its run ")
                .hasLineCount(1);
    }

    /** An order of a book that waits for its approval. */
    private static WorkflowStub waitingOrder(String workflowId) {
        WorkflowStub order = store.start(workflowId, "book");
        OrdersStore.awaitApproval(order);
        return order;
    }
}
