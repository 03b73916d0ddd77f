package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.history.Histories;
import dev.hourglass.history.History;
import org.junit.jupiter.api.Test;

/**
 * The deprecated {@code dev.hourglass.testing.HistoryTimeline}, kept for code written before it moved, and the
 * timeline of histories that only a running environment records.
 */
class HistoryTimelineTest {

    @Test
    @SuppressWarnings("deprecation")
    void theDeprecatedTimelineFormatsExactlyAsTheOneInSdkCore() {
        History history = Histories.completedTransfer();

        assertThat(HistoryTimeline.format(history)).isEqualTo(dev.hourglass.history.HistoryTimeline.format(history));
    }

    @Test
    void showsThatAnExecutionTerminatedWithoutAReasonHasNone() {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            env.start();
            WorkflowStub stub = env.getWorkflowClient().newUntypedWorkflowStub("Anything",
                    WorkflowOptions.newBuilder().setTaskQueue("nowhere").setWorkflowId("t").build());
            stub.start();
            stub.terminate(null);

            String timeline = dev.hourglass.history.HistoryTimeline.format(
                    env.getWorkflowClient().fetchHistory("t"));
            assertThat(timeline.lines().toList().get(2))
                    .isEqualTo("  #2  +0d 00:00:00.000  WorkflowExecutionTerminated  reason=null");
        }
    }
}
