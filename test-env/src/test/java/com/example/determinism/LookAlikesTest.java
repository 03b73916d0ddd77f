package com.example.determinism;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.testing.TestWorkflowEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Deterministic code that looks like a forbidden call runs unhindered with the agent installed. */
class LookAlikesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "seeded Random",
        "shuffle with a seeded Random",
        "shuffle with Workflow.newRandom",
        "Instant.ofEpochMilli of Workflow.currentTimeMillis",
        "LocalDate.of and parse",
        "Duration arithmetic",
        "new Date of Workflow.currentTimeMillis",
        "sideEffect of a method reference",
        "sideEffect of a lambda",
        "Workflow.newRandom and Workflow.randomUUID",
        "collections, strings, records, exceptions",
        "logging through Workflow.getLogger",
        "a clock reference created but not invoked",
        "methods named like forbidden ones",
        "Promise.get",
        "an activity that reads the clock",
        "a pure third-party library",
        "Workflow.sleep and Workflow.await",
        "a sequential stream"})
    void deterministicCodeCompletes(String scenario) {
        try (TestWorkflowEnvironment env = Corpus.environment(LookAlikes.class, new Ledger.Impl())) {
            String result = Corpus.stub(env, "look-alike").run(scenario);

            assertThat(result).isNotNull();
        }
    }

    @Test
    void aPureQueryHandlerAnswers() {
        try (TestWorkflowEnvironment env = Corpus.environment(LookAlikes.class, new Ledger.Impl())) {
            Scenario stub = Corpus.stub(env, "query");
            WorkflowClient.start(stub::run, "Workflow.sleep and Workflow.await");

            assertThat(stub.query("status")).isEqualTo("status 1");
        }
    }

    @Test
    void testCodeMayReadTheClock() {
        try (TestWorkflowEnvironment env = Corpus.environment(LookAlikes.class, new Ledger.Impl())) {
            long before = System.currentTimeMillis();

            assertThat(Corpus.stub(env, "test-code").run("Duration arithmetic")).isEqualTo("4440");
            assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(before);
        }
    }
}
