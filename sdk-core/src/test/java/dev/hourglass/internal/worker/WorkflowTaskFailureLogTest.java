package dev.hourglass.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.hourglass.history.History;
import dev.hourglass.internal.replay.WorkflowImplementation;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A workflow task that keeps failing the same way is reported in full once, not at every retry. */
class WorkflowTaskFailureLogTest {

    @WorkflowInterface
    public interface Buggy {
        @WorkflowMethod
        String run();
    }

    public static class BuggyImpl implements Buggy {
        @Override
        public String run() {
            throw new IllegalStateException("a bug in the workflow code");
        }
    }

    private static final History STARTED = History.fromJson("""
            {"format": "hourglass-history", "version": 1, "workflowId": "buggy-1", "runId": "run-1",
             "workflowType": "Buggy", "taskQueue": "q", "events": [
              {"eventId": 1, "eventTime": "2025-01-01T00:00:00Z", "eventType": "WorkflowExecutionStarted",
               "attributes": {"workflowType": "Buggy", "taskQueue": "q", "input": []}}
             ]}
            """);

    private final WorkflowServiceSpi service = mock(WorkflowServiceSpi.class);
    private final WorkflowTaskHandler handler = new WorkflowTaskHandler(service, new WorkflowCache(10),
            Map.of("Buggy", WorkflowImplementation.of(BuggyImpl.class)), "q", false);

    @Test
    void aFailureThatRepeatsIsLoggedInFullOnlyTheFirstTime() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (int attempt = 1; attempt <= 3; attempt++) {
                handler.handle(new WorkflowTask("token-" + attempt, STARTED, 1, null, null));
            }
        } finally {
            System.setErr(original);
        }

        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log.split("failed; it will be retried", -1)).hasSize(2);
        assertThat(log).contains("a bug in the workflow code");
        verify(service, times(3)).failWorkflowTask(any(), any(IllegalStateException.class));
        verify(service).failWorkflowTask(eq("token-3"), any());
    }
}
