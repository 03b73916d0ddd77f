package dev.hourglass.samples.subscription;

import static dev.hourglass.testing.HourglassAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.TestWorkflowExtension;
import java.time.Duration;
import java.time.LocalDate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/** The environment's clock starts on 2025-01-01T00:00Z: the cycle meters January 1st to 30th. */
class UsageMeteringWorkflowTest {

    private static final MeteredPlan PLAN = new MeteredPlan("sub-1", "alice", 2);

    private final MeteringActivities meter = mock(MeteringActivities.class);
    private final BillingActivities billing = mock(BillingActivities.class);

    @RegisterExtension
    final TestWorkflowExtension workflows = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(UsageMeteringWorkflowImpl.class)
            .setActivityImplementations(meter, billing)
            .build();

    /** On day n of the month the customer uses n units. */
    @BeforeEach
    void usageGrowsByOneUnitADay() {
        when(meter.usageOn(eq("sub-1"), any()))
                .thenAnswer(call -> (long) call.<LocalDate>getArgument(1).getDayOfMonth());
        when(billing.charge(any())).thenReturn("payment-1");
    }

    @Test
    void readsTheUsageOfEachOfThirtyDaysOnce(UsageMeteringWorkflow metering) {
        metering.meter(PLAN);

        ArgumentCaptor<LocalDate> days = ArgumentCaptor.forClass(LocalDate.class);
        verify(meter, times(30)).usageOn(eq("sub-1"), days.capture());
        assertThat(days.getAllValues()).containsExactlyElementsOf(
                LocalDate.parse("2025-01-01").datesUntil(LocalDate.parse("2025-01-31")).toList());
    }

    @Test
    void thirtyDailyTimersTakeThirtyDaysOfVirtualTime(TestWorkflowEnvironment env, UsageMeteringWorkflow metering) {
        long start = env.currentTimeMillis();

        metering.meter(PLAN);

        assertThat(env.currentTimeMillis() - start).isEqualTo(Duration.ofDays(30).toMillis());
    }

    @Test
    void chargesTheUnitsOfTheCycleAtThePlansPrice(UsageMeteringWorkflow metering) {
        UsageBill bill = metering.meter(PLAN);

        long units = LongStream.rangeClosed(1, 30).sum();
        assertThat(bill.totalUnits()).isEqualTo(units);
        assertThat(bill.amountCents()).isEqualTo(units * 2);
        verify(billing).charge(
                new Invoice("sub-1-usage-2025-01-01", "alice", units * 2, LocalDate.parse("2025-01-31")));
    }

    @Test
    void aCycleWithoutUsageChargesNothing(UsageMeteringWorkflow metering) {
        when(meter.usageOn(eq("sub-1"), any())).thenReturn(0L);

        UsageBill bill = metering.meter(PLAN);

        assertThat(bill.amountCents()).isZero();
        assertThat(bill.paymentId()).isNull();
        verify(billing, never()).charge(any());
    }

    @Test
    void unitsQueriedMidCycleCountTheDaysAlreadyOver(TestWorkflowEnvironment env, UsageMeteringWorkflow metering) {
        WorkflowClient.start(metering::meter, PLAN);

        env.sleep(Duration.ofDays(10).plusHours(12));

        assertThat(metering.unitsSoFar()).isEqualTo(LongStream.rangeClosed(1, 10).sum());
    }

    @Test
    void historyHoldsThirtyDailyTimersAndReadings(WorkflowClient client, UsageMeteringWorkflow metering) {
        metering.meter(PLAN);

        assertThat(client.fetchHistory("historyHoldsThirtyDailyTimersAndReadings-1"))
                .hasTimerStarted(Duration.ofDays(1))
                .hasActivityScheduledTimes("usageOn", 30)
                .hasActivityScheduledTimes("charge", 1)
                .isClosed();
    }
}
