package com.example.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.agent.DeterminismAgent;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.failure.NondeterministicCallError;
import dev.hourglass.history.History;
import dev.hourglass.replay.WorkflowReplayer;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The replay verifier replays with the determinism agent on, unless the system property turns it off. */
class ReplayDeterminismAgentTest {

    @WorkflowInterface
    public interface Invoice {
        @WorkflowMethod
        String issue(String customer);
    }

    /** Code that reads the wall clock: it would be recorded once and replay differently. */
    public static class StampedInvoice implements Invoice {
        @Override
        public String issue(String customer) {
            Workflow.sleep(Duration.ofDays(1));
            return customer + " invoiced at " + System.currentTimeMillis();
        }
    }

    private static History history;

    @BeforeAll
    static void recordWithTheAgentOff() {
        // recorded as a production worker without the agent would record it
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setDeterminismAgentEnabled(false).build())) {
            Worker worker = env.newWorker("invoices");
            worker.registerWorkflowImplementationTypes(StampedInvoice.class);
            env.start();
            WorkflowClient client = env.getWorkflowClient();
            client.newWorkflowStub(Invoice.class, WorkflowOptions.newBuilder().setTaskQueue("invoices")
                    .setWorkflowId("invoice-1").build()).issue("acme");
            history = client.fetchHistory("invoice-1");
        }
    }

    @Test
    void replayInstallsTheAgentAndReportsTheClockReadWithItsLine() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(history, StampedInvoice.class))
                .isInstanceOf(NondeterministicCallError.class)
                .hasMessageStartingWith("workflow code called System.currentTimeMillis() at "
                        + StampedInvoice.class.getName() + ".issue(ReplayDeterminismAgentTest.java:")
                .hasMessageContaining("Use Workflow.currentTimeMillis()");
        assertThat(DeterminismAgent.getMode()).isEqualTo(DeterminismAgent.Mode.FAIL);
    }

    @Test
    void theSystemPropertyTurnsTheAgentOffForReplays() {
        System.setProperty(TestEnvironmentOptions.DETERMINISM_AGENT_PROPERTY, "false");
        try {
            assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(history, StampedInvoice.class))
                    .doesNotThrowAnyException();
        } finally {
            System.clearProperty(TestEnvironmentOptions.DETERMINISM_AGENT_PROPERTY);
        }
    }
}
