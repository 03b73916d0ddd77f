package com.example.determinism;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.agent.DeterminismAgent;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.WorkflowTaskFailedException;
import dev.hourglass.worker.Worker;
import org.junit.jupiter.api.Test;

/** The determinism agent is on by default in the test environment, and can be turned off per environment. */
class AgentOptionsTest {

    @Test
    void aDefaultEnvironmentInstallsTheAgentInFailMode() {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            assertThat(DeterminismAgent.isInstalled()).isTrue();
            assertThat(DeterminismAgent.getMode()).isEqualTo(DeterminismAgent.Mode.FAIL);
        }
    }

    @Test
    void theAgentIsOnByDefaultInTheOptions() {
        assertThat(TestEnvironmentOptions.getDefaultInstance().isDeterminismAgentEnabled()).isTrue();
        assertThat(TestEnvironmentOptions.newBuilder().build().isDeterminismAgentEnabled()).isTrue();
    }

    @Test
    void anEnvironmentWithTheAgentOffDoesNotCheckItsWorkflowCode() {
        DeterminismAgent.install(); // whoever installed it, an environment with the agent off is not checked
        try (TestWorkflowEnvironment off = environment(false)) {
            String result = stub(off).run("System.currentTimeMillis");

            assertThat(Long.parseLong(result)).isPositive();
        }
    }

    @Test
    void anotherEnvironmentWithTheAgentOnStillChecksItsOwnWorkflowCode() {
        try (TestWorkflowEnvironment off = environment(false); TestWorkflowEnvironment on = environment(true)) {
            assertThat(stub(off).run("UUID.randomUUID")).hasSize(36);

            Throwable thrown = Corpus.thrownBy(() -> stub(on).run("UUID.randomUUID"));

            assertThat(thrown).isInstanceOf(WorkflowTaskFailedException.class);
            assertThat(Corpus.violation(thrown)).hasMessageContaining("UUID.randomUUID()");
        }
    }

    @Test
    void theSystemPropertyTurnsTheAgentOffWhereTheOptionsDoNotSay() {
        String previous = System.getProperty(TestEnvironmentOptions.DETERMINISM_AGENT_PROPERTY);
        System.setProperty(TestEnvironmentOptions.DETERMINISM_AGENT_PROPERTY, "false");
        try {
            assertThat(TestEnvironmentOptions.getDefaultInstance().isDeterminismAgentEnabled()).isFalse();
            assertThat(TestEnvironmentOptions.newBuilder().setDeterminismAgentEnabled(true).build()
                    .isDeterminismAgentEnabled()).isTrue();
            Corpus.initialize(DirectCalls.class);
            try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
                Worker worker = env.newWorker(Corpus.QUEUE);
                worker.registerWorkflowImplementationTypes(DirectCalls.class);
                env.start();

                assertThat(stub(env).run("System.nanoTime")).isNotEmpty();
            }
        } finally {
            if (previous == null) {
                System.clearProperty(TestEnvironmentOptions.DETERMINISM_AGENT_PROPERTY);
            } else {
                System.setProperty(TestEnvironmentOptions.DETERMINISM_AGENT_PROPERTY, previous);
            }
        }
    }

    @Test
    void aCopyOfTheOptionsKeepsTheAgentSetting() {
        TestEnvironmentOptions off = TestEnvironmentOptions.newBuilder().setDeterminismAgentEnabled(false).build();

        assertThat(TestEnvironmentOptions.newBuilder(off).build().isDeterminismAgentEnabled()).isFalse();
    }

    private static TestWorkflowEnvironment environment(boolean agent) {
        Corpus.initialize(DirectCalls.class);
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setDeterminismAgentEnabled(agent).build());
        Worker worker = env.newWorker(Corpus.QUEUE);
        worker.registerWorkflowImplementationTypes(DirectCalls.class);
        env.start();
        return env;
    }

    private static Scenario stub(TestWorkflowEnvironment env) {
        return env.getWorkflowClient().newWorkflowStub(Scenario.class,
                WorkflowOptions.newBuilder().setTaskQueue(Corpus.QUEUE).build());
    }
}
