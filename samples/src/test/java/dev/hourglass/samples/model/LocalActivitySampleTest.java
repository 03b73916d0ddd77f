package dev.hourglass.samples.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.LocalActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A price quote that looks up a currency rate with a local activity, tested with a mock in virtual time. */
class LocalActivitySampleTest {

    @ActivityInterface
    public interface Rates {
        double rate(String currency);
    }

    @WorkflowInterface
    public interface Quote {
        @WorkflowMethod
        double price(String currency, double amountInEuros);
    }

    // guide: local-activity-workflow begin
    public static class QuoteImpl implements Quote {
        private final Rates rates = Workflow.newLocalActivityStub(Rates.class, LocalActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(2))
                .setLocalRetryThreshold(Duration.ofSeconds(10))
                .setRetryPolicy(RetryPolicy.newBuilder().setMaximumAttempts(5).build())
                .build());

        @Override
        public double price(String currency, double amountInEuros) {
            return amountInEuros * rates.rate(currency); // runs in this worker, within this workflow task
        }
    }
    // guide: local-activity-workflow end

    private final Rates rates = mock(Rates.class);
    private TestWorkflowEnvironment env;
    private WorkflowClient client;

    @BeforeEach
    void startEnvironment() {
        env = TestWorkflowEnvironment.newInstance();
        Worker worker = env.newWorker("quotes");
        worker.registerWorkflowImplementationTypes(QuoteImpl.class);
        worker.registerActivitiesImplementations(rates);
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void closeEnvironment() {
        env.close();
    }

    private Quote quote(String workflowId) {
        return client.newWorkflowStub(Quote.class,
                WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue("quotes").build());
    }

    // guide: local-activity-test begin
    @Test
    void theRateComesFromALocalActivityRecordedAsAMarker() {
        when(rates.rate("USD")).thenReturn(1.25);

        assertThat(quote("quote-1").price("USD", 100)).isEqualTo(125.0);

        verify(rates).rate("USD");
        assertThat(client.fetchHistory("quote-1").getEvents()).extracting(HistoryEvent::getEventType)
                .containsExactly(EventType.WorkflowExecutionStarted, EventType.MarkerRecorded,
                        EventType.WorkflowExecutionCompleted);
    }
    // guide: local-activity-test end

    @Test
    void aFailedLookupIsRetriedAndTheQuoteStillSucceeds() {
        when(rates.rate("GBP")).thenThrow(ApplicationFailure.newFailure("rates service down", "RatesDown"))
                .thenReturn(0.85);

        assertThat(quote("quote-2").price("GBP", 100)).isEqualTo(85.0);

        verify(rates, times(2)).rate("GBP");
    }
}
