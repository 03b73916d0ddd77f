package com.example.replay;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.history.History;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;

/**
 * A workflow that reads the wall clock after a timer, and its history recorded without the determinism agent, as a
 * production worker without it records it. Outside {@code dev.hourglass}, where the agent checks code.
 */
public final class ClockReadingReceipts {

    /** The line of {@link StampedReceipt} that reads the clock. */
    public static final int CLOCK_LINE = 34;

    @WorkflowInterface
    public interface Receipt {
        @WorkflowMethod
        String issue(String customer);
    }

    /** Reads the wall clock once the day has passed. */
    public static class StampedReceipt implements Receipt {
        @Override
        public String issue(String customer) {
            Workflow.sleep(Duration.ofDays(1));
            return customer + " at " + System.currentTimeMillis();
        }
    }

    private ClockReadingReceipts() {
    }

    /** One receipt issued to its end by {@link StampedReceipt}, with the agent off. */
    public static History record() {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setDeterminismAgentEnabled(false).build())) {
            Worker worker = env.newWorker("receipts");
            worker.registerWorkflowImplementationTypes(StampedReceipt.class);
            env.start();
            WorkflowClient client = env.getWorkflowClient();
            client.newWorkflowStub(Receipt.class, WorkflowOptions.newBuilder().setTaskQueue("receipts")
                    .setWorkflowId("receipt-1").build()).issue("acme");
            return client.fetchHistory("receipt-1");
        }
    }
}
