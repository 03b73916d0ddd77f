package com.example.determinism;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowQueryException;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.WorkflowTaskFailedException;
import org.junit.jupiter.api.Test;

/**
 * Forbidden calls are caught wherever workflow code runs: signal and query handlers, {@code Workflow.async} bodies,
 * {@code Workflow.await} conditions and promise callbacks; and catching the error does not save the task.
 */
class HandlerCallsTest {

    private static final Class<?> SELF = HandlerCalls.class;

    @Test
    void aForbiddenCallInASignalHandlerFailsTheTask() {
        try (TestWorkflowEnvironment env = Corpus.environment(HandlerCalls.class)) {
            Scenario stub = Corpus.stub(env, "signal");
            WorkflowClient.start(stub::run, "signal handler");
            stub.signal("hello");

            Throwable thrown = Corpus.thrownBy(() -> env.getWorkflowClient().newUntypedWorkflowStub("signal")
                    .getResult(String.class));

            assertThat(thrown).isInstanceOf(WorkflowTaskFailedException.class);
            CorpusAssertions.assertReported(thrown, "System.currentTimeMillis()", "Use Workflow.currentTimeMillis()",
                    SELF, "signal handler", SELF, null);
        }
    }

    @Test
    void aForbiddenCallInAQueryHandlerFailsTheQueryAndNotTheWorkflowTask() {
        try (TestWorkflowEnvironment env = Corpus.environment(HandlerCalls.class)) {
            Scenario stub = Corpus.stub(env, "query");
            WorkflowClient.start(stub::run, "query handler");

            Throwable thrown = Corpus.thrownBy(() -> stub.query("status"));

            assertThat(thrown).isInstanceOf(WorkflowQueryException.class)
                    .hasMessageContaining("workflow code called LocalDateTime.now() at "
                            + SELF.getName() + ".query" + SourceLines.at(SELF, "at:query handler"))
                    .hasMessageContaining("Use Workflow.currentTimeMillis()");
            stub.signal("done"); // the signal handler reads the clock too, so this task fails: with its own error
            Throwable afterwards = Corpus.thrownBy(() -> env.getWorkflowClient().newUntypedWorkflowStub("query")
                    .getResult(String.class));
            assertThat(Corpus.violation(afterwards).getMessage()).contains("System.currentTimeMillis()")
                    .doesNotContain("LocalDateTime.now()");
        }
    }

    @Test
    void aForbiddenCallInAWorkflowAsyncBodyFailsTheTask() {
        assertRunReports("Workflow.async body", "Math.random()", "Use Workflow.newRandom()");
    }

    @Test
    void aForbiddenCallInAWorkflowAwaitConditionFailsTheTask() {
        assertRunReports("Workflow.await condition", "System.nanoTime()", "Use Workflow.currentTimeMillis()");
    }

    @Test
    void aForbiddenCallInAPromiseCallbackFailsTheTask() {
        assertRunReports("Promise.thenApply callback", "UUID.randomUUID()", "Use Workflow.randomUUID()");
    }

    @Test
    void catchingTheErrorInWorkflowCodeDoesNotSaveTheTask() {
        assertRunReports("caught by the workflow", "Thread.sleep(...)", "Use Workflow.sleep(duration)");
    }

    private static void assertRunReports(String scenario, String call, String replacement) {
        try (TestWorkflowEnvironment env = Corpus.environment(HandlerCalls.class)) {
            Throwable thrown = Corpus.thrownBy(() -> Corpus.stub(env, "handlers").run(scenario));

            assertThat(thrown).isInstanceOf(WorkflowTaskFailedException.class);
            CorpusAssertions.assertReported(thrown, call, replacement, SELF, scenario, SELF, null);
        }
    }
}
