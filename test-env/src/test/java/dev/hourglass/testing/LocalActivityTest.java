package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LocalActivityTest {

    @ActivityInterface
    public interface Rates {
        double rate(String currency);
    }

    @ActivityInterface
    public interface Quotes {
        double quote(String currency);
    }

    @WorkflowInterface
    public interface Conversion {
        @WorkflowMethod
        double convert(String currency, double amount);
    }

    static LocalActivityOptions options() {
        return LocalActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(5))
                .setLocalRetryThreshold(Duration.ofSeconds(1))
                .setRetryPolicy(RetryPolicy.newBuilder().setInitialInterval(Duration.ofHours(1)).build())
                .build();
    }

    public static class ConversionImpl implements Conversion {
        private final Rates rates = Workflow.newLocalActivityStub(Rates.class, options());

        @Override
        public double convert(String currency, double amount) {
            return amount * rates.rate(currency);
        }
    }

    /** The same workflow type calling another local activity type: an incompatible change. */
    public static class ConversionWithQuotesImpl implements Conversion {
        private final Quotes quotes = Workflow.newLocalActivityStub(Quotes.class, options());

        @Override
        public double convert(String currency, double amount) {
            return amount * quotes.quote(currency);
        }
    }

    /** Retries a failed rate after 1 ms, well within its local retry threshold. */
    public static class QuickRetryConversionImpl implements Conversion {
        private final Rates rates = Workflow.newLocalActivityStub(Rates.class, LocalActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(5))
                .setLocalRetryThreshold(Duration.ofMinutes(1))
                .setRetryPolicy(RetryPolicy.newBuilder().setInitialInterval(Duration.ofMillis(1)).build())
                .build());

        @Override
        public double convert(String currency, double amount) {
            return amount * rates.rate(currency);
        }
    }

    /** Runs a conversion whose first two rate attempts fail, on a fresh environment of {@code seed}. */
    private static History convertWithTwoFailures(long seed) {
        Rates flaky = mock(Rates.class);
        when(flaky.rate("EUR")).thenThrow(ApplicationFailure.newFailure("rates down", "RatesDown"))
                .thenThrow(ApplicationFailure.newFailure("rates down", "RatesDown")).thenReturn(2.0);
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(
                TestEnvironmentOptions.newBuilder().setSeed(seed).build())) {
            Worker worker = env.newWorker("conversions");
            worker.registerWorkflowImplementationTypes(QuickRetryConversionImpl.class);
            worker.registerActivitiesImplementations(flaky);
            env.start();
            Conversion conversion = env.getWorkflowClient().newWorkflowStub(Conversion.class,
                    WorkflowOptions.newBuilder().setWorkflowId("conversion-1").setTaskQueue("conversions").build());
            assertThat(conversion.convert("EUR", 10)).isEqualTo(20.0);
            return env.getWorkflowClient().fetchHistory("conversion-1");
        }
    }

    @Test
    void onVirtualTimeEveryLocalRetryWaitsOnATimerSoThatTheHistoryDependsOnTheSeedAlone() {
        History first = convertWithTwoFailures(7);

        assertThat(first.getEvents()).extracting(event -> event.getEventType()).containsExactly(
                EventType.WorkflowExecutionStarted, EventType.MarkerRecorded, EventType.TimerStarted,
                EventType.TimerFired, EventType.MarkerRecorded, EventType.TimerStarted, EventType.TimerFired,
                EventType.MarkerRecorded, EventType.WorkflowExecutionCompleted);
        assertThat(convertWithTwoFailures(7).toJson()).isEqualTo(first.toJson());
    }

    /** Activity code that would be nondeterministic in a workflow: the agent must let it be. */
    public static class WallClockRates implements Rates {
        @Override
        public double rate(String currency) {
            long now = System.currentTimeMillis();
            String id = UUID.randomUUID().toString();
            return now > 0 && !id.isEmpty() ? 1 + new Random().nextInt(1) : 0;
        }
    }

    private final Rates rates = mock(Rates.class);

    @RegisterExtension
    final TestWorkflowExtension workflows = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(ConversionImpl.class)
            .setActivityImplementations(rates)
            .build();

    @Test
    void aMockedLocalActivityGivesItsStubbedResult(Conversion conversion) {
        when(rates.rate("EUR")).thenReturn(1.5);

        assertThat(conversion.convert("EUR", 10)).isEqualTo(15.0);
        verify(rates).rate("EUR");
    }

    @Test
    void aRetryBeyondTheLocalThresholdWaitsItsBackoffInVirtualTime(Conversion conversion,
            TestWorkflowEnvironment env) {
        when(rates.rate("EUR")).thenThrow(ApplicationFailure.newFailure("rates down", "RatesDown")).thenReturn(2.0);
        long before = env.currentTimeMillis();

        assertThat(conversion.convert("EUR", 10)).isEqualTo(20.0);

        verify(rates, times(2)).rate("EUR");
        assertThat(env.currentTimeMillis() - before).isGreaterThanOrEqualTo(Duration.ofHours(1).toMillis());
    }

    @Test
    void localActivityCodeIsNotCheckedByTheDeterminismAgent() {
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
        try {
            Worker worker = env.newWorker("wall-clock");
            worker.registerWorkflowImplementationTypes(ConversionImpl.class);
            worker.registerActivitiesImplementations(new WallClockRates());
            env.start();
            Conversion conversion = env.getWorkflowClient().newWorkflowStub(Conversion.class,
                    WorkflowOptions.newBuilder().setTaskQueue("wall-clock").setWorkflowId("wall-clock-1").build());

            assertThat(conversion.convert("EUR", 10)).isEqualTo(10.0);
        } finally {
            env.close();
        }
    }

    @Test
    void aLocalActivityTheWorkerHasNotRegisteredFailsTheWorkflowTaskNamingTheType() {
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
        try {
            Worker worker = env.newWorker("no-quotes");
            worker.registerWorkflowImplementationTypes(ConversionWithQuotesImpl.class);
            worker.registerActivitiesImplementations(new WallClockRates());
            env.start();
            Conversion conversion = env.getWorkflowClient().newWorkflowStub(Conversion.class,
                    WorkflowOptions.newBuilder().setTaskQueue("no-quotes").setWorkflowId("no-quotes-1").build());

            assertThatThrownBy(() -> conversion.convert("EUR", 10))
                    .isInstanceOf(WorkflowTaskFailedException.class)
                    .hasStackTraceContaining("local activity type 'quote' is not registered on the worker of task"
                            + " queue 'no-quotes'");
        } finally {
            env.close();
        }
    }

    @Test
    void aRecordedHistoryReplaysWithoutCallingTheLocalActivity(Conversion conversion, WorkflowClient client) {
        when(rates.rate("EUR")).thenReturn(1.5);
        conversion.convert("EUR", 10);
        History history = client.fetchHistory("aRecordedHistoryReplaysWithoutCallingTheLocalActivity-1");
        assertThat(history.getEvents()).extracting(event -> event.getEventType()).contains(EventType.MarkerRecorded);

        assertThat(Replayer.replay(history, true, ConversionImpl.class)).isEmpty();
        verify(rates, times(1)).rate("EUR");
    }

    @Test
    void changingTheLocalActivityTypeIsReportedAsNondeterminism(Conversion conversion, WorkflowClient client) {
        when(rates.rate("EUR")).thenReturn(1.5);
        conversion.convert("EUR", 10);
        History history = client.fetchHistory("changingTheLocalActivityTypeIsReportedAsNondeterminism-1");

        assertThatThrownBy(() -> Replayer.replay(history, true, ConversionWithQuotesImpl.class))
                .isInstanceOf(NonDeterministicException.class)
                .hasMessageContaining("the local activity type differs ('rate' recorded, 'quote' now)")
                .hasMessageContaining("ConversionWithQuotesImpl.convert");
    }
}
