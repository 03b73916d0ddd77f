package com.example.determinism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.when;

import dev.hourglass.agent.DeterminismAgent;
import dev.hourglass.testing.TestWorkflowEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mockito's inline mock maker retransforms the classes it mocks, as the agent does: each keeps working beside the
 * other, in whichever order they come.
 */
class MockitoBesideTheAgentTest {

    @BeforeEach
    void installTheAgent() {
        DeterminismAgent.install();
    }

    @Test
    void aMockOfAClassTheAgentRewroteAnswersAsStubbed() {
        PriceList prices = mock(PriceList.class);
        when(prices.priceOf("tea")).thenReturn(42L);

        assertThat(prices.priceOf("tea")).isEqualTo(42L);
    }

    @Test
    void aSpyOfAClassTheAgentRewroteCallsTheRealMethodOutsideWorkflowCode() {
        PriceList prices = spy(new PriceList());

        assertThat(prices.priceOf("tea")).isBetween(3L, 12L);
    }

    @Test
    void workflowCodeCallingAClassMockitoRetransformedIsStillChecked() {
        PriceList mocked = mock(PriceList.class); // Mockito retransforms PriceList now, after the agent did
        when(mocked.priceOf("tea")).thenReturn(1L);

        try (TestWorkflowEnvironment env = Corpus.environment(PricingWorkflow.class)) {
            Throwable thrown = Corpus.thrownBy(() -> Corpus.stub(env, "pricing").run("tea"));

            CorpusAssertions.assertReported(thrown, "System.currentTimeMillis()", "Use Workflow.currentTimeMillis()",
                    PriceList.class, "PriceList.priceOf", PricingWorkflow.class, "PricingWorkflow.run");
        }
        assertThat(mocked.priceOf("tea")).isEqualTo(1L);
    }
}
