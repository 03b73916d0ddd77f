package dev.hourglass.samples.subscription;

import static dev.hourglass.testing.HourglassAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.history.EventType;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.history.History;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.TestWorkflowExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/** The environment's clock starts on 2025-01-01T00:00Z, so a 14-day trial ends, and billing starts, on 01-15. */
class SubscriptionWorkflowTest {

    private static final Subscription YEARLY = new Subscription("sub-1", "alice", 9_99, 14, 12);

    private static final ApplicationFailure DECLINED =
            ApplicationFailure.newFailure("insufficient funds", BillingActivities.PAYMENT_DECLINED);

    private final BillingActivities billing = mock(BillingActivities.class);

    @RegisterExtension
    final TestWorkflowExtension workflows = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(SubscriptionWorkflowImpl.class)
            .setActivityImplementations(billing)
            .build();

    @BeforeEach
    void everyChargeGoesThrough() {
        when(billing.charge(any())).thenAnswer(call -> "payment-" + call.<Invoice>getArgument(0).invoiceId());
    }

    @Test
    void aYearIsBilledTwelveTimesAndEnds(SubscriptionWorkflow subscription) {
        SubscriptionSummary summary = subscription.subscribe(YEARLY);

        assertThat(summary).isEqualTo(new SubscriptionSummary("sub-1", SubscriptionStatus.ENDED, 12, 12 * 9_99));
        verify(billing, times(12)).charge(any());
        verify(billing, never()).suspend(anyString(), anyString());
    }

    @Test
    void aYearTakesTheTrialAndTwelveCalendarMonthsOfVirtualTime(TestWorkflowEnvironment env,
            SubscriptionWorkflow subscription) {
        long virtualStart = env.currentTimeMillis();

        subscription.subscribe(YEARLY);

        assertThat(env.currentTimeMillis() - virtualStart).isEqualTo(Duration.ofDays(14 + 365).toMillis());
    }

    @Test
    void eachMonthIsChargedTheMonthlyPriceOnTheDayTheTrialEnded(SubscriptionWorkflow subscription) {
        subscription.subscribe(YEARLY);

        ArgumentCaptor<Invoice> invoices = ArgumentCaptor.forClass(Invoice.class);
        verify(billing, times(12)).charge(invoices.capture());
        assertThat(invoices.getAllValues()).extracting(Invoice::dueDate).containsExactly(
                LocalDate.parse("2025-01-15"), LocalDate.parse("2025-02-15"), LocalDate.parse("2025-03-15"),
                LocalDate.parse("2025-04-15"), LocalDate.parse("2025-05-15"), LocalDate.parse("2025-06-15"),
                LocalDate.parse("2025-07-15"), LocalDate.parse("2025-08-15"), LocalDate.parse("2025-09-15"),
                LocalDate.parse("2025-10-15"), LocalDate.parse("2025-11-15"), LocalDate.parse("2025-12-15"));
        assertThat(invoices.getAllValues()).extracting(Invoice::amountCents).containsOnly(9_99L);
        assertThat(invoices.getAllValues().get(0)).isEqualTo(
                new Invoice("sub-1-1", "alice", 9_99, LocalDate.parse("2025-01-15")));
    }

    @Test
    void eachChargeRunsAtTheStartOfItsDueDayInVirtualTime(TestWorkflowEnvironment env,
            SubscriptionWorkflow subscription) {
        List<Instant> chargeTimes = new ArrayList<>();
        doAnswer(call -> {
            chargeTimes.add(Instant.ofEpochMilli(env.currentTimeMillis()));
            return "payment";
        }).when(billing).charge(any());

        subscription.subscribe(new Subscription("sub-1", "alice", 9_99, 14, 3));

        assertThat(chargeTimes).containsExactly(Instant.parse("2025-01-15T00:00:00Z"),
                Instant.parse("2025-02-15T00:00:00Z"), Instant.parse("2025-03-15T00:00:00Z"));
    }

    @Test
    void cancellingMidYearStopsBilling(TestWorkflowEnvironment env, WorkflowClient client,
            SubscriptionWorkflow subscription) {
        WorkflowExecution execution = WorkflowClient.start(subscription::subscribe, YEARLY);
        env.sleep(Duration.ofDays(120));
        subscription.cancel();

        SubscriptionSummary summary = client.newUntypedWorkflowStub(execution.getWorkflowId())
                .getResult(SubscriptionSummary.class);

        assertThat(summary).isEqualTo(new SubscriptionSummary("sub-1", SubscriptionStatus.CANCELLED, 4, 4 * 9_99));
        verify(billing, times(4)).charge(any());
        assertThat(Instant.ofEpochMilli(env.currentTimeMillis())).isEqualTo(Instant.parse("2025-05-01T00:00:00Z"));
    }

    @Test
    void cancellingDuringTheTrialChargesNothing(TestWorkflowEnvironment env, WorkflowClient client,
            SubscriptionWorkflow subscription) {
        WorkflowExecution execution = WorkflowClient.start(subscription::subscribe, YEARLY);
        env.sleep(Duration.ofDays(3));
        subscription.cancel();

        SubscriptionSummary summary = client.newUntypedWorkflowStub(execution.getWorkflowId())
                .getResult(SubscriptionSummary.class);

        assertThat(summary.status()).isEqualTo(SubscriptionStatus.CANCELLED);
        verify(billing, never()).charge(any());
    }

    @Test
    void aDeclinedChargeIsTriedAgainThreeDaysLaterWithTheSameInvoice(TestWorkflowEnvironment env,
            SubscriptionWorkflow subscription) {
        List<Instant> attempts = new ArrayList<>();
        List<Invoice> invoices = new ArrayList<>();
        doAnswer(call -> {
            attempts.add(Instant.ofEpochMilli(env.currentTimeMillis()));
            invoices.add(call.getArgument(0));
            if (attempts.size() == 1) {
                throw DECLINED;
            }
            return "payment";
        }).when(billing).charge(any());

        SubscriptionSummary summary = subscription.subscribe(new Subscription("sub-1", "alice", 9_99, 14, 2));

        assertThat(summary).isEqualTo(new SubscriptionSummary("sub-1", SubscriptionStatus.ENDED, 2, 2 * 9_99));
        assertThat(attempts).containsExactly(Instant.parse("2025-01-15T00:00:00Z"),
                Instant.parse("2025-01-18T00:00:00Z"), Instant.parse("2025-02-15T00:00:00Z"));
        assertThat(invoices).extracting(Invoice::invoiceId).containsExactly("sub-1-1", "sub-1-1", "sub-1-2");
    }

    @Test
    void threeDeclinedAttemptsThreeDaysApartSuspendTheSubscription(TestWorkflowEnvironment env,
            SubscriptionWorkflow subscription) {
        List<Instant> attempts = new ArrayList<>();
        doAnswer(call -> {
            attempts.add(Instant.ofEpochMilli(env.currentTimeMillis()));
            throw DECLINED;
        }).when(billing).charge(any());

        SubscriptionSummary summary = subscription.subscribe(YEARLY);

        assertThat(summary).isEqualTo(new SubscriptionSummary("sub-1", SubscriptionStatus.SUSPENDED, 0, 0));
        assertThat(attempts).containsExactly(Instant.parse("2025-01-15T00:00:00Z"),
                Instant.parse("2025-01-18T00:00:00Z"), Instant.parse("2025-01-21T00:00:00Z"));
        verify(billing).suspend("sub-1", "sub-1-1");
    }

    @Test
    void statusIsPastDueBetweenDunningAttempts(TestWorkflowEnvironment env, SubscriptionWorkflow subscription) {
        doThrow(DECLINED).when(billing).charge(any());
        WorkflowClient.start(subscription::subscribe, YEARLY);

        env.sleep(Duration.ofDays(16));

        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
        verify(billing, never()).suspend(anyString(), anyString());
    }

    @Test
    void aTwoYearSubscriptionContinuesAsNewAfterTwelveMonthsAndCarriesItsProgressOver(
            SubscriptionWorkflow subscription) {
        SubscriptionSummary summary = subscription.subscribe(new Subscription("sub-1", "alice", 9_99, 14, 24));

        assertThat(summary).isEqualTo(new SubscriptionSummary("sub-1", SubscriptionStatus.ENDED, 24, 24 * 9_99));
        ArgumentCaptor<Invoice> invoices = ArgumentCaptor.forClass(Invoice.class);
        verify(billing, times(24)).charge(invoices.capture());
        assertThat(invoices.getAllValues().get(12))
                .isEqualTo(new Invoice("sub-1-13", "alice", 9_99, LocalDate.parse("2026-01-15")));
        assertThat(invoices.getAllValues().get(23))
                .isEqualTo(new Invoice("sub-1-24", "alice", 9_99, LocalDate.parse("2026-12-15")));
    }

    @Test
    void eachRunOfATwoYearSubscriptionHoldsTheChargesOfOneYear(WorkflowClient client,
            SubscriptionWorkflow subscription) {
        WorkflowExecution firstRun = WorkflowClient.start(subscription::subscribe,
                new Subscription("sub-1", "alice", 9_99, 14, 24));
        client.newUntypedWorkflowStub(firstRun.getWorkflowId()).getResult(SubscriptionSummary.class);

        History first = client.fetchHistory(firstRun.getWorkflowId(), firstRun.getRunId());
        History second = client.fetchHistory(firstRun.getWorkflowId());
        assertThat(first)
                .hasActivityScheduledTimes("charge", 12)
                .hasTimerStarted(Duration.ofDays(14))
                .hasEventsInOrder(EventType.WorkflowExecutionStarted, EventType.WorkflowExecutionContinuedAsNew);
        assertThat(second.getRunId()).isNotEqualTo(first.getRunId());
        assertThat(second)
                .hasActivityScheduledTimes("charge", 12)
                .completedWith(new SubscriptionSummary("sub-1", SubscriptionStatus.ENDED, 24, 24 * 9_99));
        Subscription carriedOver = second.getEvents().get(0).getAttributes(WorkflowExecutionStartedAttributes.class)
                .input().decode(Subscription[].class)[0];
        assertThat(carriedOver.progress().periodsBilled()).isEqualTo(12);
    }

    @Test
    void progressQueriedMidYearCountsTheMonthsCharged(TestWorkflowEnvironment env,
            SubscriptionWorkflow subscription) {
        WorkflowClient.start(subscription::subscribe, YEARLY);

        env.sleep(Duration.ofDays(120));

        assertThat(subscription.progress())
                .isEqualTo(new BillingProgress(Instant.parse("2025-01-15T00:00:00Z"), 4, 4 * 9_99));
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    }
}
