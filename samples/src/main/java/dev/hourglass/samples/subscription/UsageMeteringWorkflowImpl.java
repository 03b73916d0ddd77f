package dev.hourglass.samples.subscription;

import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * Sleeps a day, reads that day's usage, thirty times; then charges the units used at the plan's price.
 *
 * <p>Each day's usage is read by an activity once the day is over, and its result is recorded in the history,
 * so a worker that restarts mid-cycle resumes with the days already read, without reading them again.
 */
public class UsageMeteringWorkflowImpl implements UsageMeteringWorkflow {

    /** How many days one cycle meters. */
    public static final int CYCLE_DAYS = 30;

    private static final Logger log = Workflow.getLogger(UsageMeteringWorkflowImpl.class);

    private final MeteringActivities meter = Workflow.newActivityStub(MeteringActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(30))
                    .setRetryPolicy(RetryPolicy.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(5))
                            .setMaximumInterval(Duration.ofMinutes(10))
                            .build())
                    .build());

    /** Declines are not retried within the same minute: the subscription workflow shows dunning. */
    private final BillingActivities billing = Workflow.newActivityStub(BillingActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(30))
                    .setRetryPolicy(RetryPolicy.newBuilder()
                            .setMaximumAttempts(5)
                            .setDoNotRetry(BillingActivities.PAYMENT_DECLINED)
                            .build())
                    .build());

    private final List<Long> dailyUnits = new ArrayList<>();

    @Override
    public UsageBill meter(MeteredPlan plan) {
        LocalDate firstDay = Instant.ofEpochMilli(Workflow.currentTimeMillis()).atZone(ZoneOffset.UTC).toLocalDate();
        for (int day = 0; day < CYCLE_DAYS; day++) {
            Workflow.sleep(Duration.ofDays(1));
            dailyUnits.add(meter.usageOn(plan.subscriptionId(), firstDay.plusDays(day)));
        }
        long amountCents = unitsSoFar() * plan.centsPerUnit();
        String paymentId = null;
        if (amountCents > 0) {
            paymentId = billing.charge(new Invoice(plan.subscriptionId() + "-usage-" + firstDay, plan.customerId(),
                    amountCents, firstDay.plusDays(CYCLE_DAYS)));
        }
        log.info("subscription {}: {} units from {} charged {} cents", plan.subscriptionId(), unitsSoFar(),
                firstDay, amountCents);
        return new UsageBill(plan.subscriptionId(), firstDay, dailyUnits, amountCents, paymentId);
    }

    @Override
    public long unitsSoFar() {
        return dailyUnits.stream().mapToLong(Long::longValue).sum();
    }
}
