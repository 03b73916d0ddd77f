package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.history.History;
import dev.hourglass.internal.replay.Replayer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A signal without a handler is reported when it arrives, not again each time the execution is rebuilt. */
class UnhandledSignalReplayTest {

    private static final History TERMINATED_AFTER_AN_UNKNOWN_SIGNAL = History.fromJson("""
            {"format": "hourglass-history", "version": 1, "workflowId": "t-1", "runId": "run-1",
             "workflowType": "Transfer", "taskQueue": "transfers", "events": [
              {"eventId": 1, "eventTime": "2025-01-01T00:00:00Z", "eventType": "WorkflowExecutionStarted",
               "attributes": {"workflowType": "Transfer", "taskQueue": "transfers", "input": ["carol", "dave", 250]}},
              {"eventId": 2, "eventTime": "2025-01-01T00:00:01Z", "eventType": "WorkflowExecutionSignaled",
               "attributes": {"signalName": "noSuchSignal", "input": []}},
              {"eventId": 3, "eventTime": "2025-01-01T00:00:02Z", "eventType": "WorkflowExecutionTerminated",
               "attributes": {"reason": "test"}}
             ]}
            """);

    @Test
    void replayingASignalWithoutAHandlerLogsNothing() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Replayer.replay(TERMINATED_AFTER_AN_UNKNOWN_SIGNAL, false, Transfers.Original.class);
        } finally {
            System.setErr(original);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("has no handler for signal");
    }
}
